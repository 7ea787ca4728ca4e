"""ScriptedModel steps: responders, exact streams, dict steps, and steps refused up front."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from agents_core import Agent, ModelResponse, ModelSettings, Runner, Usage, function_tool
from agents_core.exceptions import InvalidModelStep
from agents_core.testing import (
    ModelCall,
    ModelStep,
    ScriptedModel,
    assistant_message,
    function_call,
    stream_events_for,
)


@function_tool
def lookup(order: str) -> str:
    return f"order {order}: shipped"


async def test_a_responder_answers_from_the_recorded_call() -> None:
    async def echo_tool_output(call: ModelCall) -> Any:
        output = call.input[-1]["output"]
        return {"output": [assistant_message(f"Told: {output}")], "request_id": "req_1"}

    model = ScriptedModel(
        [
            ModelStep.respond(lambda call: [function_call("lookup", {"order": "9"}, call_id="c")]),
            ModelStep.respond(echo_tool_output),
        ]
    )
    result = await Runner.run(Agent(name="a", model=model, tools=[lookup]), "where?")
    assert result.final_output == "Told: order 9: shipped"
    assert result.raw_responses[-1].request_id == "req_1"


async def test_raise_error_makes_the_call_fail() -> None:
    model = ScriptedModel([ModelStep.raise_error(TimeoutError("slow"))])
    with pytest.raises(TimeoutError, match="slow"):
        await Runner.run(Agent(name="a", model=model), "go")


@pytest.mark.parametrize("as_factory", [False, True])
async def test_stream_sends_exactly_the_events_given(as_factory: bool) -> None:
    events = stream_events_for(
        ModelResponse(output=[assistant_message("Exact words.")], usage=Usage(), response_id="r")
    )
    calls: list[ModelCall] = []

    async def factory(call: ModelCall) -> AsyncIterator[Any]:
        calls.append(call)
        for event in events:
            yield event

    step = ModelStep.stream(factory if as_factory else events)
    model = ScriptedModel([step])
    streamed = Runner.run_streamed(Agent(name="a", model=model), "go")
    seen = [
        e.data
        for e in [e async for e in streamed.stream_events()]
        if e.type == "raw_response_event"
    ]
    assert [e.type for e in seen] == [e.type for e in events]
    assert streamed.final_output == "Exact words."
    assert len(calls) == (1 if as_factory else 0)
    assert model.remaining_steps == 0


async def test_dict_steps_and_default_usage() -> None:
    model = ScriptedModel([{"output": [assistant_message("hi")], "response_id": "resp_x"}])
    model.set_default_usage(Usage(requests=1, input_tokens=3, output_tokens=1, total_tokens=4))
    result = await Runner.run(Agent(name="a", model=model), "go")
    assert result.raw_responses[0].response_id == "resp_x"
    assert result.context_wrapper.usage.total_tokens == 4


async def test_raw_usage_is_kept_only_when_the_settings_ask() -> None:
    raw = {"input_tokens": 5, "provider_specific": {"x": 1}}
    for preserve, expected in ((None, None), (True, raw)):
        model = ScriptedModel([ModelStep(output=[assistant_message("ok")], raw_usage=raw)])
        agent = Agent(
            name="a", model=model, model_settings=ModelSettings(preserve_raw_usage=preserve)
        )
        result = await Runner.run(agent, "go")
        assert result.raw_responses[0].raw_usage == expected


@pytest.mark.parametrize(
    ("step", "reason"),
    [
        ({"output": [], "colour": "red"}, "unsupported_field"),
        (ModelStep(output="text"), "invalid_input"),  # type: ignore[arg-type]
        (ModelStep(usage={"requests": 1}), "invalid_input"),  # type: ignore[arg-type]
        (ModelStep(error="boom"), "invalid_error"),  # type: ignore[arg-type]
        (ModelStep(responder="nobody"), "invalid_responder"),  # type: ignore[arg-type]
        (ModelStep(stream_events="events"), "invalid_stream_events"),  # type: ignore[arg-type]
        (ModelStep(error=ValueError(), stream_events=[]), "conflicting_outcomes"),
        (42, "invalid_input"),
    ],
)
def test_malformed_steps_are_refused_when_added(step: Any, reason: str) -> None:
    with pytest.raises(InvalidModelStep) as info:
        ScriptedModel(["fine", step])
    assert info.value.reason == reason
    assert info.value.input_index == 1
    assert "#2" in str(info.value)
    model = ScriptedModel(["fine"])
    with pytest.raises(InvalidModelStep) as info:
        model.extend([step])
    assert info.value.input_index == 1


async def test_a_responder_returning_a_malformed_step_fails_the_call() -> None:
    model = ScriptedModel([ModelStep.respond(lambda call: 42)])
    with pytest.raises(InvalidModelStep, match="got int"):
        await Runner.run(Agent(name="a", model=model), "go")
