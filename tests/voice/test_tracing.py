"""The pipeline's trace: transcription, speech and turn spans, with what was said and heard
kept out unless asked for."""

from __future__ import annotations

import base64
from typing import Any

import numpy as np

from agents_core import Agent, Model
from agents_core.tracing import trace
from agents_openai.testing import ErrorReply, FakeOpenAIServer, fake_speech
from agents_voice import (
    OpenAIVoiceModelProvider,
    SingleAgentVoiceWorkflow,
    StreamedAudioInput,
    STTModelSettings,
    TTSModelSettings,
    VoicePipeline,
    VoicePipelineConfig,
)
from agents_voice.testing import FakeTranscriptionServer

from .conftest import Say, SpanCollector, collect, lifecycle, silence

QUESTION = "Is it going to rain?"
ANSWER = "No rain is expected today. Enjoy the sunshine outside."
SENTENCES = ["No rain is expected today.", "Enjoy the sunshine outside."]


def b64(pcm: bytes) -> str:
    return base64.b64encode(pcm).decode("ascii")


def data(span: dict[str, Any]) -> dict[str, Any]:
    """The span's data with its type as ``sdk_span_type`` (the voice spans are typed, as
    officially: ``transcription``, ``speech``, ``speech_group``)."""
    exported = dict(span["span_data"])
    return {"sdk_span_type": exported.pop("type"), **exported}


def pipeline(model: Model, provider: OpenAIVoiceModelProvider, **config: Any) -> VoicePipeline:
    return VoicePipeline(
        workflow=SingleAgentVoiceWorkflow(Agent(name="Forecaster", model=model)),
        config=VoicePipelineConfig(model_provider=provider, **config),
    )


async def test_a_turn_is_traced_with_what_was_said_and_heard(
    server: FakeOpenAIServer,
    voice_provider: OpenAIVoiceModelProvider,
    model: Model,
    say: Say,
    spans: SpanCollector,
) -> None:
    server.audio.add_transcription(QUESTION)
    server.add(ANSWER)
    question = say(QUESTION)
    settings = STTModelSettings(prompt="Weather.", language="en", temperature=0.1)
    run = pipeline(
        model,
        voice_provider,
        stt_settings=settings,
        tts_settings=TTSModelSettings(voice="echo", instructions="Calmly."),
        workflow_name="Weather line",
        group_id="call-42",
        trace_metadata={"line": "7"},
    )
    await collect(await run.run(question))

    (voice_trace,) = spans.traces
    assert (voice_trace.name, voice_trace.group_id, voice_trace.metadata) == (
        "Weather line",
        "call-42",
        {"line": "7"},
    )
    (transcription,) = spans.of_kind("transcription")
    assert data(transcription) == {
        "sdk_span_type": "transcription",
        "model": "gpt-transcribe",
        "model_config": {"temperature": 0.1, "language": "en", "prompt": "Weather."},
        "input": {"data": b64(question.buffer.astype("<i2").tobytes()), "format": "pcm"},
        "output": QUESTION,
    }
    (group,) = spans.of_kind("speech_group")
    assert data(group) == {"sdk_span_type": "speech_group", "input": ANSWER}
    speech = spans.of_kind("speech")
    assert [data(span)["input"] for span in speech] == SENTENCES
    for span, sentence in zip(speech, SENTENCES, strict=True):
        assert span["parent_id"] == group["id"]
        assert data(span)["output"] == {"data": b64(fake_speech(sentence)), "format": "pcm"}
        assert data(span)["model_config"] == {
            "voice": "echo",
            "instructions": "Calmly.",
            "speed": None,
        }
        assert data(span)["first_content_at"] is not None
    # The agent's run is part of the same trace.
    agent_spans = spans.of_kind("agent")
    assert [span["span_data"]["name"] for span in agent_spans] == ["Forecaster"]
    ids = {span["trace_id"] for span in [transcription, group, *speech, *agent_spans]}
    assert ids == {voice_trace.trace_id}


async def test_sensitive_text_and_audio_stay_out_when_asked(
    server: FakeOpenAIServer,
    voice_provider: OpenAIVoiceModelProvider,
    model: Model,
    say: Say,
    spans: SpanCollector,
) -> None:
    server.audio.add_transcription(QUESTION)
    server.add(ANSWER)
    run = pipeline(
        model,
        voice_provider,
        stt_settings=STTModelSettings(prompt="A secret prompt."),
        trace_include_sensitive_data=False,
        trace_include_sensitive_audio_data=False,
    )
    await collect(await run.run(say(QUESTION)))

    (transcription,) = spans.of_kind("transcription")
    assert data(transcription)["input"] == {"data": "", "format": "pcm"}
    assert data(transcription)["output"] is None
    assert data(transcription)["model_config"]["prompt"] is None
    (group,) = spans.of_kind("speech_group")
    assert data(group)["input"] == ""
    for span in spans.of_kind("speech"):
        assert data(span)["input"] == ""
        assert data(span)["output"] == {"data": "", "format": "pcm"}
        assert data(span)["model_config"]["instructions"] is None
    # (The agent's own spans follow its run's settings, not the pipeline's.)
    voice_spans = [spans.of_kind(kind) for kind in ("transcription", "speech_group", "speech")]
    assert "rain" not in str(voice_spans) and "secret" not in str(voice_spans)


async def test_audio_alone_can_be_left_out(
    server: FakeOpenAIServer,
    voice_provider: OpenAIVoiceModelProvider,
    model: Model,
    say: Say,
    spans: SpanCollector,
) -> None:
    server.audio.add_transcription(QUESTION)
    server.add(ANSWER)
    run = pipeline(model, voice_provider, trace_include_sensitive_audio_data=False)
    await collect(await run.run(say(QUESTION)))
    (transcription,) = spans.of_kind("transcription")
    assert data(transcription)["input"]["data"] == "" and data(transcription)["output"] == QUESTION
    assert [data(span)["output"]["data"] for span in spans.of_kind("speech")] == ["", ""]
    assert [data(span)["input"] for span in spans.of_kind("speech")] == SENTENCES


async def test_each_streamed_turn_has_its_transcription_span(
    server: FakeOpenAIServer,
    transcription_server: FakeTranscriptionServer,
    voice_provider: OpenAIVoiceModelProvider,
    model: Model,
    say: Say,
    spans: SpanCollector,
) -> None:
    transcription_server.add("First question?", "Second question?")
    server.add("First answer.", "Second answer.")
    audio_input = StreamedAudioInput()
    result = await pipeline(model, voice_provider).run(audio_input)
    first, second = say("First question?"), say("Second question?")
    for chunk in (first.buffer, silence(1), second.buffer, silence(1)):
        await audio_input.add_audio(chunk)
    await audio_input.add_audio(None)
    await collect(result)

    transcriptions = spans.of_kind("transcription")
    outputs = [data(span)["output"] for span in transcriptions]
    assert outputs[:2] == ["First question?", "Second question?"]
    heard = [base64.b64decode(data(span)["input"]["data"]) for span in transcriptions[:2]]
    # Each turn's span holds the audio sent during that turn, in order.
    all_audio = np.concatenate([first.buffer, silence(1), second.buffer, silence(1)])
    assert b"".join(heard) == all_audio.astype("<i2").tobytes()[: len(b"".join(heard))]
    assert len(heard[0]) > 2 * first.buffer.size * 0.9
    assert data(transcriptions[0])["model_config"]["turn_detection"] == {"type": "semantic_vad"}
    assert len(spans.of_kind("speech_group")) == 2


async def test_a_failed_speech_request_is_recorded_on_its_span(
    server: FakeOpenAIServer,
    voice_provider: OpenAIVoiceModelProvider,
    model: Model,
    say: Say,
    spans: SpanCollector,
) -> None:
    server.audio.add_transcription(QUESTION)
    server.add("Short answer.")
    server.audio.add_speech(ErrorReply(400, "Input mentions something private."))
    events = await collect(
        await pipeline(model, voice_provider, trace_include_sensitive_data=False).run(say(QUESTION))
    )
    assert lifecycle(events) == ["turn_started", "error:BadRequestError", "session_ended"]
    (speech,) = spans.of_kind("speech")
    assert speech["error"] == {"message": "BadRequestError", "data": None}


async def test_no_trace_when_tracing_is_disabled(
    server: FakeOpenAIServer,
    voice_provider: OpenAIVoiceModelProvider,
    model: Model,
    say: Say,
    spans: SpanCollector,
) -> None:
    server.audio.add_transcription(QUESTION)
    server.add(ANSWER)
    await collect(await pipeline(model, voice_provider, tracing_disabled=True).run(say(QUESTION)))
    assert spans.traces == [] and spans.spans == []


async def test_the_callers_trace_holds_the_pipeline(
    server: FakeOpenAIServer,
    voice_provider: OpenAIVoiceModelProvider,
    model: Model,
    say: Say,
    spans: SpanCollector,
) -> None:
    server.audio.add_transcription(QUESTION)
    server.add(ANSWER)
    with trace("My call centre") as mine:
        await collect(await pipeline(model, voice_provider).run(say(QUESTION)))
    assert [t.name for t in spans.traces] == ["My call centre"]
    assert {span.trace_id for span in spans.spans} == {mine.trace_id}


async def test_the_pipelines_trace_is_exported_with_its_own_key(
    server: FakeOpenAIServer,
    voice_provider: OpenAIVoiceModelProvider,
    model: Model,
    say: Say,
    spans: SpanCollector,
) -> None:
    server.audio.add_transcription(QUESTION)
    server.add(ANSWER)
    voice = pipeline(model, voice_provider, tracing={"api_key": "sk-voice-traces"})
    await collect(await voice.run(say(QUESTION)))
    [only] = spans.traces
    assert only.tracing_api_key == "sk-voice-traces"
    assert "sk-voice-traces" not in str(only.export())
