"""Streamed runs: cancellation, cut-off streams, errors after events, and live fields."""

from __future__ import annotations

import asyncio

import pytest

from agents_core import Agent, ModelBehaviorError, Runner, function_tool
from agents_core._items.stream_types import Response, ResponseCreatedEvent, ResponseTextDeltaEvent
from agents_core.testing import ModelStep, ScriptedModel, function_call


@function_tool
async def ping() -> str:
    return "pong"


async def test_stream_cut_off_before_completed_is_an_error() -> None:
    partial = [
        ResponseCreatedEvent(response=Response(id="r1"), sequence_number=0),
        ResponseTextDeltaEvent(
            item_id="m", output_index=0, content_index=0, delta="Hel", sequence_number=1
        ),
    ]
    model = ScriptedModel([ModelStep(stream_events=partial)])
    result = Runner.run_streamed(Agent(name="a", model=model), "go")
    seen = []
    with pytest.raises(ModelBehaviorError, match=r"response\.completed") as info:
        async for event in result.stream_events():
            seen.append(event)
    # Events that arrived before the cut are still delivered, then the error.
    assert [e.data.type for e in seen if e.type == "raw_response_event"] == [
        "response.created",
        "response.output_text.delta",
    ]
    assert info.value.run_data is not None
    assert result.is_complete and result.final_output is None


async def test_cancel_immediately_ends_the_stream_cleanly() -> None:
    release = asyncio.Event()

    @function_tool
    async def wait_forever() -> str:
        await release.wait()
        return "never"

    model = ScriptedModel([function_call("wait_forever", {}, call_id="1"), "unreached"])
    result = Runner.run_streamed(Agent(name="a", model=model, tools=[wait_forever]), "go")
    names = []
    async for event in result.stream_events():
        if event.type == "run_item_stream_event":
            names.append(event.name)
            if event.name == "tool_called":
                result.cancel()
    assert names == ["tool_called"]
    assert result.is_complete
    assert result.final_output is None
    assert len(model.calls) == 1


async def test_cancel_after_turn_finishes_the_turn_first() -> None:
    model = ScriptedModel(
        [
            function_call("ping", {}, call_id="1"),
            function_call("ping", {}, call_id="2"),
            "unreached",
        ]
    )
    result = Runner.run_streamed(Agent(name="a", model=model, tools=[ping]), "go")
    names = []
    async for event in result.stream_events():
        if event.type == "run_item_stream_event":
            names.append(event.name)
            if event.name == "tool_called":
                result.cancel(mode="after_turn")
    # The tool of the current turn still ran and its output was recorded; no new turn began.
    assert names == ["tool_called", "tool_output"]
    assert len(model.calls) == 1
    assert result.is_complete


async def test_cancel_rejects_unknown_mode() -> None:
    result = Runner.run_streamed(Agent(name="a", model=ScriptedModel(["x"])), "go")
    from agents_core import UserError

    with pytest.raises(UserError):
        result.cancel(mode="later")  # type: ignore[arg-type]
    async for _ in result.stream_events():
        pass


async def test_streamed_fields_fill_in_while_running() -> None:
    model = ScriptedModel([function_call("ping", {}, call_id="1"), "done"])
    result = Runner.run_streamed(Agent(name="a", model=model, tools=[ping]), "go")
    turns = []
    async for event in result.stream_events():
        if event.type == "run_item_stream_event" and event.name == "tool_output":
            turns.append((result.current_turn, len(result.new_items)))
    assert turns == [(1, 2)]
    assert result.current_turn == 2
    assert result.final_output == "done"
    assert result.usage.requests == 2
    assert result.to_input_list()[-1]["type"] == "message"


async def test_streamed_model_error_is_raised_from_stream_events() -> None:
    model = ScriptedModel([RuntimeError("backend exploded")])
    result = Runner.run_streamed(Agent(name="a", model=model), "go")
    events = []
    with pytest.raises(RuntimeError, match="backend exploded"):
        async for event in result.stream_events():
            events.append(event.type)
    assert events == ["agent_updated_stream_event"]


async def test_streamed_and_plain_runs_produce_the_same_items() -> None:
    script = [function_call("ping", {}, call_id="1"), "done"]
    plain = await Runner.run(Agent(name="a", model=ScriptedModel(script), tools=[ping]), "go")
    streamed = Runner.run_streamed(Agent(name="a", model=ScriptedModel(script), tools=[ping]), "go")
    async for _ in streamed.stream_events():
        pass
    assert streamed.to_input_list() == plain.to_input_list()
    assert streamed.final_output == plain.final_output


async def test_reader_that_leaves_early_does_not_stall_the_run() -> None:
    model = ScriptedModel(
        [function_call("ping", {}, call_id="1"), function_call("ping", {}, call_id="2"), "done"]
    )
    result = Runner.run_streamed(Agent(name="a", model=model, tools=[ping]), "go")
    events = result.stream_events()
    async for _ in events:
        break
    await events.aclose()
    assert result.run_loop_task is not None
    await asyncio.wait_for(result.run_loop_task, 5)
    assert result.is_complete
    assert result.final_output == "done"
    assert len(model.calls) == 3
