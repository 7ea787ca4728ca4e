"""Replay: a recorded run played back offline matches the original; a changed one is caught."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from agents_core import (
    Agent,
    LocalCallTool,
    ModelSettings,
    ModelTracing,
    ResponseOtherItem,
    RunConfig,
    Runner,
    RunResult,
    ToolCallOutputItem,
    ToolContext,
    Usage,
    function_tool,
)
from agents_core._models.recording import Recording, RunRecorder
from agents_core._models.replay import (
    ReplayDivergenceError,
    ReplayModel,
    ReplayModelProvider,
    normalize_request,
    replay_tools,
)
from agents_core.testing import ModelStep, ScriptedModel, assistant_message, function_call

invocations: list[str] = []


class Report(BaseModel):
    city: str
    summary: str


@function_tool
def get_weather(city: str) -> dict[str, Any]:
    """The weather in a city."""
    invocations.append(f"weather:{city}")
    return {"city": city, "sky": "sunny", "temperature_c": 21}


@function_tool
async def get_time(city: str) -> str:
    """The local time in a city."""
    invocations.append(f"time:{city}")
    return "14:05"


AGENT = Agent(
    name="Forecaster",
    instructions="Report the weather.",
    tools=[get_weather, get_time],
    output_type=Report,
    model_settings=ModelSettings(temperature=0.2),
)


def script() -> ScriptedModel:
    """Three turns: two tool calls at once, then one more, then the structured answer."""
    return ScriptedModel(
        [
            [
                function_call("get_weather", {"city": "Oslo"}, call_id="c1"),
                function_call("get_time", {"city": "Oslo"}, call_id="c2"),
            ],
            function_call("get_weather", {"city": "Bergen"}, call_id="c3"),
            ModelStep(
                output=[assistant_message('{"city": "Oslo", "summary": "Sunny, 21 C at 14:05."}')],
                usage=Usage(requests=1, input_tokens=40, output_tokens=12, total_tokens=52),
            ),
        ]
    )


def record(path: Path, model: ScriptedModel, result: RunResult) -> Recording:
    """Write a recording of a finished run from what the scripted model saw and answered."""
    recorder = RunRecorder(path)
    for call, response in zip(model.calls, result.raw_responses, strict=True):
        request = {field.name: getattr(call, field.name) for field in dataclasses.fields(call)}
        recorder.record_model_call(request, response, streamed=call.streamed)
    return Recording.load(path)


async def original_run(path: Path, user_input: str = "Weather in Oslo?") -> RunResult:
    model = script()
    result = await Runner.run(AGENT.clone(model=model), user_input)
    model.assert_complete()
    record(path, model, result)
    return result


def summary(result: RunResult) -> list[tuple[str, dict[str, Any]]]:
    return [(item.type, item.to_input_item()) for item in result.new_items]


@pytest.fixture(autouse=True)
def clear_invocations() -> None:
    invocations.clear()


async def test_a_replayed_run_matches_the_original_item_by_item(tmp_path: Path) -> None:
    path = tmp_path / "forecast.jsonl"
    original = await original_run(path)
    assert invocations == ["weather:Oslo", "time:Oslo", "weather:Bergen"]
    invocations.clear()

    replay = ReplayModel.from_file(path)
    replayed = await Runner.run(AGENT, "Weather in Oslo?", run_config=RunConfig(model=replay))
    replay.assert_complete()
    assert replay.calls_replayed == 3 and replay.remaining_calls == 0
    assert summary(replayed) == summary(original)
    assert (
        replayed.final_output
        == original.final_output
        == Report(city="Oslo", summary="Sunny, 21 C at 14:05.")
    )
    assert [r.to_json_dict() for r in replayed.raw_responses] == [
        r.to_json_dict() for r in original.raw_responses
    ]
    assert (
        replayed.context_wrapper.usage.total_tokens == original.context_wrapper.usage.total_tokens
    )
    assert len(invocations) == 3  # the tools ran again, and returned what they did before


async def test_recorded_tool_outputs_replace_the_tools(tmp_path: Path) -> None:
    path = tmp_path / "forecast.jsonl"
    original = await original_run(path)
    invocations.clear()
    agent = replay_tools(AGENT, Recording.load(path))
    replayed = await Runner.run(
        agent, "Weather in Oslo?", run_config=RunConfig(model=ReplayModel.from_file(path))
    )
    assert invocations == []  # no tool ran
    assert summary(replayed) == summary(original)
    outputs = [item.output for item in replayed.new_items if isinstance(item, ToolCallOutputItem)]
    assert outputs[1] == "14:05"
    assert AGENT.tools[0] is get_weather  # the original agent is unchanged


async def test_a_streamed_replay_matches_too(tmp_path: Path) -> None:
    path = tmp_path / "forecast.jsonl"
    original = await original_run(path)
    replay = ReplayModel.from_file(path)
    result = Runner.run_streamed(AGENT, "Weather in Oslo?", run_config=RunConfig(model=replay))
    kinds = [event.type async for event in result.stream_events()]
    assert "raw_response_event" in kinds and "run_item_stream_event" in kinds
    assert result.final_output == original.final_output
    assert [i.to_input_item() for i in result.new_items] == [
        i.to_input_item() for i in original.new_items
    ]


async def test_a_changed_instruction_raises_with_a_diff(tmp_path: Path) -> None:
    path = tmp_path / "forecast.jsonl"
    await original_run(path)
    changed = AGENT.clone(instructions="Report the weather in French.")
    with pytest.raises(ReplayDivergenceError) as caught:
        await Runner.run(
            changed, "Weather in Oslo?", run_config=RunConfig(model=ReplayModel.from_file(path))
        )
    error = caught.value
    assert error.call_index == 0
    assert f"Model call #1 differs from the recording {path}, line 2" in error.message
    assert '-  "system_instructions": "Report the weather.",' in error.diff
    assert '+  "system_instructions": "Report the weather in French.",' in error.diff
    assert error.diff in error.message
    assert error.expected is not None and error.actual is not None
    assert error.run_data is not None  # the runner attached what the run had done


async def test_changed_input_or_tool_output_is_caught_at_the_right_call(tmp_path: Path) -> None:
    path = tmp_path / "forecast.jsonl"
    await original_run(path)
    with pytest.raises(ReplayDivergenceError, match="Model call #1") as caught:
        await Runner.run(
            AGENT, "Weather in Paris?", run_config=RunConfig(model=ReplayModel.from_file(path))
        )
    assert '-      "content": "Weather in Oslo?",' in caught.value.diff
    assert '+      "content": "Weather in Paris?",' in caught.value.diff

    @function_tool(name_override="get_time")
    async def later_time(city: str) -> str:
        """The local time in a city."""
        return "15:00"

    drifted = AGENT.clone(tools=[get_weather, later_time])
    with pytest.raises(ReplayDivergenceError, match="Model call #2") as caught:
        await Runner.run(
            drifted, "Weather in Oslo?", run_config=RunConfig(model=ReplayModel.from_file(path))
        )
    assert '-      "output": "14:05"' in caught.value.diff
    assert '+      "output": "15:00"' in caught.value.diff


async def test_a_changed_tool_definition_is_caught(tmp_path: Path) -> None:
    path = tmp_path / "forecast.jsonl"
    await original_run(path)
    redescribed = dataclasses.replace(get_time, description="The time, in 24-hour format.")
    with pytest.raises(ReplayDivergenceError) as caught:
        await Runner.run(
            AGENT.clone(tools=[get_weather, redescribed]),
            "Weather in Oslo?",
            run_config=RunConfig(model=ReplayModel.from_file(path)),
        )
    assert '+      "description": "The time, in 24-hour format.",' in caught.value.diff


async def call(model: ReplayModel, items: list[dict[str, Any]], **changes: Any) -> Any:
    arguments: dict[str, Any] = {
        "system_instructions": None,
        "input": items,
        "model_settings": ModelSettings(),
        "tools": [],
        "output_schema": None,
        "handoffs": [],
        "tracing": ModelTracing.DISABLED,
        "previous_response_id": None,
        "conversation_id": None,
        "prompt": None,
    }
    arguments.update(changes)
    return await model.get_response(**arguments)


async def recorded_pair(tmp_path: Path) -> Path:
    path = tmp_path / "pair.jsonl"
    model = ScriptedModel(["one", "two"])
    agent = Agent(name="a", model=model)
    first = await Runner.run(agent, "hi", previous_response_id="resp_live_1")
    recorder = RunRecorder(path)
    request = {f.name: getattr(model.calls[0], f.name) for f in dataclasses.fields(model.calls[0])}
    request["input"] = [{"id": "msg_a1", "role": "user", "content": "hi"}]
    recorder.record_model_call(request, first.raw_responses[0])
    recorder.record_model_call(request, first.raw_responses[0])
    return path


async def test_volatile_fields_are_normalised_away(tmp_path: Path) -> None:
    path = await recorded_pair(tmp_path)
    replay = ReplayModel.from_file(path)
    # Another item id and another previous response id: still the same request.
    response = await call(
        replay, [{"id": "msg_other", "role": "user", "content": "hi"}], previous_response_id="r9"
    )
    assert response.output[0].content[0].text == "one"
    strict = ReplayModel.from_file(path, normalize=None)
    with pytest.raises(ReplayDivergenceError) as caught:
        await call(strict, [{"id": "msg_other", "role": "user", "content": "hi"}])
    assert '"id": "msg_other"' in caught.value.diff
    assert normalize_request({"input": [], "conversation_id": "conv_1"}) == {
        "input": [],
        "conversation_id": "<set>",
    }


async def test_running_past_the_recording_or_stopping_short_is_reported(tmp_path: Path) -> None:
    path = await recorded_pair(tmp_path)
    replay = ReplayModel.from_file(path)
    items = [{"role": "user", "content": "hi"}]
    await call(replay, items, previous_response_id="x")
    with pytest.raises(ReplayDivergenceError, match="stopped earlier"):
        replay.assert_complete()
    await call(replay, items, previous_response_id="x")
    with pytest.raises(ReplayDivergenceError, match="Model call #3 was not recorded") as caught:
        await call(replay, items, previous_response_id="x")
    assert caught.value.call_index == 2 and caught.value.expected is None


async def test_the_provider_answers_every_model_name(tmp_path: Path) -> None:
    path = tmp_path / "forecast.jsonl"
    original = await original_run(path)
    provider = ReplayModelProvider.from_file(path)
    assert provider.get_model("gpt-4.1") is provider.get_model(None) is provider.model
    named = AGENT.clone(model="gpt-4.1")
    replayed = await Runner.run(
        named, "Weather in Oslo?", run_config=RunConfig(model_provider=provider)
    )
    assert replayed.final_output == original.final_output


async def test_a_tool_call_without_a_recorded_output(tmp_path: Path) -> None:
    path = tmp_path / "stop.jsonl"
    model = ScriptedModel([function_call("get_time", {"city": "Oslo"}, call_id="c1")])
    stopping = AGENT.clone(model=model, tool_use_behavior="stop_on_first_tool")
    result = await Runner.run(stopping, "Time?")
    record(path, model, result)  # the output never went back to a model: not in the recording
    replay_run = RunConfig(model=ReplayModel.from_file(path))
    with pytest.raises(ReplayDivergenceError, match=r"'get_time'.*'c1'.*no recorded output"):
        await Runner.run(
            replay_tools(stopping, Recording.load(path)), "Time?", run_config=replay_run
        )

    invocations.clear()
    fallback = replay_tools(stopping, Recording.load(path), missing="run")
    rerun = await Runner.run(
        fallback, "Time?", run_config=RunConfig(model=ReplayModel.from_file(path))
    )
    assert rerun.final_output == "14:05" and invocations == ["time:Oslo"]

    # With the tool call recorded (as the runner will), the output is replayed. A new recorder
    # replaces the file.
    recorder = RunRecorder(path)
    request = {f.name: getattr(model.calls[0], f.name) for f in dataclasses.fields(model.calls[0])}
    recorder.record_model_call(request, result.raw_responses[0])
    output_item = {"type": "function_call_output", "call_id": "c1", "output": "09:30"}
    recorder.record_tool_call(
        tool_name="get_time", call_id="c1", arguments='{"city": "Oslo"}', output_item=output_item
    )
    invocations.clear()
    replayed = await Runner.run(
        replay_tools(stopping, Recording.load(path)),
        "Time?",
        run_config=RunConfig(model=ReplayModel.from_file(path)),
    )
    assert replayed.final_output == "09:30" and invocations == []


class Shell(LocalCallTool):
    def __init__(self) -> None:
        self.commands: list[str] = []

    @property
    def name(self) -> str:
        return "shell"

    @property
    def call_item_type(self) -> str:
        return "shell_call"

    def to_json_dict(self) -> dict[str, Any]:
        return {"type": "shell"}

    async def run_call(self, context: ToolContext[Any], call: Any) -> dict[str, Any]:
        self.commands.append(call.command)
        return {"type": "shell_call_output", "call_id": call.call_id, "output": "file.txt"}


async def test_local_tool_calls_are_replayed_from_the_recording(tmp_path: Path) -> None:
    path = tmp_path / "shell.jsonl"
    shell_call = ResponseOtherItem.model_validate(
        {"type": "shell_call", "id": "sh_1", "call_id": "s1", "command": "ls"}
    )
    model = ScriptedModel([shell_call, "There is one file."])
    shell = Shell()
    agent = Agent(name="a", tools=[shell])
    original = await Runner.run(agent.clone(model=model), "List files.")
    record(path, model, original)
    replayed = await Runner.run(
        replay_tools(agent, Recording.load(path)),
        "List files.",
        run_config=RunConfig(model=ReplayModel.from_file(path)),
    )
    assert shell.commands == ["ls"]  # only the original run ran the command
    assert replayed.final_output == "There is one file."
    assert [i.to_input_item() for i in replayed.new_items] == [
        i.to_input_item() for i in original.new_items
    ]
