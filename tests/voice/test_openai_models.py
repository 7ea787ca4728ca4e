"""OpenAI's speech models against the fake servers: what goes on the wire, and every failure
turned into a typed error naming its cause."""

from __future__ import annotations

import asyncio
import base64
import socket
from typing import Any

import numpy as np
import pytest

from agents_core.exceptions import UserError
from agents_openai import (
    APIResponseValidationError,
    BadRequestError,
    OpenAIClient,
    StreamInterruptedError,
)
from agents_openai.testing import ErrorReply, FakeOpenAIServer, Gate, RawReply, SpeechReply
from agents_voice import (
    AudioInput,
    OpenAISTTModel,
    OpenAITTSModel,
    OpenAIVoiceModelProvider,
    StreamedAudioInput,
    STTModelSettings,
    STTWebsocketConnectionError,
    TranscriptionFailedError,
    TTSModelSettings,
)
from agents_voice.models.openai_model_provider import DEFAULT_STT_MODEL, DEFAULT_TTS_MODEL
from agents_voice.models.openai_stt import OpenAISTTTranscriptionSession
from agents_voice.testing import (
    DropConnection,
    FakeTranscriptionServer,
    ServerError,
    TranscriptionFailure,
)

from .conftest import FAST_RETRIES, Say, silence

# ------------------------------------------------------------------------ whole recordings


async def test_a_recording_is_uploaded_as_a_wav_with_its_settings(
    server: FakeOpenAIServer, voice_provider: OpenAIVoiceModelProvider
) -> None:
    server.audio.add_transcription("hello world")
    recording = AudioInput(buffer=np.arange(-800, 800, 2, dtype=np.int16), frame_rate=16_000)
    stt = voice_provider.get_stt_model("whisper-1")
    settings = STTModelSettings(prompt="A greeting.", language="en", temperature=0.2)

    text = await stt.transcribe(recording, settings, True, True)

    assert text == "hello world"
    (request,) = server.audio.transcription_requests
    assert request.fields == {
        "model": "whisper-1",
        "prompt": "A greeting.",
        "language": "en",
        "temperature": "0.2",
    }
    assert request.file.filename == "audio.wav" and request.file.content_type == "audio/wav"
    assert request.frame_rate == 16_000 and request.channels == 1
    assert request.frames == recording.buffer.astype("<i2").tobytes()


async def test_gpt_transcribe_takes_its_language_as_a_list(
    server: FakeOpenAIServer, voice_provider: OpenAIVoiceModelProvider
) -> None:
    server.audio.add_transcription("bonjour")
    stt = voice_provider.get_stt_model(None)
    assert stt.model_name == DEFAULT_STT_MODEL == "gpt-transcribe"
    recording = AudioInput(np.zeros(480, np.int16))
    await stt.transcribe(recording, STTModelSettings(language="fr"), True, True)
    assert server.audio.transcription_requests[0].fields == {
        "model": "gpt-transcribe",
        "languages": ["fr"],
    }


async def test_transcription_failures_are_typed_errors(
    server: FakeOpenAIServer, voice_provider: OpenAIVoiceModelProvider
) -> None:
    stt = voice_provider.get_stt_model("whisper-1")
    recording = AudioInput(np.zeros(480, np.int16))
    server.audio.add_transcription(
        ErrorReply(400, "Audio file is too short.", code="audio_too_short"),
        RawReply("<html>oops</html>"),
    )
    with pytest.raises(BadRequestError, match="Audio file is too short") as caught:
        await stt.transcribe(recording, STTModelSettings(), True, True)
    assert caught.value.code == "audio_too_short"
    with pytest.raises(APIResponseValidationError, match="not JSON"):
        await stt.transcribe(recording, STTModelSettings(), True, True)


# -------------------------------------------------------------------------------- speech


async def test_speech_is_requested_with_the_settings_and_streamed_back(
    server: FakeOpenAIServer, voice_provider: OpenAIVoiceModelProvider
) -> None:
    gate = Gate()
    audio = bytes(range(256)) * 100
    server.audio.add_speech(
        SpeechReply(audio=audio, chunk_bytes=2000, pause_after_bytes=4000, gate=gate)
    )
    tts = voice_provider.get_tts_model(None)
    assert tts.model_name == DEFAULT_TTS_MODEL == "gpt-4o-mini-tts"
    settings = TTSModelSettings(voice="coral", speed=1.25, instructions="Speak softly.")

    received = bytearray()
    async for chunk in tts.run("Hello there.", settings):
        received += chunk
        if len(received) == 4000:
            gate.open()  # the first chunks arrived while the rest was held back
    assert bytes(received) == audio
    (request,) = [r for r in server.requests if r.path == "/v1/audio/speech"]
    assert request.headers["accept"] == "application/octet-stream"
    assert server.audio.speech_requests == [
        {
            "model": "gpt-4o-mini-tts",
            "voice": "coral",
            "input": "Hello there.",
            "response_format": "pcm",
            "instructions": "Speak softly.",
            "speed": 1.25,
        }
    ]


async def test_speech_defaults_on_the_wire(
    server: FakeOpenAIServer, voice_provider: OpenAIVoiceModelProvider
) -> None:
    tts = voice_provider.get_tts_model("tts-1")
    settings = TTSModelSettings(voice={"id": "voice_1234"})
    async for _ in tts.run("One.", TTSModelSettings()):
        pass
    async for _ in tts.run("Two.", settings):
        pass
    first, second = server.audio.speech_requests
    assert first == {
        "model": "tts-1",
        "voice": "ash",
        "input": "One.",
        "response_format": "pcm",
        "instructions": (
            "You will receive partial sentences. Do not complete the sentence just read out "
            "the text."
        ),
    }
    assert second["voice"] == {"id": "voice_1234"}


async def test_a_cut_speech_stream_and_a_refused_request_are_typed_errors(
    server: FakeOpenAIServer, voice_provider: OpenAIVoiceModelProvider
) -> None:
    tts = voice_provider.get_tts_model(None)
    server.audio.add_speech(
        SpeechReply(audio=bytes(9600), cut_after_bytes=4800),
        ErrorReply(400, "Input is too long."),
    )
    received = 0
    with pytest.raises(StreamInterruptedError, match="stopped after 4800 bytes"):
        async for chunk in tts.run("Cut me off.", TTSModelSettings()):
            received += len(chunk)
    assert received == 4800
    with pytest.raises(BadRequestError, match="Input is too long"):
        async for _ in tts.run("Too long.", TTSModelSettings()):
            pass


# ------------------------------------------------------------------------------ provider


def test_the_provider_takes_a_client_or_settings_never_both() -> None:
    client = OpenAIClient(api_key="sk-1", base_url="http://127.0.0.1:9/v1")
    with pytest.raises(UserError, match="not both"):
        OpenAIVoiceModelProvider(openai_client=client, api_key="sk-2")
    provider = OpenAIVoiceModelProvider(api_key="sk-secret-9", base_url="https://example.test/v1")
    assert "sk-secret-9" not in repr(provider) and "sk-secret-9" not in str(vars(provider))
    assert isinstance(provider.get_tts_model(None), OpenAITTSModel)
    assert isinstance(provider.get_stt_model(None), OpenAISTTModel)


def test_the_websocket_url_follows_the_base_url() -> None:
    client = OpenAIClient(
        api_key="sk-1", base_url="https://example.test/v1", default_query={"api-version": "x"}
    )
    session = OpenAISTTTranscriptionSession(
        StreamedAudioInput(), client, "gpt-transcribe", STTModelSettings(), True, True
    )
    assert session.websocket_url() == (
        "wss://example.test/v1/realtime?api-version=x&intent=transcription"
    )
    local = OpenAIClient(api_key="sk-1", base_url="http://127.0.0.1:8000/v1/")
    session = OpenAISTTTranscriptionSession(
        StreamedAudioInput(), local, "m", STTModelSettings(), True, True
    )
    assert session.websocket_url() == "ws://127.0.0.1:8000/v1/realtime?intent=transcription"


# --------------------------------------------------------------------- streamed sessions


async def _push(audio_input: StreamedAudioInput, *buffers: Any, chunk: int = 2400) -> None:
    for buffer in buffers:
        for start in range(0, buffer.size, chunk):
            await audio_input.add_audio(buffer[start : start + chunk])
    await audio_input.add_audio(None)


async def _turns(session: Any) -> list[str]:
    async with asyncio.timeout(30):
        return [turn async for turn in session.transcribe_turns()]


async def test_a_session_sends_its_settings_and_the_audio_and_yields_each_turn(
    voice_provider: OpenAIVoiceModelProvider,
    transcription_server: FakeTranscriptionServer,
    say: Say,
) -> None:
    transcription_server.add("What is the weather in Oslo?", "And tomorrow?")
    first, second = say("What is the weather in Oslo?"), say("And tomorrow?")
    audio_input = StreamedAudioInput()
    settings = STTModelSettings(
        prompt="Weather questions.",
        language="en",
        keywords=["Oslo"],
        turn_detection={"type": "server_vad", "silence_duration_ms": 400},
    )
    session = await voice_provider.get_stt_model(None).create_session(
        audio_input, settings, True, True
    )
    await _push(audio_input, first.buffer, silence(1), second.buffer, silence(1))

    assert await _turns(session) == ["What is the weather in Oslo?", "And tomorrow?"]

    (update,) = transcription_server.received_of("session.update")
    assert update["session"] == {
        "type": "transcription",
        "audio": {
            "input": {
                "format": {"type": "audio/pcm", "rate": 24_000},
                "transcription": {
                    "model": "gpt-transcribe",
                    "languages": ["en"],
                    "prompt": "Weather questions.",
                    "keywords": ["Oslo"],
                },
                "turn_detection": {"type": "server_vad", "silence_duration_ms": 400},
            }
        },
    }
    sent = b"".join(
        base64.b64decode(frame["audio"])
        for frame in transcription_server.received_of("input_audio_buffer.append")
    )
    expected = np.concatenate([first.buffer, silence(1), second.buffer, silence(1)])
    assert sent == expected.astype("<i2").tobytes()
    # The voice activity detection found the two utterances in the audio.
    spoken = [turn for turn in transcription_server.turns if turn.by_vad]
    assert len(spoken) == 2
    assert spoken[0].duration == pytest.approx(first.duration + 0.4, abs=0.35)
    # The end of the input commits what is left, then clears the buffer.
    commit, clear = transcription_server.received[-2:]
    assert commit["type"] == "input_audio_buffer.commit" and commit["event_id"]
    assert clear == {"type": "input_audio_buffer.clear"}
    assert session.connected  # type: ignore[attr-defined]


async def test_float_audio_is_sent_as_16_bit_pcm(
    voice_provider: OpenAIVoiceModelProvider, transcription_server: FakeTranscriptionServer
) -> None:
    audio_input = StreamedAudioInput()
    session = await voice_provider.get_stt_model(None).create_session(
        audio_input, STTModelSettings(), True, True
    )
    loud = np.tile(np.array([0.5, -1.5, 0.25], dtype=np.float32), 800)  # 100 ms
    await _push(audio_input, loud)
    transcription_server.add("a loud noise")
    assert await _turns(session) == ["a loud noise"]
    sent = b"".join(
        base64.b64decode(frame["audio"])
        for frame in transcription_server.received_of("input_audio_buffer.append")
    )
    samples = np.frombuffer(sent, dtype="<i2")
    assert samples.size == 2400 and samples[:3].tolist() == [16383, -32767, 8191]


async def test_an_empty_final_commit_is_expected_and_ignored(
    voice_provider: OpenAIVoiceModelProvider, transcription_server: FakeTranscriptionServer
) -> None:
    audio_input = StreamedAudioInput()
    session = await voice_provider.get_stt_model(None).create_session(
        audio_input, STTModelSettings(), True, True
    )
    await audio_input.add_audio(None)
    assert await _turns(session) == []
    (error,) = transcription_server.sent_of("error")
    assert error["error"]["code"] == "input_audio_buffer_commit_empty"
    commit = transcription_server.received_of("input_audio_buffer.commit")[0]
    assert error["error"]["event_id"] == commit["event_id"]


async def test_a_refused_websocket_names_the_status(
    server: FakeOpenAIServer, spec_validator: Any
) -> None:
    async with FakeTranscriptionServer(api_key="sk-another", validator=spec_validator) as ws:
        provider = OpenAIVoiceModelProvider(
            openai_client=server.client(retry_policy=FAST_RETRIES),
            websocket_base_url=ws.base_url,
        )
        session = await provider.get_stt_model(None).create_session(
            StreamedAudioInput(), STTModelSettings(), True, True
        )
        with pytest.raises(STTWebsocketConnectionError, match="refused with status 401") as caught:
            await _turns(session)
        assert "Incorrect API key" in str(caught.value)
        assert server.api_key not in str(caught.value)
        await provider.aclose()


async def test_nothing_listening_is_a_connection_error(server: FakeOpenAIServer) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    provider = OpenAIVoiceModelProvider(
        openai_client=server.client(), websocket_base_url=f"ws://127.0.0.1:{port}/v1"
    )
    session = await provider.get_stt_model(None).create_session(
        StreamedAudioInput(), STTModelSettings(), True, True
    )
    with pytest.raises(STTWebsocketConnectionError, match="Could not open the transcription"):
        await _turns(session)
    await provider.aclose()


async def test_an_error_from_the_service_ends_the_session(
    voice_provider: OpenAIVoiceModelProvider,
    transcription_server: FakeTranscriptionServer,
    say: Say,
) -> None:
    transcription_server.add(ServerError("Rate limit reached.", code="rate_limit_exceeded"))
    audio_input = StreamedAudioInput()
    session = await voice_provider.get_stt_model(None).create_session(
        audio_input, STTModelSettings(), True, True
    )
    await _push(audio_input, say("Hello.").buffer, silence(1))
    with pytest.raises(STTWebsocketConnectionError, match="Rate limit reached") as caught:
        await _turns(session)
    assert caught.value.server_error is not None
    assert caught.value.server_error["code"] == "rate_limit_exceeded"


async def test_a_dropped_websocket_ends_the_session_naming_the_close(
    voice_provider: OpenAIVoiceModelProvider,
    transcription_server: FakeTranscriptionServer,
    say: Say,
) -> None:
    transcription_server.add("first", DropConnection())
    audio_input = StreamedAudioInput()
    session = await voice_provider.get_stt_model(None).create_session(
        audio_input, STTModelSettings(), True, True
    )
    pusher = asyncio.create_task(
        _push(audio_input, say("One.").buffer, silence(1), say("Two.").buffer, silence(1))
    )
    turns: list[str] = []
    with pytest.raises(STTWebsocketConnectionError, match="closed before the session ended") as c:
        async with asyncio.timeout(30):
            async for turn in session.transcribe_turns():
                turns.append(turn)
    await pusher
    assert turns == ["first"]
    assert c.value.close_code == 1006 and "after 1 transcribed turns" in str(c.value)


async def test_a_failed_turn_is_raised_without_a_listener_and_reported_with_one(
    voice_provider: OpenAIVoiceModelProvider,
    transcription_server: FakeTranscriptionServer,
    say: Say,
) -> None:
    stt = voice_provider.get_stt_model(None)
    transcription_server.add(TranscriptionFailure("Could not understand."), "second")
    audio_input = StreamedAudioInput()
    session = await stt.create_session(audio_input, STTModelSettings(), True, True)
    failures: list[Exception] = []
    session.on_turn_failed(failures.append)
    await _push(audio_input, say("Mumble.").buffer, silence(1), say("Second.").buffer, silence(1))
    assert await _turns(session) == ["second"]
    (failure,) = failures
    assert isinstance(failure, TranscriptionFailedError)
    assert "Could not understand" in str(failure) and failure.item_id

    transcription_server.add(TranscriptionFailure("Still nothing."))
    audio_input = StreamedAudioInput()
    session = await stt.create_session(audio_input, STTModelSettings(), True, True)
    await _push(audio_input, say("Mumble.").buffer, silence(1))
    with pytest.raises(TranscriptionFailedError, match="Still nothing"):
        await _turns(session)


async def test_speech_started_reaches_the_listeners(
    voice_provider: OpenAIVoiceModelProvider,
    transcription_server: FakeTranscriptionServer,
    say: Say,
) -> None:
    transcription_server.add("one", "two")
    audio_input = StreamedAudioInput()
    session = await voice_provider.get_stt_model(None).create_session(
        audio_input, STTModelSettings(), True, True
    )
    starts: list[int] = []
    session.on_speech_started(lambda: starts.append(len(starts)))
    await _push(audio_input, say("One.").buffer, silence(1), say("Two.").buffer, silence(1))
    assert await _turns(session) == ["one", "two"]
    assert starts == [0, 1]
    assert len(transcription_server.sent_of("input_audio_buffer.speech_started")) == 2


async def test_closing_a_session_stops_it(
    voice_provider: OpenAIVoiceModelProvider,
    transcription_server: FakeTranscriptionServer,
    say: Say,
) -> None:
    audio_input = StreamedAudioInput()
    session = await voice_provider.get_stt_model(None).create_session(
        audio_input, STTModelSettings(), True, True
    )
    speaking = asyncio.Event()
    session.on_speech_started(speaking.set)
    reader = asyncio.create_task(anext(session.transcribe_turns(), None))
    await audio_input.add_audio(say("Hello there.").buffer)  # the input does not end
    async with asyncio.timeout(30):
        await speaking.wait()  # the session is live
        await session.close()
        assert await reader is None  # the turns end
    await session.close()  # again: nothing happens
