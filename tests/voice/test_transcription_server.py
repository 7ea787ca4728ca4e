"""The fake transcription websocket refuses what OpenAI's would, validates every frame, and
finds turns in real speech."""

from __future__ import annotations

import base64
import json
from typing import Any

import numpy as np
import pytest
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import InvalidStatus

from agents_voice.testing import FakeTranscriptionServer, VoiceActivityDetector

from .conftest import Say, silence


async def _open(server: FakeTranscriptionServer, **headers: str) -> ClientConnection:
    auth = {"Authorization": f"Bearer {server.api_key}", **headers}
    return await connect(
        f"{server.base_url}/realtime?intent=transcription", additional_headers=auth
    )


async def _next(ws: ClientConnection) -> dict[str, Any]:
    event: dict[str, Any] = json.loads(await ws.recv())
    return event


async def test_the_handshake_needs_the_key_the_path_and_the_intent(
    transcription_server: FakeTranscriptionServer,
) -> None:
    base = transcription_server.base_url
    attempts = [
        (f"{base}/realtime?intent=transcription", {"Authorization": "Bearer wrong"}, 401),
        (f"{base}/realtime", {"Authorization": f"Bearer {transcription_server.api_key}"}, 400),
        (f"{base}/other?intent=transcription", {}, 404),
    ]
    for url, headers, status in attempts:
        with pytest.raises(InvalidStatus) as caught:
            await connect(url, additional_headers=headers)
        assert caught.value.response.status_code == status
    assert transcription_server.connections == 0


async def test_a_session_is_created_and_updated(
    transcription_server: FakeTranscriptionServer,
) -> None:
    async with await _open(transcription_server) as ws:
        created = await _next(ws)
        assert created["type"] == "session.created"
        assert created["session"]["type"] == "transcription"
        update = {
            "type": "session.update",
            "session": {
                "type": "transcription",
                "audio": {"input": {"transcription": {"model": "gpt-transcribe"}}},
            },
        }
        await ws.send(json.dumps(update))
        updated = await _next(ws)
        assert updated["type"] == "session.updated"
        assert updated["session"]["audio"]["input"]["transcription"] == {"model": "gpt-transcribe"}


async def test_frames_that_break_the_spec_or_the_session_get_error_events(
    transcription_server: FakeTranscriptionServer,
) -> None:
    async with await _open(transcription_server) as ws:
        await _next(ws)
        frames: list[Any] = [
            "not json",
            {"type": "input_audio_buffer.append"},  # no audio
            {"type": "input_audio_buffer.append", "audio": "%%%"},
            {"type": "response.create"},
            {"type": "session.update", "session": {"type": "realtime"}},
        ]
        codes = []
        for frame in frames:
            await ws.send(frame if isinstance(frame, str) else json.dumps(frame))
            event = await _next(ws)
            assert event["type"] == "error"
            codes.append(event["error"]["code"])
    assert codes[0] == "invalid_json" and codes[2:] == [
        "invalid_value",
        "invalid_event",
        "invalid_value",
    ]
    if transcription_server.validator is not None:
        assert codes[1] == "invalid_value"
        assert any("client frame" in e for e in transcription_server.conformance_errors)
    transcription_server.conformance_errors.clear()  # broken on purpose


async def test_speech_is_found_in_the_audio(
    transcription_server: FakeTranscriptionServer, say: Say
) -> None:
    transcription_server.add("Good morning.")
    speech = say("Good morning.").buffer
    audio = np.concatenate([silence(0.5), speech, silence(1)])
    async with await _open(transcription_server) as ws:
        await _next(ws)
        for start in range(0, audio.size, 4800):
            chunk = audio[start : start + 4800].astype("<i2").tobytes()
            message = {
                "type": "input_audio_buffer.append",
                "audio": base64.b64encode(chunk).decode(),
            }
            await ws.send(json.dumps(message))
        kinds: list[str] = []
        while not kinds or kinds[-1] != "conversation.item.input_audio_transcription.completed":
            kinds.append((await _next(ws))["type"])
    assert kinds[:3] == [
        "input_audio_buffer.speech_started",
        "input_audio_buffer.speech_stopped",
        "input_audio_buffer.committed",
    ]
    started = transcription_server.sent_of("input_audio_buffer.speech_started")[0]
    stopped = transcription_server.sent_of("input_audio_buffer.speech_stopped")[0]
    loud = np.flatnonzero(np.abs(speech) > 1000)  # where espeak-ng's voice is heard
    first_ms, last_ms = (1000 * loud[[0, -1]] / 24_000).tolist()
    # Speech starts 300 ms (the prefix padding) before it is heard, and stops where it ends.
    assert started["audio_start_ms"] == pytest.approx(500 + first_ms - 300, abs=60)
    assert stopped["audio_end_ms"] == pytest.approx(500 + last_ms, abs=60)
    (turn,) = transcription_server.turns
    assert turn.by_vad and turn.item_id == started["item_id"]
    completed = transcription_server.sent_of(
        "conversation.item.input_audio_transcription.completed"
    )
    assert completed[0]["transcript"] == "Good morning."
    assert completed[0]["usage"] == {"type": "duration", "seconds": round(turn.duration, 3)}


def test_the_detector_splits_speech_at_long_pauses(say: Say) -> None:
    detector = VoiceActivityDetector(silence_duration_ms=500)
    words = say("One, two. Three.").buffer
    boundaries = detector.feed(np.concatenate([words, silence(0.6), words, silence(0.6)]))
    assert [b.started for b in boundaries] == [True, False, True, False]
    assert not detector.speaking
    # Fed in tiny pieces, the same audio gives the same boundaries.
    detector = VoiceActivityDetector(silence_duration_ms=500)
    audio = np.concatenate([words, silence(0.6), words, silence(0.6)])
    pieces = [detector.feed(audio[i : i + 101]) for i in range(0, audio.size, 101)]
    assert [b for piece in pieces for b in piece] == boundaries
