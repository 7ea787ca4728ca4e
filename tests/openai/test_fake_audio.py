"""The fake server's audio endpoints refuse what OpenAI's would, and answer in its formats."""

from __future__ import annotations

import io
import wave
from typing import Any

import httpx2
import pytest

from agents_openai.testing import (
    ErrorReply,
    FakeOpenAIServer,
    RawReply,
    TranscriptionReply,
    TranscriptionRequest,
)


def _wav(frames: bytes = b"\x00\x10" * 800, rate: int = 24_000) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(rate)
        writer.writeframes(frames)
    return out.getvalue()


async def _post_form(
    server: FakeOpenAIServer,
    data: dict[str, Any],
    file: tuple[str, bytes, str] | None = ("audio.wav", _wav(), "audio/wav"),
) -> httpx2.Response:
    headers = {"Authorization": f"Bearer {server.api_key}"}
    files = {"file": file} if file is not None else None
    async with httpx2.AsyncClient(base_url=server.base_url) as http:
        return await http.post("/audio/transcriptions", data=data, files=files, headers=headers)


async def _post_speech(server: FakeOpenAIServer, body: dict[str, Any]) -> httpx2.Response:
    headers = {"Authorization": f"Bearer {server.api_key}"}
    async with httpx2.AsyncClient(base_url=server.base_url) as http:
        return await http.post("/audio/speech", json=body, headers=headers)


async def test_a_transcription_answers_json_with_usage(server: FakeOpenAIServer) -> None:
    server.audio.add_transcription("What time is it?")
    response = await _post_form(server, {"model": "gpt-transcribe", "prompt": "time"})
    assert response.status_code == 200
    assert response.json() == {
        "text": "What time is it?",
        "usage": {"type": "duration", "seconds": round(800 / 24_000, 3)},
    }
    (request,) = server.audio.transcription_requests
    assert request.model == "gpt-transcribe" and request.fields["prompt"] == "time"
    assert request.duration == pytest.approx(800 / 24_000)
    server.audio.assert_complete()


async def test_a_transcription_as_text_and_through_a_responder(server: FakeOpenAIServer) -> None:
    def by_length(request: TranscriptionRequest) -> TranscriptionReply:
        return TranscriptionReply(f"{request.duration:.2f} seconds")

    server.audio.transcription_responder = by_length
    response = await _post_form(server, {"model": "whisper-1", "response_format": "text"})
    assert response.headers["content-type"] == "text/plain"
    assert response.text == "0.03 seconds"


@pytest.mark.parametrize(
    ("data", "file", "message"),
    [
        ({"model": "whisper-1"}, None, "not a valid multipart form"),
        ({"model": "whisper-1"}, ("notes.txt", b"hello", "text/plain"), "Invalid file format"),
        ({"model": "whisper-1"}, ("a.wav", b"RIFF" + bytes(40), "audio/wav"), "corrupted"),
        ({"model": "whisper-1", "temperature": "warm"}, None, "'temperature' must be a number"),
        ({"model": "whisper-1", "response_format": "srt"}, None, "json or text"),
    ],
)
async def test_a_transcription_refuses_what_the_api_refuses(
    server: FakeOpenAIServer,
    data: dict[str, Any],
    file: tuple[str, bytes, str] | None,
    message: str,
) -> None:
    server.audio.add_transcription("unused")
    if file is None and "multipart" in message:
        response = await _post_form(server, data, file=None)
    elif file is None:
        response = await _post_form(server, data)
    else:
        response = await _post_form(server, data, file=file)
    assert response.status_code == 400
    assert message in response.json()["error"]["message"]
    assert server.audio.transcription_requests == []
    server.conformance_errors.clear()  # the spec rejected these on purpose


async def test_unknown_form_fields_break_the_spec(server: FakeOpenAIServer) -> None:
    if server.validator is None:
        pytest.fail("AGENTS_OPENAI_SPEC must be set: this test checks the spec validation")
    response = await _post_form(server, {"model": "whisper-1", "colour": "blue"})
    assert response.status_code == 400
    assert "colour" in response.json()["error"]["message"]
    server.conformance_errors.clear()


async def test_a_transcription_with_nothing_scripted_is_refused(server: FakeOpenAIServer) -> None:
    response = await _post_form(server, {"model": "whisper-1"})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "fake_server_script"


async def test_scripted_transcription_faults(server: FakeOpenAIServer) -> None:
    server.audio.add_transcription(ErrorReply(429, retry_after=0), RawReply("not json"))
    first = await _post_form(server, {"model": "whisper-1"})
    second = await _post_form(server, {"model": "whisper-1"})
    assert first.status_code == 429 and first.headers["retry-after"] == "0"
    assert second.status_code == 200 and second.text == "not json"


async def test_speech_refuses_what_the_api_refuses(server: FakeOpenAIServer) -> None:
    missing_voice = await _post_speech(server, {"model": "tts-1", "input": "Hi."})
    too_fast = await _post_speech(
        server, {"model": "tts-1", "input": "Hi.", "voice": "ash", "speed": 9}
    )
    assert missing_voice.status_code == 400 and too_fast.status_code == 400
    if server.validator is not None:
        assert "voice" in missing_voice.json()["error"]["message"]
        assert "speed" in too_fast.json()["error"]["message"]
    assert server.audio.speech_requests == []
    server.conformance_errors.clear()


async def test_speech_in_formats_the_fake_does_not_speak_is_refused(
    server: FakeOpenAIServer,
) -> None:
    response = await _post_speech(server, {"model": "tts-1", "input": "Hi.", "voice": "ash"})
    assert response.status_code == 400  # mp3 is the API's default format
    assert "'pcm' or 'wav'" in response.json()["error"]["message"]


async def test_speech_as_wav(server: FakeOpenAIServer) -> None:
    response = await _post_speech(
        server, {"model": "tts-1", "input": "Hi.", "voice": "ash", "response_format": "wav"}
    )
    assert response.headers["content-type"] == "audio/wav"
    with wave.open(io.BytesIO(response.content), "rb") as reader:
        assert (reader.getframerate(), reader.getnchannels(), reader.getsampwidth()) == (
            24_000,
            1,
            2,
        )
        assert reader.getnframes() == 24 * (40 * 3 + 20)
