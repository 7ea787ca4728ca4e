"""Recordings: the JSON Lines layout RunRecorder writes and Recording reads back."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from agents_core import (
    Agent,
    ModelResponse,
    ModelSettings,
    Runner,
    Usage,
    UserError,
    function_tool,
)
from agents_core._base.output_schema import AgentOutputSchema
from agents_core._models.recording import (
    RECORDING_SCHEMA_VERSION,
    Recording,
    RunRecorder,
    request_to_json,
)
from agents_core.testing import ScriptedModel, assistant_message, function_call


class Answer(BaseModel):
    text: str


@function_tool
def lookup(term: str) -> str:
    """Look a term up."""
    return f"{term}: found"


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def response(text: str, response_id: str = "resp_1") -> ModelResponse:
    return ModelResponse(
        output=[assistant_message(text, item_id="msg_1")],
        usage=Usage(requests=1, input_tokens=5, output_tokens=2, total_tokens=7),
        response_id=response_id,
    )


def test_request_to_json_captures_everything_the_model_was_given() -> None:
    request = request_to_json(
        {
            "system_instructions": "Be brief.",
            "input": "hi",
            "model_settings": ModelSettings(
                temperature=0.5, extra_headers={"Authorization": "Bearer sk-secret"}
            ),
            "tools": [lookup],
            "output_schema": AgentOutputSchema(Answer),
            "handoffs": [],
            "previous_response_id": "resp_0",
            "conversation_id": None,
            "prompt": None,
            "tracing": object(),  # not part of the request
        }
    )
    assert request["input"] == [{"role": "user", "content": "hi"}]
    assert request["model_settings"] == {
        "temperature": 0.5,
        "extra_headers": {"Authorization": "<redacted>"},
    }
    assert request["tools"] == [lookup.to_json_dict()]
    assert request["output_schema"]["name"] == "Answer"
    assert request["output_schema"]["strict"] is True
    assert request["output_schema"]["json_schema"]["properties"]["text"]["type"] == "string"
    assert request["previous_response_id"] == "resp_0" and "tracing" not in request
    assert "sk-secret" not in json.dumps(request)


def test_recorder_writes_a_header_then_records_in_order(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    recorder = RunRecorder(path, metadata={"test": "recorder"})
    assert not path.exists()  # nothing is written before the first record
    request = {"system_instructions": "s", "input": [{"role": "user", "content": "hi"}]}
    recorder.record_model_call(request, response("one"))
    recorder.record_tool_call(
        tool_name="lookup",
        call_id="c1",
        arguments='{"term": "x"}',
        output_item={"type": "function_call_output", "call_id": "c1", "output": "x: found"},
    )
    recorder.record_model_call(request, response("two", "resp_2"), streamed=True)
    header, first, tool, second = lines(path)
    assert header["type"] == "header" and header["format"] == "agents-recording"
    assert header["schema_version"] == RECORDING_SCHEMA_VERSION
    assert header["metadata"] == {"test": "recorder"}
    assert datetime.fromisoformat(header["created_at"]).tzinfo is not None
    assert (first["type"], first["index"], first["streamed"]) == ("model_call", 0, False)
    assert first["request"]["system_instructions"] == "s"
    assert first["response"] == response("one").to_json_dict()
    assert tool == {
        "type": "tool_call",
        "tool_name": "lookup",
        "call_id": "c1",
        "arguments": '{"term": "x"}',
        "output_item": {"type": "function_call_output", "call_id": "c1", "output": "x: found"},
    }
    assert (second["index"], second["streamed"]) == (1, True)
    assert recorder.model_calls == 2

    recording = Recording.load(path)
    assert [call.index for call in recording.model_calls] == [0, 1]
    assert [call.line for call in recording.model_calls] == [2, 4]
    assert recording.model_calls[1].streamed
    assert ModelResponse.from_json_dict(recording.model_calls[1].response).response_id == "resp_2"
    assert recording.tool_calls[0].output_item["output"] == "x: found"
    assert recording.header["metadata"] == {"test": "recorder"}


def test_a_new_recorder_replaces_the_file(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    for text in ("first", "second"):
        RunRecorder(path).record_model_call({"input": "hi"}, response(text))
    recording = Recording.load(path)
    assert len(recording.model_calls) == 1
    assert recording.model_calls[0].response["output"][0]["content"][0]["text"] == "second"


async def test_wrapping_a_model_records_a_run(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    recorder = RunRecorder(path)
    scripted = ScriptedModel([function_call("lookup", {"term": "tea"}, call_id="c1"), "Tea."])
    agent = Agent(name="a", instructions="Help.", tools=[lookup], model=scripted)
    await Runner.run(agent.clone(model=recorder.wrap_model(scripted)), "What is tea?")
    recording = Recording.load(path)
    assert len(recording.model_calls) == 2
    first, second = (call.request for call in recording.model_calls)
    assert first["system_instructions"] == "Help."
    assert first["input"] == [{"role": "user", "content": "What is tea?"}]
    assert [tool["name"] for tool in first["tools"]] == ["lookup"]
    assert second["input"][-1] == {
        "type": "function_call_output",
        "call_id": "c1",
        "output": "tea: found",
    }
    # Without tool-call records, outputs are found in the inputs of later calls.
    assert recording.tool_outputs() == {"c1": second["input"][-1]}


async def test_wrapping_a_model_records_streamed_runs(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    recorder = RunRecorder(path)
    scripted = ScriptedModel(["Streamed answer."])
    agent = Agent(name="a", model=recorder.wrap_model(scripted))
    result = Runner.run_streamed(agent, "hi")
    async for _ in result.stream_events():
        pass
    (call,) = Recording.load(path).model_calls
    assert call.streamed
    text = call.response["output"][0]["content"][0]["text"]
    assert text == "Streamed answer." == result.final_output


def test_tool_call_records_win_over_inputs(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    recorder = RunRecorder(path)
    seen = {"type": "function_call_output", "call_id": "c1", "output": "from input"}
    recorder.record_model_call({"input": [seen]}, response("x"))
    recorded = {"type": "function_call_output", "call_id": "c1", "output": "from record"}
    recorder.record_tool_call(tool_name="t", call_id="c1", arguments="{}", output_item=recorded)
    assert Recording.load(path).tool_outputs() == {"c1": recorded}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "not a recording"),
        ('{"type": "model_call"}\n', "not a header"),
        ('{"type": "header", "format": "other", "schema_version": 1}\n', "format 'other'"),
        ('{"type": "header", "format": "agents-recording"}\n', "no valid schema_version"),
        ('{"type": "header", "format": "agents-recording", "schema_version": 99}\n', "99"),
        (
            '{"type": "header", "format": "agents-recording", "schema_version": 1}\nnot json\n',
            "line 2: not valid JSON",
        ),
        (
            '{"type": "header", "format": "agents-recording", "schema_version": 1}\n'
            '{"type": "model_call", "request": {}}\n',
            "line 2: a malformed model_call record",
        ),
    ],
)
def test_unreadable_recordings_are_refused_clearly(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UserError, match=message):
        Recording.load(path)


def test_unknown_record_types_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    RunRecorder(path).record_model_call({"input": "hi"}, response("x"))
    with path.open("a", encoding="utf-8") as file:
        file.write('{"type": "annotation", "text": "added by a newer version"}\n')
    assert len(Recording.load(path).model_calls) == 1
