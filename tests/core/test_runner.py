"""The agent loop end to end with the scripted model: run, run_sync, run_streamed."""

from __future__ import annotations

import asyncio
import json
import logging
import subprocess
import sys
import threading
from dataclasses import dataclass
from typing import Any

import pytest
from pydantic import BaseModel

from agents_core import (
    Agent,
    MaxTurnsExceeded,
    MessageOutputItem,
    ModelBehaviorError,
    ModelRefusalError,
    ModelSettings,
    RunConfig,
    RunContextWrapper,
    Runner,
    ToolCallItem,
    ToolCallOutputItem,
    ToolExecutionError,
    ToolTimeoutError,
    Usage,
    UserError,
    function_tool,
)
from agents_core.testing import (
    ModelStep,
    ScriptedModel,
    UnexpectedModelCall,
    UnofferedToolCall,
    assistant_message,
    function_call,
    reasoning,
)


class Forecast(BaseModel):
    city: str
    temperature_c: float
    summary: str


@dataclass
class Ctx:
    unit: str = "celsius"


@function_tool
def lookup_city(ctx: RunContextWrapper[Ctx], place: str) -> str:
    """Find the city for a place name.

    Args:
        place: Any place name.
    """
    return f"{place.title()} (unit: {ctx.context.unit})"


@function_tool
async def temperature(city: str) -> float:
    """Current temperature in a city."""
    await asyncio.sleep(0)
    return 21.5


def weather_agent(model: ScriptedModel) -> Agent[Ctx]:
    return Agent[Ctx](
        name="weather",
        instructions="Answer with a forecast.",
        model=model,
        tools=[lookup_city, temperature],
        output_type=Forecast,
    )


def weather_script() -> list[Any]:
    return [
        [
            function_call("lookup_city", {"place": "oslo"}, call_id="c1"),
            function_call("temperature", {"city": "Oslo"}, call_id="c2"),
        ],
        json.dumps({"city": "Oslo", "temperature_c": 21.5, "summary": "Mild"}),
    ]


def check_weather_result(result: Any, model: ScriptedModel) -> None:
    assert result.final_output == Forecast(city="Oslo", temperature_c=21.5, summary="Mild")
    assert result.final_output_as(Forecast, raise_if_incorrect_type=True).city == "Oslo"
    kinds = [item.type for item in result.new_items]
    assert kinds == [
        "tool_call_item",
        "tool_call_item",
        "tool_call_output_item",
        "tool_call_output_item",
        "message_output_item",
    ]
    outputs = [item.output for item in result.new_items if isinstance(item, ToolCallOutputItem)]
    assert outputs == ["Oslo (unit: celsius)", 21.5]
    # The second call sees the tool outputs, in the order the model made the calls.
    second_input = model.calls[1].input
    assert second_input[0] == {"role": "user", "content": "Weather in Oslo?"}
    assert [i.get("call_id") for i in second_input if i.get("type") == "function_call_output"] == [
        "c1",
        "c2",
    ]
    assert model.calls[0].system_instructions == "Answer with a forecast."
    assert model.calls[0].tool_names == ["lookup_city", "temperature"]
    assert model.calls[0].output_schema is not None
    assert model.calls[0].output_schema.json_schema()["required"] == [
        "city",
        "temperature_c",
        "summary",
    ]
    assert result.usage.requests == 2
    assert result.last_agent.name == "weather"
    model.assert_complete()


async def test_run_two_tools_to_typed_output() -> None:
    model = ScriptedModel(weather_script())
    result = await Runner.run(weather_agent(model), "Weather in Oslo?", context=Ctx())
    check_weather_result(result, model)
    assert model.calls[0].streamed is False


def test_run_sync_two_tools_to_typed_output() -> None:
    model = ScriptedModel(weather_script())
    result = Runner.run_sync(weather_agent(model), "Weather in Oslo?", context=Ctx())
    check_weather_result(result, model)


async def test_run_streamed_two_tools_to_typed_output() -> None:
    model = ScriptedModel(weather_script())
    result = Runner.run_streamed(weather_agent(model), "Weather in Oslo?", context=Ctx())
    events = [event async for event in result.stream_events()]
    check_weather_result(result, model)
    assert result.is_complete
    assert model.calls[0].streamed is True
    assert events[0].type == "agent_updated_stream_event"
    names = [e.name for e in events if e.type == "run_item_stream_event"]
    assert names == [
        "tool_called",
        "tool_called",
        "tool_output",
        "tool_output",
        "message_output_created",
    ]
    raw = [e.data.type for e in events if e.type == "raw_response_event"]
    assert raw.count("response.completed") == 2
    assert "response.function_call_arguments.delta" in raw
    assert "response.output_text.delta" in raw


async def test_streamed_text_arrives_in_deltas_before_the_item() -> None:
    model = ScriptedModel(["The quick brown fox jumps"])
    result = Runner.run_streamed(Agent(name="a", model=model), "go")
    order: list[str] = []
    deltas: list[str] = []
    async for event in result.stream_events():
        if event.type == "raw_response_event" and event.data.type == "response.output_text.delta":
            deltas.append(event.data.delta)  # type: ignore[union-attr]
            order.append("delta")
        elif event.type == "run_item_stream_event":
            order.append(event.name)
    assert "".join(deltas) == "The quick brown fox jumps"
    assert len(deltas) == 5
    assert order.index("message_output_created") > order.index("delta")
    assert result.final_output == "The quick brown fox jumps"


def test_run_sync_refuses_inside_a_running_loop() -> None:
    async def inner() -> None:
        with pytest.raises(UserError, match=r"await Runner\.run"):
            Runner.run_sync(Agent(name="a", model=ScriptedModel(["x"])), "hi")

    asyncio.run(inner())


def test_run_sync_reuses_one_loop_across_calls() -> None:
    loops: list[asyncio.AbstractEventLoop] = []

    @function_tool
    async def which_loop() -> str:
        loops.append(asyncio.get_running_loop())
        return "ok"

    for _ in range(2):
        model = ScriptedModel([function_call("which_loop", {}, call_id="c"), "done"])
        assert (
            Runner.run_sync(Agent(name="a", model=model, tools=[which_loop]), "hi").final_output
            == "done"
        )
    assert loops[0] is loops[1]


async def test_run_streamed_needs_a_loop_message() -> None:
    def outside() -> None:
        Runner.run_streamed(Agent(name="a", model=ScriptedModel(["x"])), "hi")

    with pytest.raises(UserError, match="running event loop"):
        await asyncio.to_thread(outside)


async def test_tools_run_concurrently() -> None:
    both_started = asyncio.Event()
    started: list[str] = []

    @function_tool
    async def slow(name: str) -> str:
        started.append(name)
        if len(started) == 2:
            both_started.set()
        await asyncio.wait_for(both_started.wait(), 2)
        return name

    model = ScriptedModel(
        [
            [
                function_call("slow", {"name": "a"}, call_id="1"),
                function_call("slow", {"name": "b"}, call_id="2"),
            ],
            "ok",
        ]
    )
    result = await Runner.run(Agent(name="a", model=model, tools=[slow]), "go")
    assert result.final_output == "ok"
    assert sorted(started) == ["a", "b"]


async def test_sync_tool_runs_in_a_worker_thread() -> None:
    threads: list[int] = []

    @function_tool
    def blocking() -> str:
        threads.append(threading.get_ident())
        return "done"

    model = ScriptedModel([function_call("blocking", {}, call_id="1"), "ok"])
    await Runner.run(Agent(name="a", model=model, tools=[blocking]), "go")
    assert threads and threads[0] != threading.get_ident()


async def test_bad_tool_arguments_go_back_to_the_model() -> None:
    model = ScriptedModel(
        [
            function_call("temperature", "{not json", call_id="1"),
            function_call("temperature", {"town": "Oslo"}, call_id="2"),
            "sorry",
        ]
    )
    result = await Runner.run(Agent(name="a", model=model, tools=[temperature]), "go")
    outputs = [i.output for i in result.new_items if isinstance(i, ToolCallOutputItem)]
    assert "not valid JSON" in outputs[0]
    assert "Invalid arguments for tool 'temperature'" in outputs[0]
    assert "city" in outputs[1] and "Field required" in outputs[1]
    assert result.final_output == "sorry"


async def test_tool_error_goes_back_to_the_model_by_default() -> None:
    @function_tool
    def explode() -> str:
        raise RuntimeError("disk on fire")

    model = ScriptedModel([function_call("explode", {}, call_id="1"), "handled"])
    result = await Runner.run(Agent(name="a", model=model, tools=[explode]), "go")
    output = next(i for i in result.new_items if isinstance(i, ToolCallOutputItem))
    assert "disk on fire" in output.output
    assert model.calls[1].input[-1]["output"] == output.output


async def test_tool_error_raises_without_failure_function() -> None:
    @function_tool(failure_error_function=None)
    def explode() -> str:
        raise RuntimeError("disk on fire")

    model = ScriptedModel([function_call("explode", {}, call_id="1"), "unused"])
    with pytest.raises(ToolExecutionError) as info:
        await Runner.run(Agent(name="a", model=model, tools=[explode]), "go")
    assert info.value.tool_name == "explode"
    assert isinstance(info.value.original_error, RuntimeError)
    assert info.value.run_data is not None
    assert [i.type for i in info.value.run_data.new_items] == ["tool_call_item"]


async def test_custom_failure_function_shapes_the_message() -> None:
    def explain(ctx: RunContextWrapper[Any], error: Exception) -> str:
        return f"tool broke: {type(error).__name__}"

    @function_tool(failure_error_function=explain)
    def explode() -> str:
        raise KeyError("x")

    model = ScriptedModel([function_call("explode", {}, call_id="1"), "ok"])
    await Runner.run(Agent(name="a", model=model, tools=[explode]), "go")
    assert model.calls[1].input[-1]["output"] == "tool broke: KeyError"


async def test_tool_timeout_reported_to_the_model() -> None:
    @function_tool(timeout=0.05)
    async def stuck() -> str:
        await asyncio.sleep(10)
        return "never"

    model = ScriptedModel([function_call("stuck", {}, call_id="1"), "ok"])
    result = await Runner.run(Agent(name="a", model=model, tools=[stuck]), "go")
    output = next(i for i in result.new_items if isinstance(i, ToolCallOutputItem))
    assert output.output == "Tool 'stuck' timed out after 0.05 seconds."


async def test_tool_timeout_can_raise() -> None:
    @function_tool(timeout=0.05, timeout_behavior="raise_exception")
    async def stuck() -> str:
        await asyncio.sleep(10)
        return "never"

    model = ScriptedModel([function_call("stuck", {}, call_id="1"), "ok"])
    with pytest.raises(ToolTimeoutError) as info:
        await Runner.run(Agent(name="a", model=model, tools=[stuck]), "go")
    assert info.value.tool_name == "stuck" and info.value.timeout_seconds == 0.05


def test_tool_timeout_must_be_positive() -> None:
    with pytest.raises(UserError, match="positive"):

        @function_tool(timeout=0)
        def tool() -> str:
            return ""


async def test_unknown_tool_raises_by_default() -> None:
    model = ScriptedModel([function_call("nope", {}, call_id="1")], allow_unoffered_calls=True)
    with pytest.raises(ModelBehaviorError, match="Tool 'nope' not found in agent 'a'") as info:
        await Runner.run(Agent(name="a", model=model, tools=[temperature]), "go")
    assert "temperature" in str(info.value)
    assert info.value.run_data is not None and len(info.value.run_data.raw_responses) == 1


async def test_unknown_tool_can_be_reported_to_the_model() -> None:
    model = ScriptedModel(
        [function_call("nope", {}, call_id="1"), "recovered"], allow_unoffered_calls=True
    )
    result = await Runner.run(
        Agent(name="a", model=model),
        "go",
        run_config=RunConfig(tool_not_found_behavior="return_error_to_model"),
    )
    assert result.final_output == "recovered"
    assert "not found" in model.calls[1].input[-1]["output"]


async def test_max_turns_exceeded_carries_run_data() -> None:
    model = ScriptedModel(
        [function_call("temperature", {"city": "x"}, call_id=str(i)) for i in range(3)]
    )
    with pytest.raises(MaxTurnsExceeded, match=r"Max turns \(3\)") as info:
        await Runner.run(Agent(name="a", model=model, tools=[temperature]), "go", max_turns=3)
    assert info.value.run_data is not None
    assert len(info.value.run_data.raw_responses) == 3
    assert info.value.run_data.last_agent.name == "a"


async def test_max_turns_must_be_positive() -> None:
    with pytest.raises(UserError, match="max_turns"):
        await Runner.run(Agent(name="a", model=ScriptedModel(["x"])), "go", max_turns=0)


async def test_malformed_structured_output_is_a_model_behavior_error() -> None:
    model = ScriptedModel(['{"city": "Oslo", "temperature_c": "warm"'])
    agent = Agent(name="a", model=model, output_type=Forecast)
    with pytest.raises(ModelBehaviorError, match="not valid JSON for Forecast") as info:
        await Runner.run(agent, "go")
    assert info.value.run_data is not None
    assert isinstance(info.value.run_data.new_items[0], MessageOutputItem)


async def test_structured_output_that_does_not_validate() -> None:
    model = ScriptedModel(['{"city": "Oslo", "temperature_c": "warm", "summary": "x"}'])
    with pytest.raises(ModelBehaviorError, match="temperature_c"):
        await Runner.run(Agent(name="a", model=model, output_type=Forecast), "go")


async def test_non_object_output_type_is_wrapped() -> None:
    model = ScriptedModel(['{"response": [1, 2, 3]}'])
    agent = Agent(name="a", model=model, output_type=list[int])
    result = await Runner.run(agent, "go")
    assert result.final_output == [1, 2, 3]
    schema = model.calls[0].output_schema
    assert schema is not None and schema.json_schema()["required"] == ["response"]


async def test_reasoning_only_turn_runs_again() -> None:
    model = ScriptedModel([reasoning("thinking"), "answer"])
    result = await Runner.run(Agent(name="a", model=model), "go")
    assert result.final_output == "answer"
    assert [i.type for i in result.new_items] == ["reasoning_item", "message_output_item"]
    assert model.calls[1].input[1]["type"] == "reasoning"


async def test_stop_on_first_tool() -> None:
    model = ScriptedModel([function_call("temperature", {"city": "x"}, call_id="1")])
    agent = Agent(
        name="a", model=model, tools=[temperature], tool_use_behavior="stop_on_first_tool"
    )
    result = await Runner.run(agent, "go")
    assert result.final_output == 21.5
    assert len(model.calls) == 1


async def test_stop_at_named_tools() -> None:
    model = ScriptedModel(
        [
            function_call("lookup_city", {"place": "x"}, call_id="1"),
            function_call("temperature", {"city": "x"}, call_id="2"),
        ]
    )
    agent = Agent[Ctx](
        name="a",
        model=model,
        tools=[lookup_city, temperature],
        tool_use_behavior={"stop_at_tool_names": ["temperature"]},
    )
    result = await Runner.run(agent, "go", context=Ctx())
    assert result.final_output == 21.5
    assert len(model.calls) == 2


async def test_tool_use_behavior_function() -> None:
    from agents_core import FunctionToolResult, ToolsToFinalOutputResult

    async def decide(
        ctx: RunContextWrapper[Any], results: list[FunctionToolResult]
    ) -> ToolsToFinalOutputResult:
        return ToolsToFinalOutputResult(is_final_output=True, final_output=f"t={results[0].output}")

    model = ScriptedModel([function_call("temperature", {"city": "x"}, call_id="1")])
    agent = Agent(name="a", model=model, tools=[temperature], tool_use_behavior=decide)
    assert (await Runner.run(agent, "go")).final_output == "t=21.5"


def test_bad_tool_use_behavior_is_rejected() -> None:
    with pytest.raises(UserError, match="tool_use_behavior"):
        Agent(name="a", tool_use_behavior="sometimes")  # type: ignore[arg-type]


async def test_forced_tool_choice_is_reset_after_a_tool_call() -> None:
    model = ScriptedModel([function_call("temperature", {"city": "x"}, call_id="1"), "done"])
    agent = Agent(
        name="a",
        model=model,
        tools=[temperature],
        model_settings=ModelSettings(tool_choice="required"),
    )
    await Runner.run(agent, "go")
    assert model.calls[0].model_settings.tool_choice == "required"
    assert model.calls[1].model_settings.tool_choice is None


async def test_forced_tool_choice_kept_when_reset_disabled() -> None:
    model = ScriptedModel([function_call("temperature", {"city": "x"}, call_id="1"), "done"])
    agent = Agent(
        name="a",
        model=model,
        tools=[temperature],
        model_settings=ModelSettings(tool_choice="required"),
        reset_tool_choice=False,
    )
    await Runner.run(agent, "go")
    assert model.calls[1].model_settings.tool_choice == "required"


async def test_run_config_model_settings_layer_over_the_agent() -> None:
    model = ScriptedModel(["ok"])
    agent = Agent(name="a", model=model, model_settings=ModelSettings(temperature=0.2, top_p=0.5))
    await Runner.run(
        agent, "go", run_config=RunConfig(model_settings=ModelSettings(temperature=0.9))
    )
    settings = model.calls[0].model_settings
    assert (settings.temperature, settings.top_p) == (0.9, 0.5)


async def test_dynamic_instructions_see_context_and_agent() -> None:
    async def instructions(ctx: RunContextWrapper[Ctx], agent: Agent[Ctx]) -> str:
        return f"{agent.name} speaks {ctx.context.unit}"

    model = ScriptedModel(["ok"])
    await Runner.run(
        Agent[Ctx](name="bot", instructions=instructions, model=model), "go", context=Ctx()
    )
    assert model.calls[0].system_instructions == "bot speaks celsius"


async def test_instructions_function_must_return_a_string() -> None:
    def bad(ctx: RunContextWrapper[Any], agent: Agent[Any]) -> Any:
        return 42

    with pytest.raises(UserError, match="expected a string"):
        await Runner.run(Agent(name="a", instructions=bad, model=ScriptedModel(["x"])), "go")


async def test_disabled_tools_are_not_offered() -> None:
    @function_tool(is_enabled=lambda ctx, agent: ctx.context.unit == "kelvin")
    def kelvin_only() -> str:
        return "K"

    model = ScriptedModel(["ok"])
    await Runner.run(
        Agent[Ctx](name="a", model=model, tools=[kelvin_only, temperature]), "go", context=Ctx()
    )
    assert model.calls[0].tool_names == ["temperature"]


async def test_duplicate_tool_names_warn_and_keep_one_or_are_a_user_error(
    caplog: pytest.LogCaptureFixture,
) -> None:
    other = function_tool(lambda city: 1.0, name_override="temperature")
    strict = RunConfig(tool_name_collision_policy="error")
    with pytest.raises(UserError, match="2 tools or handoffs named 'temperature'"):
        await Runner.run(
            Agent(name="a", model=ScriptedModel(["x"]), tools=[temperature, other]),
            "go",
            run_config=strict,
        )
    model = ScriptedModel(["x"])
    with caplog.at_level(logging.WARNING, logger="openai.agents"):
        await Runner.run(Agent(name="a", model=model, tools=[temperature, other]), "go")
    assert model.first_call.tools == [other]  # the last of that name
    assert any("tool name collision" in r.getMessage() for r in caplog.records)


async def test_a_handoff_wins_over_a_tool_of_the_same_name() -> None:
    billing = Agent(name="Billing", model=ScriptedModel(["billing here"]))
    clash = function_tool(lambda: "tool", name_override="transfer_to_billing")
    model = ScriptedModel([function_call("transfer_to_billing", {}, call_id="h")])
    agent = Agent(name="a", model=model, tools=[clash], handoffs=[billing])
    result = await Runner.run(agent, "go")
    assert model.first_call.tools == [] and result.last_agent is billing


async def test_model_error_propagates_with_run_data() -> None:
    model = ScriptedModel([ConnectionError("network down")])
    with pytest.raises(ConnectionError):
        await Runner.run(Agent(name="a", model=model), "go")


async def test_scripted_model_out_of_steps() -> None:
    model = ScriptedModel([function_call("temperature", {"city": "x"}, call_id="1")])
    with pytest.raises(UnexpectedModelCall) as info:
        await Runner.run(Agent(name="a", model=model, tools=[temperature]), "go")
    assert info.value.call_index == 1


async def test_input_list_and_to_input_list_round_trip() -> None:
    model = ScriptedModel(
        [function_call("temperature", {"city": "x"}, call_id="1"), "first", "second"]
    )
    agent = Agent(name="a", model=model, tools=[temperature])
    first = await Runner.run(agent, "hello")
    follow_up = [*first.to_input_list(), {"role": "user", "content": "again"}]
    second = await Runner.run(agent, follow_up)
    assert second.final_output == "second"
    sent = model.calls[2].input
    assert [i.get("type", "message") for i in sent] == [
        "message",
        "function_call",
        "function_call_output",
        "message",
        "message",
    ]
    assert sent[-1] == {"role": "user", "content": "again"}


async def test_input_must_be_text_or_items() -> None:
    with pytest.raises(UserError, match="a string, a list of input item"):
        await Runner.run(Agent(name="a", model=ScriptedModel(["x"])), 42)  # type: ignore[arg-type]


async def test_previous_response_id_sends_only_new_items() -> None:
    model = ScriptedModel(
        [
            ModelStep(
                output=[function_call("temperature", {"city": "x"}, call_id="1")], response_id="r1"
            ),
            "done",
        ]
    )
    agent = Agent(name="a", model=model, tools=[temperature])
    result = await Runner.run(agent, "go", previous_response_id="r0")
    assert model.calls[0].previous_response_id == "r0"
    assert model.calls[1].previous_response_id == "r1"
    assert [i["type"] for i in model.calls[1].input] == ["function_call_output"]
    assert result.last_response_id == "resp_scripted_2"


async def test_conversation_id_is_passed_and_history_not_resent() -> None:
    model = ScriptedModel([function_call("temperature", {"city": "x"}, call_id="1"), "done"])
    await Runner.run(
        Agent(name="a", model=model, tools=[temperature]), "go", conversation_id="conv_1"
    )
    assert {c.conversation_id for c in model.calls} == {"conv_1"}
    assert [i["type"] for i in model.calls[1].input] == ["function_call_output"]


async def test_usage_is_summed_over_turns() -> None:
    usage = Usage(requests=1, input_tokens=10, output_tokens=5, total_tokens=15)
    model = ScriptedModel(
        [function_call("temperature", {"city": "x"}, call_id="1"), "done"], default_usage=usage
    )
    result = await Runner.run(Agent(name="a", model=model, tools=[temperature]), "go")
    assert (result.usage.requests, result.usage.input_tokens, result.usage.total_tokens) == (
        2,
        20,
        30,
    )


async def test_model_by_name_through_the_run_config_provider() -> None:
    from agents_core import Model, ModelProvider

    scripted = ScriptedModel(["from provider"])
    asked: list[str | None] = []

    class Provider(ModelProvider):
        def get_model(self, model_name: str | None) -> Model:
            asked.append(model_name)
            return scripted

    result = await Runner.run(
        Agent(name="a", model="gpt-test"), "go", run_config=RunConfig(model_provider=Provider())
    )
    assert result.final_output == "from provider"
    assert asked == ["gpt-test"]
    override = ScriptedModel(["override"])
    result = await Runner.run(
        Agent(name="a", model=scripted), "go", run_config=RunConfig(model=override)
    )
    assert result.final_output == "override"


def test_no_provider_gives_a_clear_error() -> None:
    # In a fresh interpreter: importing the 'agents' facade elsewhere installs a default provider.
    code = (
        "from agents_core import Agent, Runner, UserError\n"
        "try:\n"
        "    Runner.run_sync(Agent(name='a', model='gpt-test'), 'go')\n"
        "except UserError as exc:\n"
        "    print(exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "No model provider is configured" in out.stdout
    assert "'gpt-test'" in out.stdout


async def test_a_refusal_is_a_model_refusal_error_with_run_data() -> None:
    from agents_core.testing import refusal

    for output_type in (str, Forecast):
        model = ScriptedModel([refusal("I can't")])
        with pytest.raises(ModelRefusalError, match="refused to produce output: I can't") as info:
            await Runner.run(Agent(name="a", model=model, output_type=output_type), "go")
        assert info.value.refusal == "I can't"
        assert info.value.run_data is not None and len(info.value.run_data.new_items) == 1


async def test_error_handlers_turn_a_refusal_or_invalid_output_into_a_final_output() -> None:
    from agents_core.testing import refusal

    seen: list[str] = []

    def polite(data: Any) -> str:
        seen.append(type(data.error).__name__)
        return "Sorry, I cannot help with that."

    result = await Runner.run(
        Agent(name="a", model=ScriptedModel([refusal("no")])),
        "go",
        error_handlers={"model_refusal": polite},
    )
    assert result.final_output == "Sorry, I cannot help with that."
    assert result.to_input_list()[-1]["content"][0]["text"] == "Sorry, I cannot help with that."
    result = await Runner.run(
        Agent(name="a", model=ScriptedModel(["not json"]), output_type=Forecast),
        "go",
        error_handlers={"invalid_final_output": lambda data: {"final_output": None}},
    )
    assert result.final_output is None
    assert seen == ["ModelRefusalError"]


async def test_unknown_output_items_are_kept() -> None:
    from agents_core import ResponseOtherItem

    hosted = ResponseOtherItem.model_validate(
        {"type": "web_search_call", "id": "ws1", "status": "completed", "action": None}
    )
    model = ScriptedModel([[hosted, assistant_message("found it")]])
    result = await Runner.run(Agent(name="a", model=model), "go")
    assert isinstance(result.new_items[0], ToolCallItem)
    assert result.to_input_list()[1] == {
        "type": "web_search_call",
        "id": "ws1",
        "status": "completed",
        "action": None,
    }
    assert result.final_output == "found it"


async def test_the_scripted_model_refuses_a_call_it_was_not_offered() -> None:
    billing = Agent(name="Billing", model=ScriptedModel([]))
    model = ScriptedModel([function_call("transfer_to_support", {}, call_id="h")])
    agent = Agent(name="a", model=model, tools=[temperature], handoffs=[billing])
    with pytest.raises(UnofferedToolCall) as info:
        await Runner.run(agent, "go")
    assert info.value.name == "transfer_to_support"
    assert info.value.offered == ["temperature", "transfer_to_billing"]
    assert "allow_unoffered_calls=True" in str(info.value)


async def test_a_default_agent_runner_carries_out_every_run() -> None:
    from agents_core.run import AgentRunner, get_default_agent_runner, set_default_agent_runner

    seen: list[tuple[str, str, Any]] = []

    class Auditing(AgentRunner):
        async def run(self, starting_agent: Any, input: Any, **kwargs: Any) -> Any:
            seen.append(("run", starting_agent.name, kwargs.get("max_turns")))
            return await super().run(starting_agent, input, **kwargs)

        def run_streamed(self, starting_agent: Any, input: Any, **kwargs: Any) -> Any:
            seen.append(("run_streamed", starting_agent.name, kwargs.get("context")))
            return super().run_streamed(starting_agent, input, **kwargs)

    original = get_default_agent_runner()
    auditing = Auditing()
    set_default_agent_runner(auditing)
    try:
        assert get_default_agent_runner() is auditing
        agent = Agent(name="a", model=ScriptedModel(["one", "two"]))
        assert (await Runner.run(agent, "go", max_turns=3)).final_output == "one"
        streamed = Runner.run_streamed(agent, "go", context={"user": 1})
        async for _ in streamed.stream_events():
            pass
        assert streamed.final_output == "two"
    finally:
        set_default_agent_runner(None)
    assert type(get_default_agent_runner()) is AgentRunner
    assert get_default_agent_runner() is not original or type(original) is AgentRunner
    assert seen == [("run", "a", 3), ("run_streamed", "a", {"user": 1})]


def test_run_sync_goes_through_the_default_agent_runner() -> None:
    from agents_core.run import AgentRunner, set_default_agent_runner

    calls: list[str] = []

    class Counting(AgentRunner):
        async def run(self, starting_agent: Any, input: Any, **kwargs: Any) -> Any:
            calls.append(input)
            return await super().run(starting_agent, input, **kwargs)

    set_default_agent_runner(Counting())
    try:
        result = Runner.run_sync(Agent(name="a", model=ScriptedModel(["done"])), "sync please")
    finally:
        set_default_agent_runner(None)
    assert result.final_output == "done" and calls == ["sync please"]
