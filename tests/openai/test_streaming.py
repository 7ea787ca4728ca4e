"""Streamed Responses: every event type parsed and typed, surfaced through ``run_streamed`` as it
arrives, and the final response assembled from the stream."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from agents_core import (
    Agent,
    MessageOutputItem,
    RawResponsesStreamEvent,
    ResponseOutputText,
    RunItemStreamEvent,
    Runner,
    ToolCallItem,
    function_tool,
)
from agents_core.testing import function_call, reasoning, refusal
from agents_openai import OpenAIProvider, WebSearchTool
from agents_openai._events import EVENT_TYPES, parse_stream_event
from agents_openai._sse import SSEDecoder
from agents_openai.exceptions import APIResponseValidationError
from agents_openai.stream_events import (
    ResponseRefusalDeltaEvent,
    ResponseStreamEvent,
    ResponseTextDeltaEvent,
    ResponseWebSearchCallSearchingEvent,
)
from agents_openai.testing import FakeOpenAIServer, Gate, ModelReply, StreamReply

# Minimal samples of all 58 event types, built from the spec's required fields (and checked
# against the spec when it is available).
SAMPLE_EVENTS: list[dict[str, Any]] = json.loads(
    (Path(__file__).with_name("stream_event_samples.json")).read_text()
)


@function_tool
def add(a: int, b: int) -> int:
    """Add two numbers."""
    return a + b


async def _collect(result: Any) -> list[Any]:
    return [event async for event in result.stream_events()]


def _raw_types(events: list[Any]) -> list[str]:
    return [e.data.type for e in events if isinstance(e, RawResponsesStreamEvent)]


async def test_streamed_text_arrives_as_typed_deltas(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    server.add("The quick brown fox.")
    agent = Agent(name="s", model=provider.get_model("gpt-4.1"))

    result = Runner.run_streamed(agent, "Tell me")
    events = await _collect(result)

    assert server.model_requests()[0].json["stream"] is True
    assert server.model_requests()[0].headers["accept"] == "application/json"
    types = _raw_types(events)
    assert types[:2] == ["response.created", "response.in_progress"]
    assert types[-1] == "response.completed"
    raw = [e.data for e in events if isinstance(e, RawResponsesStreamEvent)]
    deltas = [event for event in raw if isinstance(event, ResponseTextDeltaEvent)]
    assert len(deltas) == sum(event.type == "response.output_text.delta" for event in raw)
    assert "".join(delta.delta for delta in deltas) == "The quick brown fox."
    assert [d.sequence_number for d in deltas] == sorted(d.sequence_number for d in deltas)
    assert result.final_output == "The quick brown fox."
    named = [e.name for e in events if isinstance(e, RunItemStreamEvent)]
    assert named == ["message_output_created"]


async def test_streamed_tool_call_and_second_turn(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    server.add(function_call("add", {"a": 2, "b": 3}, call_id="c1"), "Five.")
    agent = Agent(name="s", model=provider.get_model("gpt-4.1"), tools=[add])

    result = Runner.run_streamed(agent, "2+3?")
    events = await _collect(result)

    types = _raw_types(events)
    assert "response.function_call_arguments.delta" in types
    assert "response.function_call_arguments.done" in types
    assert types.count("response.completed") == 2
    named = [e.name for e in events if isinstance(e, RunItemStreamEvent)]
    assert named == ["tool_called", "tool_output", "message_output_created"]
    assert result.final_output == "Five."
    second = server.model_requests()[1].json
    assert second["input"][-1] == {"type": "function_call_output", "call_id": "c1", "output": "5"}


async def test_reasoning_refusal_and_hosted_items_stream_with_their_own_events(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    search = {
        "type": "web_search_call",
        "id": "ws_1",
        "status": "completed",
        "action": {"type": "search", "query": "weather"},
    }
    server.add(ModelReply([reasoning("Let me look."), search, refusal("I cannot say.")]))
    agent = Agent(name="s", model=provider.get_model("gpt-4.1"), tools=[WebSearchTool()])

    def refusal_text(data: Any) -> Any:
        return data.error.refusal

    result = Runner.run_streamed(agent, "Say it", error_handlers={"model_refusal": refusal_text})
    events = await _collect(result)

    raw = [e.data for e in events if isinstance(e, RawResponsesStreamEvent)]
    types = [event.type for event in raw]
    for expected in (
        "response.reasoning_summary_part.added",
        "response.reasoning_summary_text.delta",
        "response.reasoning_summary_text.done",
        "response.web_search_call.in_progress",
        "response.web_search_call.searching",
        "response.web_search_call.completed",
        "response.refusal.delta",
        "response.refusal.done",
    ):
        assert expected in types
    for event in raw:
        assert type(event) is EVENT_TYPES[event.type], event.type
    assert any(isinstance(e, ResponseRefusalDeltaEvent) for e in raw)
    assert any(isinstance(e, ResponseWebSearchCallSearchingEvent) for e in raw)
    assert result.final_output == "I cannot say."
    calls = [item for item in result.new_items if isinstance(item, ToolCallItem)]
    assert calls[0].raw_item.type == "web_search_call"
    assert calls[0].to_input_item()["action"] == {"type": "search", "query": "weather"}


async def test_final_response_is_assembled_from_the_completed_event(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    server.add(ModelReply(["Hello"], response_id="resp_streamed"))
    agent = Agent(name="s", model=provider.get_model("gpt-4.1"))

    result = Runner.run_streamed(agent, "hi")
    await _collect(result)

    response = result.raw_responses[0]
    assert response.response_id == "resp_streamed"
    assert isinstance(result.new_items[0], MessageOutputItem)
    part = result.new_items[0].raw_item.content[0]
    assert isinstance(part, ResponseOutputText) and part.text == "Hello"


@pytest.mark.timeout(20)
async def test_each_delta_is_surfaced_before_the_rest_of_the_stream_arrives(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    gate = Gate()
    # Events: created, in_progress, item added, part added, then the first delta (index 4).
    server.add(ModelReply("first second third", pause_after=5, gate=gate))
    agent = Agent(name="s", model=provider.get_model("gpt-4.1"))

    result = Runner.run_streamed(agent, "go")
    seen: list[str] = []
    async for event in result.stream_events():
        if isinstance(event, RawResponsesStreamEvent):
            seen.append(event.data.type)
            if isinstance(event.data, ResponseTextDeltaEvent) and not gate.is_open:
                # The server holds everything after this delta until the gate opens: had the
                # client buffered, this line would never run and the test would time out.
                assert event.data.delta == "first "
                gate.open()

    assert gate.is_open
    assert result.final_output == "first second third"


@pytest.mark.parametrize("sample", SAMPLE_EVENTS, ids=lambda sample: sample["type"])
def test_every_event_type_parses_to_its_class(
    sample: dict[str, Any], spec_validator: Callable[[str, Any], list[str]] | None
) -> None:
    if spec_validator is not None:
        assert spec_validator("ResponseStreamEvent", sample) == []
    event = parse_stream_event(json.dumps(sample).encode())
    assert type(event) is EVENT_TYPES[sample["type"]]
    assert event.type == sample["type"]
    assert event.sequence_number == 1


def test_all_58_event_types_are_typed() -> None:
    assert len(EVENT_TYPES) == 58
    assert {sample["type"] for sample in SAMPLE_EVENTS} == set(EVENT_TYPES)


def test_unknown_event_types_are_kept_whole() -> None:
    event = parse_stream_event(b'{"type":"response.future_thing","sequence_number":3,"x":[1]}')
    assert type(event) is ResponseStreamEvent
    assert event.type == "response.future_thing"
    assert event.model_dump()["x"] == [1]


def test_a_misleading_nested_type_does_not_mistype_the_event() -> None:
    data = (
        b'{"item":{"type":"message","id":"m","role":"assistant","status":"completed",'
        b'"content":[]},"output_index":0,"sequence_number":2,"type":"response.output_item.done"}'
    )
    event = parse_stream_event(data)
    assert event.type == "response.output_item.done"
    assert type(event) is EVENT_TYPES["response.output_item.done"]


@pytest.mark.parametrize(
    "data",
    [b"{not json", b"[1, 2]", b'{"no_type": 1}', b'{"type":"response.output_text.delta"}'],
)
def test_malformed_events_are_validation_errors(data: bytes) -> None:
    with pytest.raises(APIResponseValidationError):
        parse_stream_event(data)


def test_sse_decoder_handles_split_chunks_crlf_comments_and_multiline_data() -> None:
    decoder = SSEDecoder()
    stream = (
        b": keep-alive comment\r\n\r\n"
        b'event: one\r\ndata: {"a": 1}\r\n\r\n'
        b"data: line1\ndata: line2\n\n"
        b"id: 7\nretry: 100\ndata:no-space\n\n"
        b"event: only-a-name\n\n"
        b"data: tail"
    )
    payloads: list[bytes] = []
    for index in range(0, len(stream), 3):  # three bytes at a time, splitting every CRLF
        payloads.extend(decoder.decode(stream[index : index + 3]))
    assert payloads == [b'{"a": 1}', b"line1\nline2", b"no-space"]
    assert decoder.has_partial_event


def test_sse_decoder_reads_one_event_per_chunk_and_many_per_chunk_alike() -> None:
    events = [b"event: e\ndata: %d\n\n" % n for n in range(20)]
    one_by_one = SSEDecoder()
    assert [one_by_one.decode(event) for event in events] == [[b"%d" % n] for n in range(20)]
    assert not one_by_one.has_partial_event
    at_once = SSEDecoder()
    assert at_once.decode(b"".join(events) + b"data: 2") == [b"%d" % n for n in range(20)]
    assert at_once.has_partial_event
    assert at_once.decode(b"0\n\n\n\ndata: 21\n\n") == [b"20", b"21"]
    assert at_once.decode(b"") == []
    assert not at_once.has_partial_event


# ------------------------------------------------------------- streams as OpenAI sends them


@pytest.mark.timeout(20)
async def test_the_fake_server_can_write_each_event_on_its_own(
    spec_validator: Callable[[str, Any], list[str]] | None,
) -> None:
    # An hour between events: had the server written more than the first, it would show.
    async with FakeOpenAIServer(validator=spec_validator, event_interval=3600) as server:
        server.add("one two three")
        body = {"model": "gpt-4.1", "input": "hi", "stream": True}
        async with server.client().stream("/responses", body=body) as stream:
            batches = stream.batches()
            first = await anext(batches)
            assert len(first) == 1 and first[0].startswith(b'{"type":"response.created"')
            assert stream.events_received == 1
            await batches.aclose()
    assert server.conformance_errors == []


@pytest.mark.parametrize("interval", [0, 0.001])
async def test_streams_paced_one_event_per_write_run_end_to_end(
    spec_validator: Callable[[str, Any], list[str]] | None, api: str, interval: float
) -> None:
    async with FakeOpenAIServer(validator=spec_validator, event_interval=interval) as server:
        server.add(function_call("add", {"a": 2, "b": 3}, call_id="c1"), "It is five.")
        provider = server.provider(use_responses=api == "responses")
        agent = Agent(name="s", model=provider.get_model("gpt-4.1"), tools=[add])
        result = Runner.run_streamed(agent, "2+3?")
        events = await _collect(result)
        await provider.aclose()
    deltas = [
        e.data.delta
        for e in events
        if isinstance(e, RawResponsesStreamEvent) and isinstance(e.data, ResponseTextDeltaEvent)
    ]
    assert "".join(deltas) == "It is five."
    assert result.final_output == "It is five."
    assert server.conformance_errors == []


async def test_chat_stream_events_are_numbered_in_order(
    server: FakeOpenAIServer, chat_provider: OpenAIProvider
) -> None:
    server.add(
        ModelReply(["Let me add.", function_call("add", {"a": 2, "b": 3}, call_id="c1")]), "Five."
    )
    agent = Agent(name="s", model=chat_provider.get_model("gpt-4.1"), tools=[add])
    result = Runner.run_streamed(agent, "2+3?")
    events = await _collect(result)
    turns: list[list[int]] = [[]]
    for event in events:
        if isinstance(event, RawResponsesStreamEvent):
            turns[-1].append(event.data.sequence_number)
            if event.data.type == "response.completed":
                turns.append([])
    assert len(turns) == 3 and turns[-1] == []
    for numbers in turns[:2]:
        assert numbers == list(range(len(numbers)))
    assert result.final_output == "Five."


async def test_a_bad_event_in_a_finished_stream_fails_the_run_where_it_is_read(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    server.add(ModelReply(["fine"], response_id="resp_ok"))  # a whole stream, for its events
    ok = Runner.run_streamed(Agent(name="s", model=provider.get_model("gpt-4.1")), "hi")
    good = [
        e.data.model_dump(exclude_unset=True)
        for e in await _collect(ok)
        if isinstance(e, RawResponsesStreamEvent)
    ]
    bad = 'data: {"type":"response.output_text.delta","sequence_number":9,"delta":5}\n\n'
    server.add(StreamReply([*good[:3], bad, *good[3:]]))
    result = Runner.run_streamed(Agent(name="s", model=provider.get_model("gpt-4.1")), "hi")
    seen: list[str] = []
    with pytest.raises(APIResponseValidationError) as caught:
        async for event in result.stream_events():
            if isinstance(event, RawResponsesStreamEvent):
                seen.append(event.data.type)
    assert caught.value.request_id is not None and caught.value.status_code == 200
    assert seen == [event["type"] for event in good[:3]]
    assert result.run_loop_task is not None
    await asyncio.wait([result.run_loop_task])
    assert result.is_complete and result.final_output is None
