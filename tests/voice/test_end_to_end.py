"""The whole pipeline over the real wire: espeak-ng's speech in, the fake OpenAI servers for
transcription, the agent's model (OpenAI's Responses API) and speech, audio out."""

from __future__ import annotations

import asyncio
from typing import Any

import numpy as np

from agents_core import Agent, Model, function_tool
from agents_core.testing import function_call
from agents_openai.testing import ErrorReply, FakeOpenAIServer, Gate, ModelReply, SpeechReply
from agents_openai.testing import fake_speech as _fake_speech
from agents_voice import (
    OpenAIVoiceModelProvider,
    SingleAgentVoiceWorkflow,
    StreamedAudioInput,
    TTSModelSettings,
    VoicePipeline,
    VoicePipelineConfig,
    VoiceStreamEventAudio,
    VoiceStreamEventError,
    VoiceStreamEventLifecycle,
)
from agents_voice.testing import DropConnection, FakeTranscriptionServer, TranscriptionFailure

from .conftest import STREAM_TIMEOUT, Say, audio_of, collect, lifecycle, silence

QUESTION = "What is the weather like in Oslo today?"
ANSWER = (
    "It is sunny in Oslo today. The temperature is eighteen degrees. "
    "Bring a light jacket for the evening."
)
SENTENCES = [
    "It is sunny in Oslo today.",
    "The temperature is eighteen degrees.",
    "Bring a light jacket for the evening.",
]


def fake_speech(text: str) -> list[int]:
    """What the fake server says for ``text``, as samples."""
    samples: list[int] = np.frombuffer(_fake_speech(text), dtype="<i2").tolist()
    return samples


def spoken(texts: list[str]) -> list[int]:
    return [sample for text in texts for sample in fake_speech(text)]


def by_input(replies: dict[str, SpeechReply | ErrorReply]) -> Any:
    """A speech responder answering chosen sentences in its own way (the rest as usual)."""
    return lambda body: replies.get(body["input"])


def pipeline_for(
    agent: Agent[Any], provider: OpenAIVoiceModelProvider, **config: Any
) -> VoicePipeline:
    return VoicePipeline(
        workflow=SingleAgentVoiceWorkflow(agent),
        config=VoicePipelineConfig(model_provider=provider, **config),
    )


def user_texts(request_json: dict[str, Any]) -> list[tuple[str, str]]:
    """(role, text) of each message of a /responses request's input."""
    messages = []
    for item in request_json["input"]:
        if item.get("type", "message") != "message":
            continue
        content = item["content"]
        text = content if isinstance(content, str) else "".join(p["text"] for p in content)
        messages.append((item["role"], text))
    return messages


async def test_a_spoken_question_gets_a_spoken_answer(
    server: FakeOpenAIServer, voice_provider: OpenAIVoiceModelProvider, model: Model, say: Say
) -> None:
    question = say(QUESTION)
    server.audio.add_transcription(QUESTION)
    server.add(ANSWER)
    agent = Agent(name="Assistant", instructions="Answer briefly.", model=model)

    result = await pipeline_for(agent, voice_provider).run(question)
    events = await collect(result)

    assert lifecycle(events) == ["turn_started", "audio", "turn_ended", "session_ended"]
    # The recording went up as a WAV, sample for sample.
    (upload,) = server.audio.transcription_requests
    assert upload.model == "gpt-transcribe" and upload.frame_rate == 24_000
    assert upload.frames == question.buffer.astype("<i2").tobytes()
    # The transcript went to the agent's model.
    (model_request,) = server.model_requests()
    assert user_texts(model_request.json) == [("user", QUESTION)]
    assert model_request.json["instructions"] == "Answer briefly."
    # Each sentence was spoken, and the audio is the answer in order (sentences that are
    # complete at the same moment are requested concurrently, so they may reach the server in
    # either order).
    assert sorted(request["input"] for request in server.audio.speech_requests) == sorted(SENTENCES)
    assert audio_of(events).tolist() == spoken(SENTENCES)
    assert result.total_output_text == ANSWER
    server.assert_complete()
    server.audio.assert_complete()


async def test_an_agent_on_chat_completions_is_spoken_too(
    server: FakeOpenAIServer, voice_provider: OpenAIVoiceModelProvider, say: Say
) -> None:
    server.audio.add_transcription(QUESTION)
    server.add(ANSWER)
    chat = server.provider(use_responses=False)
    agent = Agent(name="Assistant", model=chat.get_model("gpt-4.1"))
    events = await collect(await pipeline_for(agent, voice_provider).run(say(QUESTION)))
    (request,) = server.model_requests()
    assert request.path == "/v1/chat/completions" and request.json["stream"] is True
    assert request.json["messages"][-1] == {"role": "user", "content": QUESTION}
    assert sorted(r["input"] for r in server.audio.speech_requests) == sorted(SENTENCES)
    assert audio_of(events).tolist() == spoken(SENTENCES)
    await chat.aclose()


async def test_the_first_sentence_is_spoken_before_the_model_has_finished(
    server: FakeOpenAIServer, voice_provider: OpenAIVoiceModelProvider, model: Model, say: Say
) -> None:
    gate = Gate()
    server.audio.add_transcription(QUESTION)
    # The model's stream stops in the middle of the second sentence until the gate opens.
    server.add(ModelReply([ANSWER], pause_after=14, gate=gate))
    agent = Agent(name="Assistant", model=model)
    result = await pipeline_for(agent, voice_provider).run(say(QUESTION))

    events: list[Any] = []
    async with asyncio.timeout(STREAM_TIMEOUT):
        async for event in result.stream():
            events.append(event)
            if isinstance(event, VoiceStreamEventAudio) and not gate.is_open:
                # Audio of the first sentence while the model is still held mid-answer.
                assert [r["input"] for r in server.audio.speech_requests] == SENTENCES[:1]
                gate.open()
    assert gate.is_open
    assert audio_of(events).tolist() == spoken(SENTENCES)


async def test_sentences_are_spoken_in_order_with_the_settings_on_the_wire(
    server: FakeOpenAIServer, voice_provider: OpenAIVoiceModelProvider, model: Model, say: Say
) -> None:
    server.audio.add_transcription(QUESTION)
    server.add(ANSWER)
    # The first sentence's speech is slow to start: the later ones finish first.
    server.audio.speech_responder = by_input({SENTENCES[0]: SpeechReply(delay=0.3)})
    settings = TTSModelSettings(voice="sage", speed=1.5, instructions="Sound cheerful.")
    agent = Agent(name="Assistant", model=model)
    pipeline = pipeline_for(agent, voice_provider, tts_settings=settings)

    events = await collect(await pipeline.run(say(QUESTION)))

    assert audio_of(events).tolist() == spoken(SENTENCES)
    assert server.audio.speech_requests == [
        {
            "model": "gpt-4o-mini-tts",
            "voice": "sage",
            "input": sentence,
            "response_format": "pcm",
            "instructions": "Sound cheerful.",
            "speed": 1.5,
        }
        for sentence in SENTENCES
    ]


async def test_only_the_final_answer_is_spoken_after_a_tool_call(
    server: FakeOpenAIServer, voice_provider: OpenAIVoiceModelProvider, model: Model, say: Say
) -> None:
    calls: list[str] = []

    @function_tool
    def get_weather(city: str) -> str:
        """The weather in a city."""
        calls.append(city)
        return "sunny, 18 degrees"

    server.audio.add_transcription(QUESTION)
    server.add(
        [function_call("get_weather", {"city": "Oslo"}, call_id="call_1")],
        "Oslo is sunny and eighteen degrees today.",
    )
    agent = Agent(name="Assistant", model=model, tools=[get_weather])
    events = await collect(await pipeline_for(agent, voice_provider).run(say(QUESTION)))

    assert calls == ["Oslo"]
    assert [r["input"] for r in server.audio.speech_requests] == [
        "Oslo is sunny and eighteen degrees today."
    ]
    second = server.model_requests()[1].json["input"]
    assert {"type": "function_call_output", "call_id": "call_1", "output": "sunny, 18 degrees"} in [
        {key: item.get(key) for key in ("type", "call_id", "output")} for item in second
    ]
    assert lifecycle(events) == ["turn_started", "audio", "turn_ended", "session_ended"]


async def test_float32_output(
    server: FakeOpenAIServer, voice_provider: OpenAIVoiceModelProvider, model: Model, say: Say
) -> None:
    server.audio.add_transcription(QUESTION)
    server.add("Sunny.")
    agent = Agent(name="Assistant", model=model)
    pipeline = pipeline_for(agent, voice_provider, tts_settings={"dtype": np.float32})
    events = await collect(await pipeline.run(say(QUESTION)))
    chunks = [e.data for e in events if isinstance(e, VoiceStreamEventAudio)]
    assert chunks and all(c is not None and c.dtype == np.float32 for c in chunks)
    assert all(c is not None and c.ndim == 2 and c.shape[1] == 1 for c in chunks)
    expected = np.array(fake_speech("Sunny."), dtype=np.float32) / 32767
    assert np.allclose(audio_of(events), expected)


async def test_two_streamed_turns_carry_the_conversation(
    server: FakeOpenAIServer,
    transcription_server: FakeTranscriptionServer,
    voice_provider: OpenAIVoiceModelProvider,
    model: Model,
    say: Say,
) -> None:
    transcription_server.add(QUESTION, "And tomorrow?")
    server.add("It is sunny today.", "Tomorrow it will rain.")
    agent = Agent(name="Assistant", model=model)
    audio_input = StreamedAudioInput()
    result = await pipeline_for(agent, voice_provider).run(audio_input)
    for utterance in (say(QUESTION).buffer, silence(1), say("And tomorrow?").buffer, silence(1)):
        for start in range(0, utterance.size, 4800):  # 200 ms at a time, as a microphone would
            await audio_input.add_audio(utterance[start : start + 4800])
    await audio_input.add_audio(None)

    events = await collect(result)

    assert lifecycle(events) == ["turn_started", "audio", "turn_ended"] * 2 + ["session_ended"]
    first, second = server.model_requests()
    assert user_texts(first.json) == [("user", QUESTION)]
    assert user_texts(second.json) == [
        ("user", QUESTION),
        ("assistant", "It is sunny today."),
        ("user", "And tomorrow?"),
    ]
    assert audio_of(events).tolist() == spoken(["It is sunny today.", "Tomorrow it will rain."])
    assert len([turn for turn in transcription_server.turns if turn.by_vad]) == 2
    transcription_server.assert_complete()


async def test_the_user_barging_in_stops_the_answer(
    server: FakeOpenAIServer,
    transcription_server: FakeTranscriptionServer,
    voice_provider: OpenAIVoiceModelProvider,
    model: Model,
    say: Say,
) -> None:
    transcription_server.add("Tell me a long story.", "Stop. What time is it?")
    server.add("Once upon a time there was a fox. It lived in a forest.", "It is noon.")
    # The story's first sentence is held after a tenth of a second of audio: still speaking.
    held = SpeechReply(pause_after_bytes=4800, gate=Gate())
    server.audio.speech_responder = by_input({"Once upon a time there was a fox.": held})
    agent = Agent(name="Assistant", model=model)
    audio_input = StreamedAudioInput()
    result = await pipeline_for(agent, voice_provider).run(audio_input)
    await audio_input.add_audio(np.concatenate([say("Tell me a long story.").buffer, silence(1)]))

    events: list[Any] = []
    async with asyncio.timeout(STREAM_TIMEOUT):
        async for event in result.stream():
            events.append(event)
            if isinstance(event, VoiceStreamEventAudio) and len(events) == 2:
                # The user speaks while the story is being told.
                interruption = say("Stop. What time is it?").buffer
                await audio_input.add_audio(np.concatenate([interruption, silence(1)]))
                await audio_input.add_audio(None)

    assert lifecycle(events) == [
        "turn_started",
        "audio",
        "turn_ended (interrupted)",
        "turn_started",
        "audio",
        "turn_ended",
        "session_ended",
    ]
    story_heard = fake_speech("Once upon a time there was a fox.")[:2400]
    assert audio_of(events).tolist() == story_heard + fake_speech("It is noon.")
    assert user_texts(server.model_requests()[1].json)[-1] == ("user", "Stop. What time is it?")


# -------------------------------------------------------------------------------- faults


async def test_a_transcription_http_error_ends_the_stream_and_nothing_is_spoken(
    server: FakeOpenAIServer, voice_provider: OpenAIVoiceModelProvider, model: Model, say: Say
) -> None:
    server.audio.add_transcription(ErrorReply(400, "Invalid file format."))
    agent = Agent(name="Assistant", model=model)
    events = await collect(await pipeline_for(agent, voice_provider).run(say(QUESTION)))
    assert lifecycle(events) == ["error:BadRequestError", "session_ended"]
    assert "Invalid file format" in str(events[0].error)  # type: ignore[union-attr]
    assert server.model_requests() == [] and server.audio.speech_requests == []


async def test_a_speech_http_error_ends_the_stream(
    server: FakeOpenAIServer, voice_provider: OpenAIVoiceModelProvider, model: Model, say: Say
) -> None:
    server.audio.add_transcription(QUESTION)
    server.add(ANSWER)
    failure = ErrorReply(400, "Voice 'robot' is not available.", param="voice")
    server.audio.speech_responder = by_input({SENTENCES[1]: failure})
    agent = Agent(name="Assistant", model=model)
    events = await collect(await pipeline_for(agent, voice_provider).run(say(QUESTION)))
    assert lifecycle(events) == ["turn_started", "audio", "error:BadRequestError", "session_ended"]
    error = next(e.error for e in events if isinstance(e, VoiceStreamEventError))
    assert "Voice 'robot' is not available" in str(error) and "/audio/speech" in str(error)
    assert audio_of(events).tolist() == fake_speech(SENTENCES[0])


async def test_a_cut_speech_stream_ends_the_stream(
    server: FakeOpenAIServer, voice_provider: OpenAIVoiceModelProvider, model: Model, say: Say
) -> None:
    server.audio.add_transcription(QUESTION)
    server.add(ANSWER)
    server.audio.speech_responder = by_input({SENTENCES[0]: SpeechReply(cut_after_bytes=9600)})
    agent = Agent(name="Assistant", model=model)
    events = await collect(await pipeline_for(agent, voice_provider).run(say(QUESTION)))
    assert lifecycle(events) == [
        "turn_started",
        "audio",
        "error:StreamInterruptedError",
        "session_ended",
    ]
    assert audio_of(events).tolist() == fake_speech(SENTENCES[0])[:4800]


async def test_a_dropped_transcription_websocket_ends_the_stream(
    server: FakeOpenAIServer,
    transcription_server: FakeTranscriptionServer,
    voice_provider: OpenAIVoiceModelProvider,
    model: Model,
    say: Say,
) -> None:
    transcription_server.add(QUESTION, DropConnection())
    server.add("It is sunny.")
    agent = Agent(name="Assistant", model=model)
    audio_input = StreamedAudioInput()
    result = await pipeline_for(agent, voice_provider).run(audio_input)
    for utterance in (say(QUESTION).buffer, silence(1), say("And tomorrow?").buffer, silence(1)):
        await audio_input.add_audio(utterance)

    events = await collect(result)  # the input never ends: the drop ends the stream

    assert lifecycle(events) == [
        "turn_started",
        "audio",
        "turn_ended",
        "error:STTWebsocketConnectionError",
        "session_ended",
    ]
    error = next(e.error for e in events if isinstance(e, VoiceStreamEventError))
    assert "closed before the session ended (code 1006)" in str(error)


async def test_a_turn_that_could_not_be_transcribed_is_not_answered(
    server: FakeOpenAIServer,
    transcription_server: FakeTranscriptionServer,
    voice_provider: OpenAIVoiceModelProvider,
    model: Model,
    say: Say,
) -> None:
    transcription_server.add(TranscriptionFailure("Could not understand the audio."), QUESTION)
    server.add("It is sunny.")
    agent = Agent(name="Assistant", model=model)
    audio_input = StreamedAudioInput()
    result = await pipeline_for(agent, voice_provider).run(audio_input)
    for utterance in (say("Mumble mumble.").buffer, silence(1), say(QUESTION).buffer, silence(1)):
        await audio_input.add_audio(utterance)
    await audio_input.add_audio(None)

    events = await collect(result)

    assert lifecycle(events) == [
        "error:TranscriptionFailedError",
        "turn_started",
        "audio",
        "turn_ended",
        "session_ended",
    ]
    (request,) = server.model_requests()
    assert user_texts(request.json) == [("user", QUESTION)]
    assert [r["input"] for r in server.audio.speech_requests] == ["It is sunny."]
    lifecycle_events = [e for e in events if isinstance(e, VoiceStreamEventLifecycle)]
    assert not any(e.interrupted for e in lifecycle_events)
