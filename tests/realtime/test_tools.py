"""Tool calls during a realtime session: outputs on the wire, concurrency, one answer per batch."""

from __future__ import annotations

import asyncio
import json
from typing import TYPE_CHECKING, Any

import pytest

from agents_core import (
    RunContextWrapper,
    ToolContext,
    ToolGuardrailFunctionOutput,
    ToolInputGuardrailData,
    function_tool,
    tool_input_guardrail,
)
from agents_core.exceptions import ModelBehaviorError, ToolExecutionError
from agents_realtime import (
    BackgroundToolResult,
    RealtimeAgent,
    RealtimeAgentHooks,
    RealtimeRunHooks,
    RealtimeRunner,
    RealtimeToolCallItem,
)
from agents_realtime.config import ToolErrorFormatterArgs
from agents_realtime.testing import FakeRealtimeServer, FunctionCallReply, RealtimeReply

if TYPE_CHECKING:
    from agents_realtime import RealtimeRunConfig
    from tests.realtime.conftest import Realtime

pytestmark = pytest.mark.timeout(30)


@function_tool
def get_weather(city: str) -> str:
    """Look up the weather.

    Args:
        city: The city.
    """
    return f"Sunny in {city}"


def _kinds(server: FakeRealtimeServer, *kinds: str) -> list[str]:
    return [
        frame["item"]["type"] if frame["type"] == "conversation.item.create" else frame["type"]
        for frame in server.connections[0].received
        if frame["type"] in kinds
    ]


async def _run(
    server: FakeRealtimeServer,
    rt: type[Realtime],
    agent: RealtimeAgent[Any],
    *,
    ends: int = 2,
    config: RealtimeRunConfig | None = None,
    context: Any = None,
) -> list[Any]:
    runner = RealtimeRunner(agent, config=config)
    async with await runner.run(context=context, model_config=server.model_config()) as session:
        await session.send_message("Go")
        return await rt.until(session, rt.nth("agent_end", ends))


async def test_a_tool_call_mid_conversation_sends_its_output_then_asks_for_the_answer(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    server.add(FunctionCallReply("get_weather", {"city": "Oslo"}, call_id="call_w"), "Sunny there.")
    agent = RealtimeAgent(name="Assistant", tools=[get_weather])
    events = await _run(server, rt, agent)

    start = next(e for e in events if e.type == "tool_start")
    end = next(e for e in events if e.type == "tool_end")
    assert start.tool is get_weather and json.loads(start.arguments) == {"city": "Oslo"}
    assert end.output == "Sunny in Oslo" and end.agent is agent
    output = [
        f["item"]
        for f in server.connections[0].frames("conversation.item.create")
        if f["item"]["type"] == "function_call_output"
    ]
    assert output == [
        {"type": "function_call_output", "call_id": "call_w", "output": "Sunny in Oslo"}
    ]
    assert _kinds(server, "conversation.item.create", "response.create") == [
        "message",
        "response.create",
        "function_call_output",
        "response.create",
    ]
    calls = [
        e.item
        for e in events
        if e.type == "history_added" and isinstance(e.item, RealtimeToolCallItem)
    ]
    assert calls and calls[0].name == "get_weather"
    updates = [e.history for e in events if e.type == "history_updated"]
    finished = [i for i in updates[-1] if isinstance(i, RealtimeToolCallItem)]
    assert finished[0].output == "Sunny in Oslo" and finished[0].status == "completed"


async def test_two_calls_in_one_response_run_together_and_get_one_answer(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    first_started = asyncio.Event()
    second_started = asyncio.Event()

    @function_tool
    async def first() -> str:
        """First."""
        first_started.set()
        await second_started.wait()  # only returns if the second call runs at the same time
        return "one"

    @function_tool
    async def second() -> str:
        """Second."""
        second_started.set()
        await first_started.wait()
        return "two"

    server.add(
        RealtimeReply(
            [FunctionCallReply("first", call_id="c1"), FunctionCallReply("second", call_id="c2")]
        ),
        "Both done.",
    )
    await _run(server, rt, RealtimeAgent(name="a", tools=[first, second]))

    kinds = _kinds(server, "conversation.item.create", "response.create")
    assert kinds[:2] == ["message", "response.create"]
    assert sorted(kinds[2:4]) == ["function_call_output", "function_call_output"]
    assert kinds[4:] == ["response.create"]  # one answer, after both outputs
    outputs = {
        f["item"]["call_id"]: f["item"]["output"]
        for f in server.connections[0].frames("conversation.item.create")
        if f["item"]["type"] == "function_call_output"
    }
    assert outputs == {"c1": "one", "c2": "two"}


async def test_with_async_tool_calls_off_calls_run_one_after_the_other(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    order: list[str] = []

    @function_tool
    async def slow() -> str:
        """Slow."""
        order.append("slow started")
        await asyncio.sleep(0)
        order.append("slow finished")
        return "s"

    @function_tool
    def quick() -> str:
        """Quick."""
        order.append("quick")
        return "q"

    server.add(
        RealtimeReply(
            [FunctionCallReply("slow", call_id="c1"), FunctionCallReply("quick", call_id="c2")]
        ),
        "Done.",
    )
    agent = RealtimeAgent(name="a", tools=[slow, quick])
    await _run(server, rt, agent, config={"async_tool_calls": False})
    assert order == ["slow started", "slow finished", "quick"]
    assert _kinds(server, "response.create").count("response.create") == 2


async def test_a_background_result_reaches_the_model_without_an_answer(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    @function_tool
    def save_note(text: str) -> BackgroundToolResult:
        """Save a note."""
        return BackgroundToolResult(f"saved: {text}")

    server.add(FunctionCallReply("save_note", {"text": "milk"}, call_id="c1"), "Noted.")
    runner = RealtimeRunner(RealtimeAgent(name="a", tools=[save_note]))
    async with await runner.run(model_config=server.model_config()) as session:
        await session.send_message("Remember milk")
        events = await rt.until(session, rt.nth("tool_end"))
        connection = server.connections[0]
        await connection.wait_for(
            lambda: [
                f
                for f in connection.frames("conversation.item.create")
                if f["item"]["type"] == "function_call_output"
            ]
        )
        await session.send_message("What else?")
        await rt.until(session, rt.nth("agent_end", 1))

    assert events[-1].output == "saved: milk"
    assert _kinds(server, "conversation.item.create", "response.create") == [
        "message",
        "response.create",
        "function_call_output",
        "message",
        "response.create",
    ]


async def test_a_failing_tool_is_reported_and_the_model_is_told(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    def explode() -> str:
        raise RuntimeError("disk on fire")

    tool = function_tool(explode, failure_error_function=None)
    server.add(FunctionCallReply("explode", call_id="c1"), "Sorry.")
    events = await _run(server, rt, RealtimeAgent(name="a", tools=[tool]))

    error = next(e.error for e in events if e.type == "error")
    assert isinstance(error, ToolExecutionError) and error.tool_name == "explode"
    output = server.connections[0].frames("conversation.item.create")[1]["item"]["output"]
    assert "disk on fire" in output
    assert _kinds(server, "response.create").count("response.create") == 2


async def test_tool_error_formatter_writes_what_the_model_reads(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    seen: list[ToolErrorFormatterArgs] = []

    def formatter(args: ToolErrorFormatterArgs) -> str:
        seen.append(args)
        return f"{args.tool_name} is unavailable right now."

    def explode() -> str:
        raise RuntimeError("secret detail")

    tool = function_tool(explode, failure_error_function=None)
    server.add(FunctionCallReply("explode", call_id="c1"), "Sorry.")
    await _run(
        server,
        rt,
        RealtimeAgent(name="a", tools=[tool]),
        config={"tool_error_formatter": formatter},
    )
    output = server.connections[0].frames("conversation.item.create")[1]["item"]["output"]
    assert output == "explode is unavailable right now."
    assert seen[0].kind == "tool_exception" and seen[0].call_id == "c1"


async def test_a_tool_that_runs_too_long_times_out(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    @function_tool(timeout=0.05)
    async def hang() -> str:
        """Never answers."""
        await asyncio.Event().wait()
        return "never"

    server.add(FunctionCallReply("hang", call_id="c1"), "It timed out.")
    await _run(server, rt, RealtimeAgent(name="a", tools=[hang]))
    output = server.connections[0].frames("conversation.item.create")[1]["item"]["output"]
    assert output == "Tool 'hang' timed out after 0.05 seconds."


async def test_a_call_to_a_tool_that_was_not_offered_is_answered_with_an_error(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    server.add(FunctionCallReply("nope", call_id="c1"), "Sorry.")
    events = await _run(server, rt, RealtimeAgent(name="a", tools=[get_weather]))
    error = next(e.error for e in events if e.type == "error")
    assert isinstance(error, ModelBehaviorError) and "nope" in str(error)
    output = server.connections[0].frames("conversation.item.create")[1]["item"]
    assert output == {
        "type": "function_call_output",
        "call_id": "c1",
        "output": "Tool nope not found.",
    }


async def test_tool_input_guardrails_can_replace_the_call(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    ran: list[str] = []

    @tool_input_guardrail
    def no_paris(data: ToolInputGuardrailData) -> ToolGuardrailFunctionOutput:
        if "Paris" in data.context.tool_arguments:
            return ToolGuardrailFunctionOutput.reject_content("Paris is off limits.")
        return ToolGuardrailFunctionOutput.allow()

    @function_tool(tool_input_guardrails=[no_paris])
    def weather(city: str) -> str:
        """Weather."""
        ran.append(city)
        return "rain"

    server.add(FunctionCallReply("weather", {"city": "Paris"}, call_id="c1"), "No.")
    await _run(server, rt, RealtimeAgent(name="a", tools=[weather]))
    assert ran == []
    output = server.connections[0].frames("conversation.item.create")[1]["item"]["output"]
    assert output == "Paris is off limits."


async def test_tools_get_the_context_and_hooks_see_each_call(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    calls: list[str] = []

    class Hooks(RealtimeAgentHooks[Any]):
        async def on_tool_start(
            self, context: RunContextWrapper[Any], agent: Any, tool: Any
        ) -> None:
            calls.append(f"agent start {tool.name}")

        async def on_tool_end(
            self, context: RunContextWrapper[Any], agent: Any, tool: Any, result: Any
        ) -> None:
            calls.append(f"agent end {result}")

    class RunHooks(RealtimeRunHooks[Any]):
        async def on_tool_start(
            self, context: RunContextWrapper[Any], agent: Any, tool: Any
        ) -> None:
            calls.append(f"run start {context.context['user']}")

    @function_tool
    def whoami(ctx: ToolContext[dict[str, str]]) -> str:
        """Who is asking."""
        return f"{ctx.context['user']} via {ctx.tool_call_id}"

    server.add(FunctionCallReply("whoami", call_id="c9"), "Ok.")
    agent = RealtimeAgent(name="a", tools=[whoami], hooks=Hooks())
    await _run(server, rt, agent, config={"hooks": RunHooks()}, context={"user": "ada"})
    assert calls == ["run start ada", "agent start whoami", "agent end ada via c9"]
