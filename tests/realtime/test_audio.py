"""Audio turns with real speech: server VAD, transcripts in the history, barge-in, interrupts."""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING, Any

import pytest

from agents_realtime import (
    RealtimeAgent,
    RealtimeModelSendRawMessage,
    RealtimePlaybackTracker,
    RealtimeRunner,
    RealtimeSession,
    UserMessageItem,
)
from agents_realtime.items import InputAudio
from agents_realtime.testing import FakeRealtimeServer, MessageReply, RealtimeReply

if TYPE_CHECKING:
    from agents_realtime import RealtimeRunConfig
    from tests.realtime.conftest import Realtime

pytestmark = pytest.mark.timeout(30)

SERVER_VAD: RealtimeRunConfig = {
    "model_settings": {
        "turn_detection": {"type": "server_vad", "silence_duration_ms": 500},
        "input_audio_transcription": {"model": "gpt-4o-mini-transcribe"},
    }
}


async def _say(
    session: RealtimeSession, rt: type[Realtime], text: str, pause_ms: int = 800
) -> bytes:
    audio = rt.silence(200) + rt.speech(text) + rt.silence(pause_ms)
    for chunk in rt.chunks(audio):
        await session.send_audio(chunk)
    return audio


def _raw(events: list[Any], kind: str) -> list[dict[str, Any]]:
    return [
        e.data.data
        for e in events
        if e.type == "raw_model_event"
        and e.data.type == "raw_server_event"
        and e.data.data.get("type") == kind
    ]


SEMANTIC_VAD: RealtimeRunConfig = {}  # the defaults: semantic VAD, transcription on


@pytest.mark.parametrize("config", [SERVER_VAD, SEMANTIC_VAD], ids=["server_vad", "semantic_vad"])
async def test_an_audio_turn_is_detected_transcribed_and_answered(
    server: FakeRealtimeServer, rt: type[Realtime], config: RealtimeRunConfig
) -> None:
    server.add_transcripts("what is the weather in oslo")
    server.add("It is sunny in Oslo.")
    runner = RealtimeRunner(RealtimeAgent(name="a"), config=config)
    async with await runner.run(model_config=server.model_config()) as session:
        sent = await _say(session, rt, "What is the weather in Oslo?")
        events = await rt.until(session, rt.nth("agent_end"), skip_raw=False)
        history = session.history

    started = _raw(events, "input_audio_buffer.speech_started")
    stopped = _raw(events, "input_audio_buffer.speech_stopped")
    assert len(started) == 1 and len(stopped) == 1
    speech_ms = len(rt.speech("What is the weather in Oslo?")) / 48
    assert 0 <= started[0]["audio_start_ms"] <= 200
    assert 200 + speech_ms * 0.8 <= stopped[0]["audio_end_ms"] <= 200 + speech_ms + 700

    user = history[0]
    assert isinstance(user, UserMessageItem)
    audio_part = user.content[0]
    assert isinstance(audio_part, InputAudio)
    assert audio_part.transcript == "what is the weather in oslo"
    assert history[1].content[0].transcript == "It is sunny in Oslo."  # type: ignore[union-attr]
    assert any(e.type == "audio" for e in events)

    received = b"".join(
        base64.b64decode(f["audio"])
        for f in server.connections[0].frames("input_audio_buffer.append")
    )
    assert received == sent
    assert server.connections[0].frames("response.create") == []  # the server's VAD answered


async def test_barge_in_stops_the_answer_at_what_was_heard(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    long_answer = RealtimeReply(
        [MessageReply("Let me tell you a long story " * 8)], stall_after_ms=800
    )
    server.add_transcripts("tell me a story", "stop")
    server.add(long_answer, "Okay, stopping.")
    tracker = RealtimePlaybackTracker()
    runner = RealtimeRunner(RealtimeAgent(name="a"), config=SERVER_VAD)
    model_config = server.model_config(playback_tracker=tracker)
    async with await runner.run(model_config=model_config) as session:
        await _say(session, rt, "Tell me a story")
        first_audio = (await rt.until(session, rt.nth("audio")))[-1]
        tracker.on_play_ms(first_audio.item_id, first_audio.content_index, 300)
        await _say(session, rt, "Stop", pause_ms=800)  # the user talks over the answer
        events = await rt.until(session, rt.nth("agent_end", 2))

    types = rt.types(events)
    interrupted = types.index("audio_interrupted")
    assert events[interrupted].item_id == first_audio.item_id
    assert all(
        e.item_id != first_audio.item_id for e in events[interrupted:] if e.type == "audio"
    )  # none of the interrupted answer after the interruption
    assert server.truncations == [
        {
            "type": "conversation.item.truncate",
            "item_id": first_audio.item_id,
            "content_index": 0,
            "audio_end_ms": 300,
            "event_id": server.truncations[0]["event_id"],
        }
    ]
    assert len(server.cancellations) == 1  # the server's VAD cancelled it
    cancelled = [
        e
        for e in server.connections[0].sent
        if e["type"] == "response.done" and e["response"]["status"] == "cancelled"
    ]
    assert cancelled[0]["response"]["status_details"]["reason"] == "turn_detected"
    assert server.connections[0].frames("response.cancel") == []


async def test_with_interrupt_response_off_the_answer_plays_on(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    server.add_transcripts("hello", "mm-hm")
    server.add("Hello! " * 4)
    config: RealtimeRunConfig = {
        "model_settings": {
            "turn_detection": {
                "type": "server_vad",
                "silence_duration_ms": 500,
                "interrupt_response": False,
                "create_response": False,
            },
            "input_audio_transcription": {"model": "whisper-1"},
        }
    }
    async with await RealtimeRunner(RealtimeAgent(name="a"), config=config).run(
        model_config=server.model_config()
    ) as session:
        await _say(session, rt, "Hello")
        await session.model.send_event(RealtimeModelSendRawMessage({"type": "response.create"}))
        await rt.until(session, rt.nth("audio"))
        await _say(session, rt, "Mm-hm")
        events = await rt.until(session, rt.nth("agent_end"))

    assert "audio_interrupted" not in rt.types(events)
    assert server.truncations == [] and server.cancellations == []


async def test_interrupt_cuts_at_the_played_position_and_cancels(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    stalled = RealtimeReply([MessageReply("A very long answer " * 10)], stall_after_ms=600)
    server.add(stalled)
    tracker = RealtimePlaybackTracker()
    runner = RealtimeRunner(RealtimeAgent(name="a"))
    async with await runner.run(
        model_config=server.model_config(playback_tracker=tracker)
    ) as session:
        await session.send_message("Talk")
        received = await rt.until(session, rt.nth("audio", 6))  # 600 ms, then it stalls
        first = received[-6]
        tracker.on_play_bytes(first.item_id, first.content_index, first.audio.data)  # 100 ms
        tracker.on_play_ms(first.item_id, first.content_index, 150)
        await session.interrupt()
        events = await rt.until(session, rt.nth("agent_end"))

    types = rt.types(events)
    assert "audio_interrupted" in types
    assert "audio" not in types[types.index("audio_interrupted") :]
    connection = server.connections[0]
    truncate = connection.frames("conversation.item.truncate")
    assert [(t["item_id"], t["content_index"], t["audio_end_ms"]) for t in truncate] == [
        (first.item_id, 0, 250)
    ]
    cancel = connection.frames("response.cancel")
    assert len(cancel) == 1 and cancel[0]["response_id"] == server.cancellations[0]
    order = [f["type"] for f in connection.received]
    assert order.index("conversation.item.truncate") < order.index("response.cancel")


async def test_interrupt_without_a_tracker_uses_the_time_since_the_audio_began(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    server.add(RealtimeReply([MessageReply("Words " * 30)], stall_after_ms=500))
    async with await RealtimeRunner(RealtimeAgent(name="a")).run(
        model_config=server.model_config()
    ) as session:
        await session.send_message("Talk")
        await rt.until(session, rt.nth("audio"))
        await session.interrupt()
        await rt.until(session, rt.nth("agent_end"))

    (truncate,) = server.truncations
    assert 0 <= truncate["audio_end_ms"] <= 500  # never past what was received
    assert len(server.cancellations) == 1


async def test_interrupt_with_nothing_playing_sends_nothing(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    server.add("Short.")
    async with await RealtimeRunner(RealtimeAgent(name="a")).run(
        model_config=server.model_config()
    ) as session:
        await session.send_message("Hi")
        await rt.until(session, rt.nth("agent_end"))
        interrupted_at = len(server.connections[0].received)
        await session.interrupt()  # the answer is over: there is nothing to cancel
        await session.send_message("Again?")
        connection = server.connections[0]
        await connection.wait_for_frame("conversation.item.create", count=2)

    after = [f["type"] for f in connection.received[interrupted_at:]]
    assert "response.cancel" not in after


async def test_an_interrupt_before_the_answer_starts_cancels_it_on_arrival(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    server.add(RealtimeReply([MessageReply("You will never hear this " * 5)], stall_after_ms=300))
    server.add("Next answer.")
    async with await RealtimeRunner(RealtimeAgent(name="a")).run(
        model_config=server.model_config()
    ) as session:
        await session.send_message("Talk")
        await session.interrupt()  # the server has not even started the answer yet
        connection = server.connections[0]
        cancel = await connection.wait_for_frame("response.cancel")
        await session.send_message("Something else")
        watch = rt.Watch(session)
        await watch.until("agent_end", 2)

    assert server.cancellations == [cancel["response_id"]]
    audio_items = {e.item_id for e in watch.of("audio")}
    assert len(audio_items) == 1  # only the second answer was heard
    assert session.history[-1].content[0].transcript == "Next answer."  # type: ignore[union-attr]
