"""Streamed runs: cancellation, cut-off streams, errors after events, and live fields."""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator
from typing import Any

import pytest

from agents_core import (
    Agent,
    ModelBehaviorError,
    ResponseOutputMessage,
    ResponseOutputText,
    Runner,
    function_tool,
)
from agents_core._run.event_channel import READ_AHEAD
from agents_core.stream_types import (
    Response,
    ResponseCompletedEvent,
    ResponseCreatedEvent,
    ResponseEventStream,
    ResponseTextDeltaEvent,
)
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


# --------------------------------------------------------------------- hand-off to the reader


class _CountingModel(ScriptedModel):
    """Streams a long reply and counts the events the run has pulled from it."""

    def __init__(self, words: int) -> None:
        super().__init__([" ".join(f"w{n}" for n in range(words))])
        self.pulled = 0

    async def stream_response(self, *args: Any, **kwargs: Any) -> AsyncIterator[Any]:
        async for event in super().stream_response(*args, **kwargs):
            self.pulled += 1
            yield event


async def test_a_reading_reader_is_never_more_than_a_few_events_behind() -> None:
    model = _CountingModel(200)
    result = Runner.run_streamed(Agent(name="a", model=model), "go")
    seen = 0
    most_ahead = 0
    async for event in result.stream_events():
        if event.type == "raw_response_event":
            seen += 1
            most_ahead = max(most_ahead, model.pulled - seen)
        for _ in range(3):
            await asyncio.sleep(0)  # every chance for the run to run ahead, if it could
    assert model.pulled == seen > 200
    assert most_ahead <= READ_AHEAD


async def test_a_run_nobody_reads_yet_still_finishes_its_turn() -> None:
    model = _CountingModel(200)
    result = Runner.run_streamed(Agent(name="a", model=model), "go")
    assert result.run_loop_task is not None
    await asyncio.wait_for(result.run_loop_task, 5)
    assert result.final_output == " ".join(f"w{n}" for n in range(200))
    # Its events wait for a reader that comes later, all of them, in order.
    raw = [
        e.data for e in [e async for e in result.stream_events()] if e.type == "raw_response_event"
    ]
    assert len(raw) == model.pulled
    assert [e.sequence_number for e in raw] == sorted(e.sequence_number for e in raw)


class _LazyModel(ScriptedModel):
    """Streams ``words`` text deltas, each made only when the run asks for it."""

    def __init__(self, words: int) -> None:
        super().__init__([])
        self.words = words

    async def stream_response(self, *args: Any, **kwargs: Any) -> AsyncIterator[Any]:
        yield ResponseCreatedEvent(response=Response(id="r1"), sequence_number=0)
        for n in range(self.words):
            yield ResponseTextDeltaEvent(
                item_id="m1", output_index=0, content_index=0, delta="x ", sequence_number=n + 1
            )
        message = ResponseOutputMessage(id="m1", content=[ResponseOutputText(text="x " * 3)])
        yield ResponseCompletedEvent(
            response=Response(id="r1", status="completed", output=[message]), sequence_number=0
        )


async def test_events_are_freed_once_the_reader_moves_on() -> None:
    result = Runner.run_streamed(Agent(name="a", model=_LazyModel(300)), "go")
    alive: list[weakref.ref[Any]] = []
    most_alive = 0
    async for event in result.stream_events():
        if event.type == "raw_response_event":
            alive.append(weakref.ref(event.data))
        del event
        most_alive = max(most_alive, sum(ref() is not None for ref in alive))
    assert len(alive) == 302
    # At most what the reader was handed at once is alive; after the run, only the completed
    # event, which the result holds through its response.
    assert most_alive <= READ_AHEAD + 1
    assert sum(ref() is not None for ref in alive) <= 1


class _PayloadStream(ResponseEventStream):
    """Text deltas as plain strings, decoded by ``decode`` where they are read."""

    def __init__(self, words: list[str], bad: str | None = None) -> None:
        self.words = words
        self.bad = bad
        self.decoded_in: set[asyncio.Task[Any] | None] = set()
        self.batched_in: set[asyncio.Task[Any] | None] = set()

    async def batches(self) -> AsyncIterator[list[Any]]:
        self.batched_in.add(asyncio.current_task())
        yield [ResponseCreatedEvent(response=Response(id="r1"), sequence_number=0)]
        for word in self.words:
            await asyncio.sleep(0)  # one "network read" per word
            yield [word]
        text = "".join(self.words)
        message = ResponseOutputMessage(id="m1", content=[ResponseOutputText(text=text)])
        self.completed = ResponseCompletedEvent(
            response=Response(id="r1", status="completed", output=[message]),
            sequence_number=len(self.words) + 1,
        )
        yield [self.completed]

    def decode(self, item: Any) -> Any:
        self.decoded_in.add(asyncio.current_task())
        if not isinstance(item, str):
            return item
        if item == self.bad:
            raise ModelBehaviorError(f"cannot decode {item!r}")
        return ResponseTextDeltaEvent(
            item_id="m1", output_index=0, content_index=0, delta=item, sequence_number=1
        )


class _PayloadModel(ScriptedModel):
    def __init__(self, streams: list[_PayloadStream]) -> None:
        super().__init__([])
        self.streams = streams

    def stream_response(self, *args: Any, **kwargs: Any) -> Any:
        return self.streams.pop(0)


async def test_stream_payloads_are_decoded_in_the_task_that_reads_them() -> None:
    stream = _PayloadStream(["Hello ", "there"])
    result = Runner.run_streamed(Agent(name="a", model=_PayloadModel([stream])), "go")

    async def read() -> list[Any]:
        return [e async for e in result.stream_events()]

    reader = asyncio.ensure_future(read())
    events = await reader
    deltas = [
        e.data.delta
        for e in events
        if isinstance(e.data if e.type == "raw_response_event" else None, ResponseTextDeltaEvent)
    ]
    assert deltas == ["Hello ", "there"]
    assert stream.decoded_in == {reader}
    assert stream.batched_in == {result.run_loop_task}
    assert result.final_output == "Hello there"


async def test_a_payload_that_fails_to_decode_ends_the_run_with_its_error() -> None:
    stream = _PayloadStream(["fine ", "broken", " never"], bad="broken")
    result = Runner.run_streamed(Agent(name="a", model=_PayloadModel([stream])), "go")
    deltas = []
    with pytest.raises(ModelBehaviorError, match="cannot decode 'broken'") as info:
        async for event in result.stream_events():
            if event.type == "raw_response_event" and isinstance(
                event.data, ResponseTextDeltaEvent
            ):
                deltas.append(event.data.delta)
    assert deltas == ["fine "]
    assert info.value.run_data is not None
    assert result.run_loop_task is not None
    await asyncio.wait_for(asyncio.wait([result.run_loop_task]), 5)
    assert result.is_complete and result.final_output is None


async def test_a_response_event_stream_iterates_as_typed_events() -> None:
    stream = _PayloadStream(["a", "b"])
    events = [event async for event in stream]
    assert [type(e).__name__ for e in events] == [
        "ResponseCreatedEvent",
        "ResponseTextDeltaEvent",
        "ResponseTextDeltaEvent",
        "ResponseCompletedEvent",
    ]
    assert stream.completed is events[-1]
    closed = _PayloadStream(["a", "b"])
    assert (await anext(closed)).type == "response.created"
    await closed.aclose()
    with pytest.raises(StopAsyncIteration):
        await anext(closed)
