"""``OpenAIClient`` beyond JSON and event streams: multipart uploads, raw byte streams, and the
headers handed to connections it does not make itself (websockets)."""

from __future__ import annotations

import asyncio
import io
import wave

import pytest

from agents_openai import BadRequestError, OpenAIClient, StreamInterruptedError
from agents_openai.testing import ErrorReply, FakeOpenAIServer, Gate, SpeechReply, fake_speech

from .conftest import FAST_RETRIES


def _wav(samples: bytes, rate: int = 16_000) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(rate)
        writer.writeframes(samples)
    return out.getvalue()


@pytest.fixture
async def client(server: FakeOpenAIServer) -> OpenAIClient:
    return server.client(retry_policy=FAST_RETRIES)


async def test_a_form_upload_sends_fields_arrays_and_the_file(
    server: FakeOpenAIServer, client: OpenAIClient
) -> None:
    server.audio.add_transcription("hello there")
    audio = _wav(bytes(range(200)) * 20)
    content, request_id = await client.request_form(
        "/audio/transcriptions",
        fields={"model": "gpt-transcribe", "languages": ["en", "fr"], "temperature": "0.2"},
        files={"file": ("audio.wav", audio, "audio/wav")},
    )
    assert content.startswith(b"{") and b'"hello there"' in content
    assert request_id is not None
    (received,) = server.audio.transcription_requests
    assert received.fields == {
        "model": "gpt-transcribe",
        "languages": ["en", "fr"],
        "temperature": "0.2",
    }
    assert received.file.filename == "audio.wav" and received.file.content == audio
    assert received.frame_rate == 16_000 and received.frames == bytes(range(200)) * 20
    await client.aclose()


async def test_a_form_upload_is_retried_until_it_succeeds(
    server: FakeOpenAIServer, client: OpenAIClient
) -> None:
    server.audio.add_transcription(ErrorReply(500), ErrorReply(503), "third time lucky")
    content, _ = await client.request_form(
        "/audio/transcriptions",
        fields={"model": "whisper-1"},
        files={"file": ("a.wav", _wav(b"\x00\x01" * 100), "audio/wav")},
    )
    assert b"third time lucky" in content
    assert len(server.audio.transcription_requests) == 3
    await client.aclose()


async def test_a_byte_stream_hands_on_chunks_as_they_arrive(
    server: FakeOpenAIServer, client: OpenAIClient
) -> None:
    gate = Gate()
    audio = bytes(range(256)) * 40
    server.audio.add_speech(
        SpeechReply(audio=audio, chunk_bytes=1000, pause_after_bytes=3000, gate=gate)
    )
    body = {"model": "gpt-4o-mini-tts", "voice": "ash", "input": "Hi.", "response_format": "pcm"}
    received = bytearray()
    async with client.stream_bytes("/audio/speech", body=body) as stream:
        assert stream.content_type == "audio/pcm"
        async for chunk in stream.chunks():
            received += chunk
            if len(received) == 3000:
                # The server holds the rest until the gate opens: these bytes arrived first.
                gate.open()
    assert bytes(received) == audio
    assert stream.bytes_received == len(audio)
    await client.aclose()


async def test_a_cut_byte_stream_is_an_interrupted_stream_error(
    server: FakeOpenAIServer, client: OpenAIClient
) -> None:
    server.audio.add_speech(SpeechReply(audio=b"\x01\x02" * 5000, cut_after_bytes=4000))
    body = {"model": "tts-1", "voice": "ash", "input": "Hi.", "response_format": "pcm"}
    received = 0
    with pytest.raises(StreamInterruptedError, match=r"stopped after 4000 bytes") as caught:
        async with client.stream_bytes("/audio/speech", body=body) as stream:
            async for chunk in stream.chunks():
                received += len(chunk)
    assert received == 4000
    assert caught.value.url is not None and caught.value.url.endswith("/v1/audio/speech")
    assert len(server.audio.speech_requests) == 1  # output was delivered: nothing retried
    await client.aclose()


async def test_a_byte_stream_that_fails_before_its_body_is_retried_then_typed(
    server: FakeOpenAIServer, client: OpenAIClient
) -> None:
    server.audio.add_speech(ErrorReply(429), ErrorReply(400, "Voice 'robot' is not available."))
    body = {"model": "tts-1", "voice": "ash", "input": "Hi.", "response_format": "pcm"}
    with pytest.raises(BadRequestError, match="Voice 'robot' is not available"):
        async with client.stream_bytes("/audio/speech", body=body):
            pass
    assert len(server.audio.speech_requests) == 2
    await client.aclose()


async def test_the_default_speech_is_the_fake_voice(
    server: FakeOpenAIServer, client: OpenAIClient
) -> None:
    body = {"model": "tts-1", "voice": "ash", "input": "Two words.", "response_format": "pcm"}
    async with client.stream_bytes("/audio/speech", body=body) as stream:
        audio = b"".join([chunk async for chunk in stream.chunks()])
    assert audio == fake_speech("Two words.")
    # 40 ms per character and 20 ms of silence per word, at 24 kHz and 2 bytes a sample.
    assert len(audio) == 2 * 24 * (40 * len("Two") + 20 + 40 * len("words.") + 20)
    await client.aclose()


async def test_connection_headers_carry_the_key_but_the_client_never_shows_it() -> None:
    client = OpenAIClient(api_key="sk-secret-1", base_url="http://127.0.0.1:9/v1", project="p")
    headers = client.connection_headers()
    assert headers["Authorization"] == "Bearer sk-secret-1"
    assert headers["OpenAI-Project"] == "p"
    headers["Authorization"] = "changed"
    assert client.connection_headers()["Authorization"] == "Bearer sk-secret-1"
    assert "sk-secret-1" not in repr(client) and "sk-secret-1" not in str(vars(client))


async def test_paced_speech_takes_its_time(server: FakeOpenAIServer, client: OpenAIClient) -> None:
    # 0.2 s of audio at 4x real time: the body takes about 50 ms to arrive.
    server.audio.add_speech(SpeechReply(audio=bytes(9600), chunk_bytes=960, pace=4.0))
    body = {"model": "tts-1", "voice": "ash", "input": "Hi.", "response_format": "pcm"}
    loop = asyncio.get_running_loop()
    started = loop.time()
    async with client.stream_bytes("/audio/speech", body=body) as stream:
        chunks = [chunk async for chunk in stream.chunks()]
    assert loop.time() - started >= 0.045
    assert sum(map(len, chunks)) == 9600
    await client.aclose()
