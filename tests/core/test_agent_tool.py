"""Agents as tools: nested runs, usage roll-up, streaming to the parent, errors, hooks."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from pydantic import BaseModel

from agents_core import (
    Agent,
    AgentToolStreamEvent,
    RunContextWrapper,
    RunHooks,
    Runner,
    ToolCallOutputItem,
    Usage,
    function_tool,
)
from agents_core.testing import ScriptedModel, function_call

usage = Usage(requests=1, input_tokens=10, output_tokens=5, total_tokens=15)


async def test_nested_agent_runs_and_usage_rolls_up() -> None:
    translator_model = ScriptedModel(["Bonjour"], default_usage=usage)
    translator = Agent(name="Translator", instructions="to French", model=translator_model)
    parent_model = ScriptedModel(
        [function_call("translate", {"input": "Hello"}, call_id="t"), "It is Bonjour."],
        default_usage=usage,
    )
    parent = Agent(
        name="Main",
        model=parent_model,
        tools=[translator.as_tool("translate", "Translate to French")],
    )
    result = await Runner.run(parent, "Say hello in French", context={"shared": True})
    assert translator_model.calls[0].input == [{"role": "user", "content": "Hello"}]
    assert translator_model.calls[0].system_instructions == "to French"
    output = next(i for i in result.new_items if isinstance(i, ToolCallOutputItem))
    assert output.output == "Bonjour"
    assert result.usage.requests == 3 and result.usage.total_tokens == 45
    schema = parent_model.calls[0].tools[0].params_json_schema  # type: ignore[union-attr]
    assert schema["required"] == ["input"]


async def test_two_levels_deep() -> None:
    leaf = Agent(name="Leaf", model=ScriptedModel(["leaf answer"]))
    middle = Agent(
        name="Middle",
        model=ScriptedModel(
            [function_call("leaf", {"input": "q"}, call_id="l"), "middle got: leaf answer"]
        ),
        tools=[leaf.as_tool("leaf", "ask the leaf")],
    )
    top_model = ScriptedModel([function_call("middle", {"input": "q"}, call_id="m"), "done"])
    top = Agent(name="Top", model=top_model, tools=[middle.as_tool("middle", "ask the middle")])
    result = await Runner.run(top, "go")
    assert top_model.calls[1].input[-1]["output"] == "middle got: leaf answer"
    assert result.usage.requests == 5


class Query(BaseModel):
    city: str
    days: int


async def test_structured_parameters_and_output_extractor() -> None:
    nested_model = ScriptedModel(["forecast ready"])

    async def extract(result: Any) -> str:
        return f"[{result.final_output}]"

    nested = Agent(name="Forecaster", model=nested_model)
    tool = nested.as_tool("forecast", "Forecast", parameters=Query, custom_output_extractor=extract)
    model = ScriptedModel(
        [function_call("forecast", {"city": "Oslo", "days": 3}, call_id="f"), "ok"]
    )
    await Runner.run(Agent(name="Main", model=model, tools=[tool]), "go")
    message = nested_model.calls[0].input[0]["content"]
    data = message.split("```json\n")[1].split("\n```")[0]
    assert json.loads(data) == {"city": "Oslo", "days": 3}
    assert "- city: string, required" in message and "- days: integer, required" in message
    assert model.calls[1].input[-1]["output"] == "[forecast ready]"
    assert tool.params_json_schema["required"] == ["city", "days"]


async def test_structured_input_can_carry_the_schema_or_be_built_by_the_caller() -> None:
    schema_model = ScriptedModel(["ok"])
    with_schema = Agent(name="S", model=schema_model).as_tool(
        "s", "s", parameters=Query, include_input_schema=True
    )
    built_model = ScriptedModel(["ok"])

    async def builder(options: Any) -> list[dict[str, Any]]:
        params = options["params"]
        return [{"role": "user", "content": f"{params['city']} for {params['days']} days"}]

    built = Agent(name="B", model=built_model).as_tool(
        "b", "b", parameters=Query, input_builder=builder
    )
    call = {"city": "Oslo", "days": 3}
    model = ScriptedModel(
        [[function_call("s", call, call_id="1"), function_call("b", call, call_id="2")], "ok"]
    )
    await Runner.run(Agent(name="Main", model=model, tools=[with_schema, built]), "go")
    assert '"additionalProperties": false' in schema_model.first_call.input[0]["content"]
    assert built_model.first_call.input == [{"role": "user", "content": "Oslo for 3 days"}]


async def test_a_slow_on_stream_handler_past_its_backlog_stops_the_nested_run() -> None:
    gate = asyncio.Event()

    async def stuck(event: Any) -> None:
        await gate.wait()

    nested = Agent(name="Chatty", model=ScriptedModel(["a b c d e f g h"]))
    tool = nested.as_tool("chat", "chat", on_stream=stuck, on_stream_max_pending_events=2)
    model = ScriptedModel([function_call("chat", {"input": "go"}, call_id="c"), "handled"])
    await Runner.run(Agent(name="Main", model=model, tools=[tool]), "go")
    assert "on_stream_max_pending_events" in model.calls[1].input[-1]["output"]


async def test_nested_errors_reach_the_parent_model() -> None:
    broken = Agent(name="Broken", model=ScriptedModel([RuntimeError("nested model down")]))
    model = ScriptedModel([function_call("broken", {"input": "x"}, call_id="b"), "handled"])
    result = await Runner.run(
        Agent(name="Main", model=model, tools=[broken.as_tool("broken", "fails")]), "go"
    )
    assert "nested model down" in model.calls[1].input[-1]["output"]
    assert result.final_output == "handled"


async def test_nested_stream_events_reach_the_parent() -> None:
    seen: list[AgentToolStreamEvent] = []
    nested = Agent(name="Streamer", model=ScriptedModel(["one two three"]))
    tool = nested.as_tool("stream", "streams", on_stream=seen.append)
    model = ScriptedModel([function_call("stream", {"input": "go"}, call_id="s"), "ok"])
    await Runner.run(Agent(name="Main", model=model, tools=[tool]), "go")
    deltas = [
        e["event"].data.delta
        for e in seen
        if e["event"].type == "raw_response_event"
        and e["event"].data.type == "response.output_text.delta"
    ]
    assert "".join(deltas) == "one two three"
    assert {e["agent"].name for e in seen} == {"Streamer"}
    assert seen[0]["tool_call"] is not None and seen[0]["tool_call"].call_id == "s"


async def test_nested_agent_has_its_own_max_turns_and_hooks() -> None:
    class Names(RunHooks[Any]):
        def __init__(self) -> None:
            self.started: list[str] = []

        async def on_agent_start(self, context: RunContextWrapper[Any], agent: Agent[Any]) -> None:
            self.started.append(agent.name)

    @function_tool
    def loop() -> str:
        return "again"

    nested_hooks = Names()
    looping = Agent(
        name="Looper",
        model=ScriptedModel([function_call("loop", {}, call_id=str(i)) for i in range(5)]),
        tools=[loop],
    )
    tool = looping.as_tool("looper", "loops", max_turns=2, hooks=nested_hooks)
    model = ScriptedModel([function_call("looper", {"input": "x"}, call_id="l"), "gave up"])
    parent_hooks = Names()
    result = await Runner.run(
        Agent(name="Main", model=model, tools=[tool]), "go", hooks=parent_hooks
    )
    assert "Max turns (2) exceeded" in model.calls[1].input[-1]["output"]
    assert nested_hooks.started == ["Looper"] and parent_hooks.started == ["Main"]
    assert result.final_output == "gave up"


async def test_agent_tool_can_need_approval() -> None:
    nested_model = ScriptedModel(["nested done"])
    nested = Agent(name="Deployer", model=nested_model)
    model = ScriptedModel([function_call("deploy", {"input": "prod"}, call_id="d"), "deployed"])
    parent = Agent(
        name="Main", model=model, tools=[nested.as_tool("deploy", "Deploy", needs_approval=True)]
    )
    paused = await Runner.run(parent, "ship it")
    assert [i.tool_name for i in paused.interruptions] == ["deploy"] and nested_model.calls == []
    state = paused.to_state()
    state.approve(state.get_interruptions()[0])
    result = await Runner.run(parent, state)
    assert nested_model.calls[0].input == [{"role": "user", "content": "prod"}]
    assert result.final_output == "deployed"


def _nested_approval_graph(
    nested_steps: list[Any], parent_steps: list[Any]
) -> tuple[Agent[Any], ScriptedModel, ScriptedModel, list[str]]:
    sent: list[str] = []

    @function_tool(needs_approval=True)
    def send_email(to: str) -> str:
        """Send an email."""
        sent.append(to)
        return f"sent to {to}"

    nested_model = ScriptedModel(nested_steps, default_usage=usage)
    mailer = Agent(name="Mailer", model=nested_model, tools=[send_email])
    parent_model = ScriptedModel(parent_steps, default_usage=usage)
    parent = Agent(name="Main", model=parent_model, tools=[mailer.as_tool("mail", "Send mail")])
    return parent, parent_model, nested_model, sent


async def test_a_nested_approval_pauses_the_parent_and_resumes_both() -> None:
    parent, parent_model, nested_model, sent = _nested_approval_graph(
        [
            [
                function_call("send_email", {"to": "ann"}, call_id="e1"),
                function_call("send_email", {"to": "bob"}, call_id="e2"),
            ],
            "mailed ann, not bob",
        ],
        [function_call("mail", {"input": "mail ann and bob"}, call_id="m"), "All done."],
    )
    paused = await Runner.run(parent, "send the mails")
    assert paused.final_output is None
    assert [(i.agent.name, i.name, i.call_id) for i in paused.interruptions] == [
        ("Mailer", "send_email", "e1"),
        ("Mailer", "send_email", "e2"),
    ]
    assert len(parent_model.calls) == 1 and sent == []
    assert paused.usage.requests == 2  # the parent's call and the nested one so far

    # Saved and loaded as text, as another process would.
    text = paused.to_state().to_string()
    state = await type(paused.to_state()).from_string(parent, text)
    ann, bob = state.get_interruptions()
    state.approve(ann)
    state.reject(bob, rejection_message="Not bob.")
    result = await Runner.run(parent, state)

    assert sent == ["ann"]
    assert result.final_output == "All done."
    # The nested run resumed where it paused: no new call for the turn that asked.
    assert len(nested_model.calls) == 2
    outputs = {i["call_id"]: i["output"] for i in nested_model.calls[1].input if "output" in i}
    assert outputs == {"e1": "sent to ann", "e2": "Not bob."}
    assert parent_model.calls[1].input[-1]["output"] == "mailed ann, not bob"
    assert result.usage.requests == 4  # counted once each, across the pause


async def test_an_undecided_nested_call_pauses_the_parent_again() -> None:
    parent, _, nested_model, sent = _nested_approval_graph(
        [
            [
                function_call("send_email", {"to": "ann"}, call_id="e1"),
                function_call("send_email", {"to": "bob"}, call_id="e2"),
            ],
            "done",
        ],
        [function_call("mail", {"input": "go"}, call_id="m"), "ok"],
    )
    paused = await Runner.run(parent, "go")
    state = paused.to_state()
    state.approve(state.get_interruptions()[0])
    again = await Runner.run(parent, state)
    assert [i.call_id for i in again.interruptions] == ["e2"] and sent == ["ann"]
    state = again.to_state()
    state.approve(state.get_interruptions()[0], always_approve=True)
    result = await Runner.run(parent, state)
    assert result.final_output == "ok" and sent == ["ann", "bob"]
    assert len(nested_model.calls) == 2


async def test_a_streamed_parent_pauses_for_a_nested_approval_and_resumes() -> None:
    parent, parent_model, nested_model, sent = _nested_approval_graph(
        [function_call("send_email", {"to": "ann"}, call_id="e1"), "mailed ann"],
        [function_call("mail", {"input": "mail ann"}, call_id="m"), "Done."],
    )
    paused = Runner.run_streamed(parent, "go")
    async for _ in paused.stream_events():
        pass
    assert [i.call_id for i in paused.interruptions] == ["e1"] and sent == []
    state = paused.to_state()
    state.approve(state.get_interruptions()[0])
    resumed = Runner.run_streamed(parent, state)
    async for _ in resumed.stream_events():
        pass
    assert resumed.final_output == "Done." and sent == ["ann"]
    assert parent_model.calls[-1].input[-1]["output"] == "mailed ann"
    assert len(nested_model.calls) == 2


async def test_the_nested_run_sees_the_calling_models_arguments_as_tool_input() -> None:
    seen: list[Any] = []

    def instructions(context: RunContextWrapper[Any], agent: Agent[Any]) -> str:
        seen.append(context.tool_input)
        return "Forecast."

    nested = Agent(name="Forecaster", instructions=instructions, model=ScriptedModel(["sunny"]))
    tool = nested.as_tool("forecast", "Forecast", parameters=Query)
    model = ScriptedModel(
        [function_call("forecast", {"city": "Oslo", "days": 3}, call_id="f"), "ok"]
    )
    result = await Runner.run(Agent(name="Main", model=model, tools=[tool]), "go")
    assert seen == [{"city": "Oslo", "days": 3}]
    assert result.context_wrapper.tool_input is None


async def test_a_nested_result_names_the_call_that_started_it() -> None:
    from agents_core import AgentHookContext, AgentHooks, RunResult
    from agents_core.result import AgentToolInvocation

    seen: list[Any] = []

    class Watch(AgentHooks[Any]):
        async def on_start(self, context: AgentHookContext[Any], agent: Agent[Any]) -> None:
            seen.append((type(context).__name__, context.turn_input))

    async def extract(result: Any) -> str:
        seen.append(result.agent_tool_invocation)
        return str(result.final_output)

    model = ScriptedModel([])
    helper = Agent(name="Helper", model=model, hooks=Watch())
    tool = helper.as_tool("ask_helper", "Ask.", custom_output_extractor=extract)
    main = Agent(name="Main", model=model, tools=[tool])
    model.extend([function_call("ask_helper", {"input": "sum 2+2"}, call_id="c9"), "4", "It is 4."])
    result = await Runner.run(main, "what is 2+2?", max_turns=5)
    assert isinstance(result, RunResult)
    assert result.agent_tool_invocation is None
    assert result.max_turns == 5
    assert seen[0] == ("AgentHookContext", [{"role": "user", "content": "sum 2+2"}])
    assert seen[1] == AgentToolInvocation(
        tool_name="ask_helper", tool_call_id="c9", tool_arguments='{"input": "sum 2+2"}'
    )


async def test_tool_use_behavior_sees_the_nested_run_result() -> None:
    from agents_core import FunctionToolResult, ToolsToFinalOutputResult

    seen: list[FunctionToolResult] = []

    def decide(
        ctx: RunContextWrapper[Any], results: list[FunctionToolResult]
    ) -> ToolsToFinalOutputResult:
        seen.extend(results)
        return ToolsToFinalOutputResult(is_final_output=True, final_output=results[0].output)

    model = ScriptedModel([])
    helper = Agent(name="Helper", model=model)
    main = Agent(
        name="Main",
        model=model,
        tools=[helper.as_tool("ask_helper", "Ask.")],
        tool_use_behavior=decide,
    )
    model.extend([function_call("ask_helper", {"input": "hi"}, call_id="c1"), "hello back"])
    result = await Runner.run(main, "go")
    assert result.final_output == "hello back"
    [only] = seen
    assert only.agent_run_result is not None
    assert only.agent_run_result.final_output == "hello back"
    assert only.agent_run_result.last_agent is helper and only.interruptions == []
