"""The runner's features on the wire of both OpenAI APIs: MCP tools, structured output, tool-use
behaviour, turn limits, cancelling a stream, server-side state, sessions, filters, replay, hooks."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from agents_core import (
    Agent,
    AgentHooks,
    CallModelData,
    MaxTurnsExceeded,
    MemorySession,
    Model,
    ModelInputData,
    ModelResponse,
    ReplayModel,
    RunConfig,
    RunContextWrapper,
    RunHooks,
    Runner,
    RunRecorder,
    SessionSettings,
    Tool,
    ToolContext,
    ToolsToFinalOutputResult,
    TResponseInputItem,
    function_tool,
)
from agents_core.mcp import MCPServerStdio
from agents_core.testing import function_call
from agents_openai import OpenAIProvider
from agents_openai.testing import FakeOpenAIServer, Gate, ModelReply


@function_tool
def get_weather(city: str) -> str:
    """Current weather for a city."""
    return f"Sunny in {city}"


@function_tool
def get_time(city: str) -> str:
    """Current time in a city."""
    return f"Noon in {city}"


async def test_local_mcp_tools_are_offered_called_and_answered(
    server: FakeOpenAIServer, model: Model, demo_server_script: Path
) -> None:
    mcp = MCPServerStdio(
        params={"command": sys.executable, "args": [str(demo_server_script)]},
        client_session_timeout_seconds=30,
    )
    async with mcp:
        agent = Agent(name="calc", model=model, mcp_servers=[mcp])
        server.add(ModelReply([function_call("add", {"a": 2, "b": 40}, call_id="c")]), "42.")
        result = await Runner.run(agent, "What is 2 + 40?")

    first, second = (r.view for r in server.model_requests())
    add = first.function("add")
    assert add.description == "Add two integers."
    assert add.parameters["properties"].keys() == {"a", "b"}
    assert add.parameters["required"] == ["a", "b"] and add.strict is True
    assert second.function_outputs == {"c": "42"}
    assert result.final_output == "42."


class Forecast(BaseModel):
    city: str
    degrees: int


async def test_structured_output_is_requested_and_parsed(
    server: FakeOpenAIServer, model: Model, api: str
) -> None:
    server.add(json.dumps({"city": "Oslo", "degrees": 21}))
    agent = Agent(name="f", model=model, output_type=Forecast)

    result = await Runner.run(agent, "Forecast for Oslo")

    body = server.model_requests()[0].json
    if api == "responses":
        form = body["text"]["format"]
        assert (form["type"], form["name"], form["strict"]) == ("json_schema", "final_output", True)
        schema = form["schema"]
    else:
        form = body["response_format"]
        assert form["type"] == "json_schema" and form["json_schema"]["strict"] is True
        schema = form["json_schema"]["schema"]
    assert schema["required"] == ["city", "degrees"] and schema["additionalProperties"] is False
    assert result.final_output == Forecast(city="Oslo", degrees=21)


def _two_tool_calls() -> ModelReply:
    return ModelReply(
        [
            function_call("get_weather", {"city": "Oslo"}, call_id="w"),
            function_call("get_time", {"city": "Oslo"}, call_id="t"),
        ]
    )


async def _stop_at_time(
    context: RunContextWrapper[Any], results: list[Any]
) -> ToolsToFinalOutputResult:
    outputs = {r.tool.name: r.output for r in results}
    return ToolsToFinalOutputResult(is_final_output=True, final_output=outputs["get_time"])


@pytest.mark.parametrize(
    ("behavior", "requests", "final_output"),
    [
        ("run_llm_again", 2, "Sunny and noon."),
        ("stop_on_first_tool", 1, "Sunny in Oslo"),
        ({"stop_at_tool_names": ["get_time"]}, 1, "Noon in Oslo"),
        (_stop_at_time, 1, "Noon in Oslo"),
    ],
)
async def test_tool_use_behavior_decides_how_many_requests(
    server: FakeOpenAIServer,
    model: Model,
    behavior: Any,
    requests: int,
    final_output: str,
) -> None:
    server.add(_two_tool_calls())
    if requests == 2:
        server.add("Sunny and noon.")
    agent = Agent(name="w", model=model, tools=[get_weather, get_time], tool_use_behavior=behavior)
    result = await Runner.run(agent, "Weather and time in Oslo?")
    assert len(server.model_requests()) == requests
    assert result.final_output == final_output


async def test_max_turns_stops_after_that_many_requests(
    server: FakeOpenAIServer, model: Model
) -> None:
    for number in range(3):
        server.add(ModelReply([function_call("get_weather", {"city": "x"}, call_id=f"c{number}")]))
    agent = Agent(name="loop", model=model, tools=[get_weather])
    with pytest.raises(MaxTurnsExceeded, match=r"Max turns \(3\)") as info:
        await Runner.run(agent, "go", max_turns=3)
    assert len(server.model_requests()) == 3
    assert info.value.run_data is not None and len(info.value.run_data.raw_responses) == 3


async def test_cancelling_a_stream_midway_sends_nothing_more(
    server: FakeOpenAIServer, model: Model
) -> None:
    gate = Gate()
    # Held after the first few deltas of either API's stream.
    server.add(ModelReply(["one two three four five six"], pause_after=6, gate=gate))
    agent = Agent(name="talker", model=model, tools=[get_weather])
    result = Runner.run_streamed(agent, "talk")
    deltas: list[str] = []
    async for event in result.stream_events():
        if event.type == "raw_response_event" and event.data.type == "response.output_text.delta":
            deltas.append(event.data.delta)  # type: ignore[union-attr]  # narrowed by the type
            result.cancel()
    assert deltas and result.is_complete and result.final_output is None
    gate.open()
    await asyncio.sleep(0.05)  # let anything that wrongly went on reach the server
    assert len(server.model_requests()) == 1


async def test_previous_response_id_and_conversations_send_only_what_is_new(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    model = provider.get_model("gpt-4.1")
    agent = Agent(name="w", model=model, tools=[get_weather])
    server.add(ModelReply([function_call("get_weather", {"city": "Oslo"}, call_id="w")]), "Sunny.")
    first = await Runner.run(agent, "Weather in Oslo?", previous_response_id=None)
    server.add("Still sunny.")
    await Runner.run(agent, "And now?", previous_response_id=first.last_response_id)
    chained = server.model_requests()[2].json
    assert chained["previous_response_id"] == first.last_response_id
    assert chained["input"] == [{"role": "user", "content": "And now?"}]

    conversation = server.conversations.create([], None)["id"]
    server.add(ModelReply([function_call("get_weather", {"city": "Rome"}, call_id="r")]), "Warm.")
    await Runner.run(agent, "Weather in Rome?", conversation_id=conversation)
    call, follow_up = (r.json for r in server.model_requests()[3:])
    assert call["conversation"] == conversation == follow_up["conversation"]
    # The server holds the call: the follow-up sends only its output.
    assert [item["type"] for item in follow_up["input"]] == ["function_call_output"]


async def test_chat_completions_refuses_server_side_state(
    server: FakeOpenAIServer, chat_provider: OpenAIProvider
) -> None:
    agent = Agent(name="w", model=chat_provider.get_model("gpt-4.1"))
    with pytest.raises(Exception, match="previous_response_id, conversation_id and prompt"):
        await Runner.run(agent, "hi", previous_response_id="resp_1")
    assert server.model_requests() == []


async def test_a_session_carries_the_conversation_across_runs(
    server: FakeOpenAIServer, model: Model
) -> None:
    session = MemorySession()
    agent = Agent(name="w", model=model, tools=[get_weather])
    server.add(ModelReply([function_call("get_weather", {"city": "Oslo"}, call_id="w")]), "Sunny.")
    await Runner.run(agent, "Weather in Oslo?", session=session)
    server.add("You asked about Oslo.")
    await Runner.run(agent, "What did I ask?", session=session)

    third = server.model_requests()[2].view
    assert third.user_messages == ["Weather in Oslo?", "What did I ask?"]
    assert [(c.call_id, c.output) for c in third.function_calls] == [("w", "Sunny in Oslo")]
    assert third.assistant_messages == ["Sunny."]
    assert len(await session.get_items()) == 6


@pytest.mark.parametrize("where", ["session", "run_config"])
async def test_a_session_limit_never_starts_the_history_with_an_orphan_output(
    server: FakeOpenAIServer, model: Model, where: str
) -> None:
    settings = SessionSettings(limit=2)
    session = MemorySession(settings=settings if where == "session" else None)
    config = RunConfig(session_settings=settings if where == "run_config" else None)
    agent = Agent(name="w", model=model, tools=[get_weather])
    server.add(ModelReply([function_call("get_weather", {"city": "Oslo"}, call_id="w")]), "Sunny.")
    await Runner.run(agent, "Weather in Oslo?", session=session, run_config=config)
    # Stored: user, call, output, answer. The last 2 start with the call's output.
    server.add("Yes.")
    await Runner.run(agent, "Sure?", session=session, run_config=config)

    last = server.model_requests()[-1]
    items = last.json["input"] if "input" in last.json else last.json["messages"]
    assert last.view.function_outputs == {} and last.view.function_calls == []
    assert last.view.assistant_messages == ["Sunny."]
    assert last.view.user_messages == ["Sure?"]
    assert len(items) == 2


async def test_session_input_callback_combines_history_and_input(
    server: FakeOpenAIServer, model: Model
) -> None:
    def latest_first(
        history: list[TResponseInputItem], new: list[TResponseInputItem]
    ) -> list[TResponseInputItem]:
        return new + history[-1:]

    session = MemorySession()
    agent = Agent(name="a", model=model)
    server.add("First answer.", "Second answer.")
    await Runner.run(agent, "first", session=session)
    await Runner.run(
        agent, "second", session=session, run_config=RunConfig(session_input_callback=latest_first)
    )

    assert server.model_requests()[1].view.user_messages == ["second"]
    assert server.model_requests()[1].view.assistant_messages == ["First answer."]
    # Only the new input and the new answer are stored, never the history again.
    stored = await session.get_items()
    assert [item.get("content") for item in stored if item.get("role") == "user"] == [
        "first",
        "second",
    ]
    assert len(stored) == 4


async def test_call_model_input_filter_rewrites_each_request_and_keeps_it_valid(
    server: FakeOpenAIServer, model: Model
) -> None:
    seen: list[str] = []

    def last_two(data: CallModelData[Any]) -> ModelInputData:
        seen.append(data.agent.name)
        return ModelInputData(
            input=data.model_data.input[-2:],
            instructions=(data.model_data.instructions or "") + " Be terse.",
        )

    agent = Agent(name="w", instructions="Weather bot.", model=model, tools=[get_weather])
    server.add(
        ModelReply([function_call("get_weather", {"city": "Oslo"}, call_id="w")]),
        ModelReply([function_call("get_weather", {"city": "Rome"}, call_id="r")]),
        "Done.",
    )
    result = await Runner.run(
        agent, "Weather in Oslo and Rome?", run_config=RunConfig(call_model_input_filter=last_two)
    )

    views = [r.view for r in server.model_requests()]
    assert seen == ["w", "w", "w"]
    assert {v.instructions for v in views} == {"Weather bot. Be terse."}
    assert views[0].user_messages == ["Weather in Oslo and Rome?"]
    assert [(c.call_id, c.output) for c in views[1].function_calls] == [("w", "Sunny in Oslo")]
    # The last two items were Oslo's output and Rome's call: the output without its call is
    # dropped, and the call keeps its output.
    assert [(c.call_id, c.output) for c in views[2].function_calls] == [("r", "Sunny in Rome")]
    assert views[2].function_outputs == {"r": "Sunny in Rome"}
    assert len(result.new_items) == 5  # the run's own record is complete


async def test_a_recorded_http_run_replays_offline(
    server: FakeOpenAIServer, model: Model, tmp_path: Path
) -> None:
    path = tmp_path / "run.jsonl"
    agent = Agent(name="w", instructions="Weather bot.", model=model, tools=[get_weather])
    server.add(ModelReply([function_call("get_weather", {"city": "Oslo"}, call_id="w")]), "Sunny.")
    recorded = await Runner.run(agent, "Oslo?", run_config=RunConfig(recorder=RunRecorder(path)))
    sent = len(server.requests)

    replay = ReplayModel.from_file(path)
    replayed = await Runner.run(agent, "Oslo?", run_config=RunConfig(model=replay))
    replay.assert_complete()

    assert len(server.requests) == sent  # nothing reached the server
    assert replayed.final_output == recorded.final_output == "Sunny."
    assert [i.to_input_item() for i in replayed.new_items] == [
        i.to_input_item() for i in recorded.new_items
    ]


class _Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[Any, ...]] = []


class _RunHooks(RunHooks[Any], _Recorder):
    async def on_agent_start(self, context: RunContextWrapper[Any], agent: Agent[Any]) -> None:
        self.calls.append(("agent_start", agent.name))

    async def on_agent_end(
        self, context: RunContextWrapper[Any], agent: Agent[Any], output: Any
    ) -> None:
        self.calls.append(("agent_end", agent.name, output))

    async def on_llm_start(
        self,
        context: RunContextWrapper[Any],
        agent: Agent[Any],
        system_prompt: str | None,
        input_items: list[TResponseInputItem],
    ) -> None:
        self.calls.append(("llm_start", agent.name, system_prompt, len(input_items)))

    async def on_llm_end(
        self, context: RunContextWrapper[Any], agent: Agent[Any], response: ModelResponse
    ) -> None:
        self.calls.append(("llm_end", agent.name, response.request_id is not None))

    async def on_tool_start(
        self, context: RunContextWrapper[Any], agent: Agent[Any], tool: Tool
    ) -> None:
        assert isinstance(context, ToolContext)
        self.calls.append(
            (
                "tool_start",
                tool.name,
                context.tool_call_id,
                context.tool_name,
                context.tool_arguments,
            )
        )

    async def on_tool_end(
        self, context: RunContextWrapper[Any], agent: Agent[Any], tool: Tool, result: Any
    ) -> None:
        assert isinstance(context, ToolContext)
        self.calls.append(("tool_end", tool.name, context.tool_call_id, result))

    async def on_handoff(
        self, context: RunContextWrapper[Any], from_agent: Agent[Any], to_agent: Agent[Any]
    ) -> None:
        self.calls.append(("handoff", from_agent.name, to_agent.name))


class _AgentHooks(AgentHooks[Any], _Recorder):
    async def on_start(self, context: RunContextWrapper[Any], agent: Agent[Any]) -> None:
        self.calls.append(("start", agent.name))

    async def on_end(self, context: RunContextWrapper[Any], agent: Agent[Any], output: Any) -> None:
        self.calls.append(("end", agent.name, output))

    async def on_handoff(
        self, context: RunContextWrapper[Any], agent: Agent[Any], source: Agent[Any]
    ) -> None:
        self.calls.append(("handoff", agent.name, source.name))

    async def on_tool_start(
        self, context: RunContextWrapper[Any], agent: Agent[Any], tool: Tool
    ) -> None:
        assert isinstance(context, ToolContext)
        self.calls.append(("tool_start", tool.name, context.tool_call_id, context.tool_arguments))

    async def on_tool_end(
        self, context: RunContextWrapper[Any], agent: Agent[Any], tool: Tool, result: Any
    ) -> None:
        assert isinstance(context, ToolContext)
        self.calls.append(("tool_end", tool.name, context.tool_call_id, result))

    async def on_llm_start(
        self,
        context: RunContextWrapper[Any],
        agent: Agent[Any],
        system_prompt: str | None,
        input_items: list[TResponseInputItem],
    ) -> None:
        self.calls.append(("llm_start", agent.name, system_prompt))

    async def on_llm_end(
        self, context: RunContextWrapper[Any], agent: Agent[Any], response: ModelResponse
    ) -> None:
        self.calls.append(("llm_end", agent.name, len(response.output)))


async def test_every_hook_receives_what_it_documents(
    server: FakeOpenAIServer, model: Model
) -> None:
    run_hooks, weather_hooks, desk_hooks = _RunHooks(), _AgentHooks(), _AgentHooks()
    weather = Agent(
        name="Weather",
        instructions="Forecasts.",
        model=model,
        tools=[get_weather],
        hooks=weather_hooks,
    )
    desk = Agent(
        name="Desk", instructions="Route.", model=model, handoffs=[weather], hooks=desk_hooks
    )
    server.add(
        ModelReply([function_call("transfer_to_weather", {}, call_id="h")]),
        ModelReply([function_call("get_weather", {"city": "Oslo"}, call_id="w")]),
        "Sunny in Oslo today.",
    )

    await Runner.run(desk, "Weather in Oslo?", hooks=run_hooks)

    arguments = '{"city": "Oslo"}'
    assert run_hooks.calls == [
        ("agent_start", "Desk"),
        ("llm_start", "Desk", "Route.", 1),
        ("llm_end", "Desk", True),
        ("handoff", "Desk", "Weather"),
        ("agent_start", "Weather"),
        ("llm_start", "Weather", "Forecasts.", 3),
        ("llm_end", "Weather", True),
        ("tool_start", "get_weather", "w", "get_weather", arguments),
        ("tool_end", "get_weather", "w", "Sunny in Oslo"),
        ("llm_start", "Weather", "Forecasts.", 5),
        ("llm_end", "Weather", True),
        ("agent_end", "Weather", "Sunny in Oslo today."),
    ]
    assert desk_hooks.calls == [
        ("start", "Desk"),
        ("llm_start", "Desk", "Route."),
        ("llm_end", "Desk", 1),
    ]
    assert weather_hooks.calls == [
        ("handoff", "Weather", "Desk"),
        ("start", "Weather"),
        ("llm_start", "Weather", "Forecasts."),
        ("llm_end", "Weather", 1),
        ("tool_start", "get_weather", "w", arguments),
        ("tool_end", "get_weather", "w", "Sunny in Oslo"),
        ("llm_start", "Weather", "Forecasts."),
        ("llm_end", "Weather", 1),
        ("end", "Weather", "Sunny in Oslo today."),
    ]
