"""``VoicePipeline`` with scripted models: the order of events, sentences spoken while the
answer is still being written, overlapping speech requests, errors, turns, barge-in."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

import numpy as np
import pytest

from agents_core.exceptions import UserError
from agents_voice import (
    AudioInput,
    StreamedAudioInput,
    STTModel,
    TranscriptionFailedError,
    TTSModel,
    TTSModelSettings,
    VoiceModelProvider,
    VoicePipeline,
    VoicePipelineConfig,
    VoiceStreamEventAudio,
    VoiceStreamEventError,
    VoiceWorkflowBase,
)
from agents_voice.testing import (
    ScriptedSTTModel,
    ScriptedTranscriptionSession,
    ScriptedTTSModel,
    ScriptedVoiceWorkflow,
    SpeechStarted,
    pcm16_samples,
)

from .conftest import audio_of, collect, lifecycle

RECORDING = AudioInput(buffer=np.arange(-500, 500, dtype=np.int16))


def tone(value: int, count: int = 200) -> bytes:
    """``count`` samples of one value: each sentence's audio is easy to tell apart."""
    return pcm16_samples([value] * count)


class ToneTTS(TTSModel):
    """Speaks the n-th distinct text as samples of value n+1, in two chunks of 200 samples. A
    text may be held after its first chunk until its gate opens; ``started``, ``finished`` and
    ``cancelled`` record what happened, and ``done[text]`` is set when a text is finished."""

    def __init__(self, hold: dict[str, asyncio.Event] | None = None) -> None:
        self.hold = hold or {}
        self.values: dict[str, int] = {}
        self.started: list[str] = []
        self.finished: list[str] = []
        self.cancelled: list[str] = []
        self.done: dict[str, asyncio.Event] = {}

    @property
    def model_name(self) -> str:
        return "tone-tts"

    def finished_event(self, text: str) -> asyncio.Event:
        return self.done.setdefault(text, asyncio.Event())

    async def run(self, text: str, settings: TTSModelSettings) -> AsyncIterator[bytes]:
        value = self.values.setdefault(text, len(self.values) + 1)
        self.started.append(text)
        try:
            yield tone(value, 200)
            if text in self.hold:
                await self.hold[text].wait()
            yield tone(value, 200)
        except asyncio.CancelledError:
            self.cancelled.append(text)
            raise
        self.finished.append(text)
        self.finished_event(text).set()


class PacedWorkflow(VoiceWorkflowBase):
    """Writes its first sentence, then waits for ``go`` before writing the rest."""

    def __init__(self) -> None:
        self.go = asyncio.Event()
        self.closed = False

    async def run(self, transcription: str) -> AsyncIterator[str]:
        try:
            yield "The first sentence is ready. "
            yield "The second "
            await self.go.wait()
            yield "sentence comes later."
        finally:
            self.closed = True


async def test_a_recording_is_transcribed_answered_and_spoken() -> None:
    stt = ScriptedSTTModel("What time is it?")
    workflow = ScriptedVoiceWorkflow([["It is ", "ten o'clock right now. ", "Time for ", "tea."]])
    tts = ScriptedTTSModel([[tone(1)], [tone(2, 150)]])
    pipeline = VoicePipeline(workflow=workflow, stt_model=stt, tts_model=tts)

    result = await pipeline.run(RECORDING)
    events = await collect(result)

    assert lifecycle(events) == ["turn_started", "audio", "turn_ended", "session_ended"]
    assert audio_of(events).tolist() == [1] * 200 + [2] * 150
    # Sentences of 20 characters or more are spoken as soon as the next one begins.
    assert [call.text for call in tts.calls] == ["It is ten o'clock right now.", "Time for tea."]
    assert workflow.transcriptions == ("What time is it?",)
    assert np.array_equal(stt.calls[0].input.buffer, RECORDING.buffer)
    assert result.total_output_text == "It is ten o'clock right now. Time for tea."
    for double in (stt, workflow, tts):
        double.assert_complete()


async def test_the_first_sentence_is_spoken_while_the_answer_is_still_being_written() -> None:
    workflow = PacedWorkflow()
    tts = ToneTTS()
    pipeline = VoicePipeline(workflow=workflow, stt_model=ScriptedSTTModel("hi"), tts_model=tts)
    result = await pipeline.run(RECORDING)
    stream = result.stream()

    first_audio = None
    async for event in stream:
        if isinstance(event, VoiceStreamEventAudio):
            first_audio = event
            break
    # The workflow is still waiting to write its second sentence.
    assert first_audio is not None and not workflow.go.is_set()
    assert tts.started == ["The first sentence is ready."]
    workflow.go.set()
    rest = [event async for event in stream]
    assert lifecycle(rest) == ["audio", "turn_ended", "session_ended"]
    assert tts.started == ["The first sentence is ready.", "The second sentence comes later."]


async def test_speech_requests_overlap_and_the_audio_stays_in_order() -> None:
    first, second, third = (
        "The first sentence takes long.",
        "The second sentence is quick.",
        "A third one.",
    )
    hold = {first: asyncio.Event()}
    tts = ToneTTS(hold)
    workflow = ScriptedVoiceWorkflow([[f"{first} ", f"{second} ", third]])
    pipeline = VoicePipeline(workflow=workflow, stt_model=ScriptedSTTModel("go"), tts_model=tts)

    async def release_the_first_once_the_others_are_spoken() -> None:
        await tts.finished_event(second).wait()
        await tts.finished_event(third).wait()
        assert first not in tts.finished  # spoken while the first was still held
        hold[first].set()

    releaser = asyncio.create_task(release_the_first_once_the_others_are_spoken())
    events = await collect(await pipeline.run(RECORDING))
    await releaser
    # The requests overlapped, yet the audio comes out in the order of the answer.
    assert tts.finished == [second, third, first]
    assert audio_of(events).tolist() == [1] * 400 + [2] * 400 + [3] * 400
    assert lifecycle(events) == ["turn_started", "audio", "turn_ended", "session_ended"]


async def test_audio_goes_out_as_soon_as_buffer_size_samples_have_arrived() -> None:
    # Odd chunk sizes split samples between chunks; buffer_size counts samples.
    pcm = pcm16_samples(range(1, 12))  # 22 bytes
    chunks = [pcm[0:3], pcm[3:9], pcm[9:10], pcm[10:22]]
    tts = ScriptedTTSModel([chunks])
    settings = TTSModelSettings(buffer_size=2)
    pipeline = VoicePipeline(
        workflow=ScriptedVoiceWorkflow("Hello."),
        stt_model=ScriptedSTTModel("hi"),
        tts_model=tts,
        config=VoicePipelineConfig(tts_settings=settings),
    )
    events = await collect(await pipeline.run(RECORDING))
    pieces = [
        e.data.tolist()
        for e in events
        if isinstance(e, VoiceStreamEventAudio) and e.data is not None
    ]
    assert pieces == [[1, 2, 3, 4], [5, 6, 7, 8, 9, 10, 11]]


async def test_a_last_half_sample_is_padded() -> None:
    tts = ScriptedTTSModel([[b"\x01\x00\x02"]])
    pipeline = VoicePipeline(
        workflow=ScriptedVoiceWorkflow("Hi."), stt_model=ScriptedSTTModel("x"), tts_model=tts
    )
    events = await collect(await pipeline.run(RECORDING))
    assert audio_of(events).tolist() == [1, 2]


async def test_float32_output_and_a_transform() -> None:
    tts = ScriptedTTSModel([[pcm16_samples([32767, -32767, 0, 16384])]])
    seen: list[Any] = []

    def transform(samples: Any) -> Any:
        seen.append(samples.copy())
        return samples * 2

    settings = TTSModelSettings(dtype=np.float32, transform_data=transform)
    pipeline = VoicePipeline(
        workflow=ScriptedVoiceWorkflow("Hi."),
        stt_model=ScriptedSTTModel("x"),
        tts_model=tts,
        config={"tts_settings": settings},
    )
    events = await collect(await pipeline.run(RECORDING))
    (audio,) = [e.data for e in events if isinstance(e, VoiceStreamEventAudio)]
    assert seen[0].dtype == np.float32 and seen[0].shape == (4, 1)
    assert seen[0][:, 0].tolist() == pytest.approx([1.0, -1.0, 0.0, 16384 / 32767])
    assert audio is not None and audio[:, 0].tolist() == pytest.approx([2.0, -2.0, 0.0, 1.0], 1e-4)


@pytest.mark.parametrize("dtype", [np.int32, "bogus"])
async def test_an_output_dtype_other_than_int16_or_float32_is_refused(dtype: Any) -> None:
    pipeline = VoicePipeline(
        workflow=ScriptedVoiceWorkflow("Hi."),
        stt_model=ScriptedSTTModel("x"),
        tts_model=ScriptedTTSModel(),
        config={"tts_settings": {"dtype": dtype}},
    )
    with pytest.raises(UserError, match="Invalid output dtype"):
        await pipeline.run(RECORDING)


async def test_a_failed_transcription_ends_the_session_and_nothing_is_spoken() -> None:
    workflow = ScriptedVoiceWorkflow(["unused"])
    tts = ScriptedTTSModel()
    pipeline = VoicePipeline(
        workflow=workflow,
        stt_model=ScriptedSTTModel([ConnectionError("the STT service is down")]),
        tts_model=tts,
    )
    events = await collect(await pipeline.run(RECORDING))
    assert lifecycle(events) == ["error:ConnectionError", "session_ended"]
    assert "STT service is down" in str(events[0].error)  # type: ignore[union-attr]
    assert workflow.transcriptions == () and tts.calls == ()


async def test_a_workflow_failure_ends_the_session_after_what_was_spoken() -> None:
    class Failing(VoiceWorkflowBase):
        async def run(self, transcription: str) -> AsyncIterator[str]:
            yield "This sentence gets spoken. "
            yield "This one does not"
            raise RuntimeError("the agent broke")

    tts = ToneTTS()
    pipeline = VoicePipeline(workflow=Failing(), stt_model=ScriptedSTTModel("x"), tts_model=tts)
    events = await collect(await pipeline.run(RECORDING))
    assert lifecycle(events) == ["turn_started", "audio", "error:RuntimeError", "session_ended"]
    assert tts.started == ["This sentence gets spoken."]


async def test_a_failed_speech_request_ends_the_session_after_the_audio_before_it() -> None:
    workflow = ScriptedVoiceWorkflow(
        [["First sentence is fine. ", "Second sentence fails. ", "Third is never spoken."]]
    )
    tts = ScriptedTTSModel([[tone(1)], ValueError("speech failed"), [tone(3)]])
    pipeline = VoicePipeline(workflow=workflow, stt_model=ScriptedSTTModel("x"), tts_model=tts)
    events = await collect(await pipeline.run(RECORDING))
    assert lifecycle(events) == ["turn_started", "audio", "error:ValueError", "session_ended"]
    assert audio_of(events).tolist() == [1] * 200


async def test_streamed_input_is_answered_turn_by_turn_after_a_greeting() -> None:
    session = ScriptedTranscriptionSession(["first question", "second question"])
    stt = ScriptedSTTModel(sessions=[session])
    workflow = ScriptedVoiceWorkflow(
        ["First answer.", "Second answer."], start=["Hello, how can I help?"]
    )
    tts = ScriptedTTSModel([[tone(9)], [tone(1)], [tone(2)]])
    pipeline = VoicePipeline(workflow=workflow, stt_model=stt, tts_model=tts)
    audio_input = StreamedAudioInput()

    events = await collect(await pipeline.run(audio_input))

    assert lifecycle(events) == ["turn_started", "audio", "turn_ended"] * 3 + ["session_ended"]
    assert audio_of(events).tolist() == [9] * 200 + [1] * 200 + [2] * 200
    assert workflow.transcriptions == ("first question", "second question")
    assert session.closed and stt.session_calls[0].input is audio_input
    for double in (stt, workflow, tts):
        double.assert_complete()


async def test_a_turn_that_could_not_be_transcribed_is_reported_and_the_session_goes_on() -> None:
    failure = TranscriptionFailedError("unintelligible", item_id="item_1", server_error=None)
    stt = ScriptedSTTModel(sessions=[[failure, "second try"]])
    workflow = ScriptedVoiceWorkflow(["Got it."])
    tts = ScriptedTTSModel([[tone(1)]])
    pipeline = VoicePipeline(workflow=workflow, stt_model=stt, tts_model=tts)
    events = await collect(await pipeline.run(StreamedAudioInput()))
    assert lifecycle(events) == [
        "error:TranscriptionFailedError",
        "turn_started",
        "audio",
        "turn_ended",
        "session_ended",
    ]
    assert workflow.transcriptions == ("second try",)
    assert [call.text for call in tts.calls] == ["Got it."]


async def test_a_session_failure_ends_the_stream_after_the_current_answer() -> None:
    stt = ScriptedSTTModel(sessions=[["question", ConnectionResetError("websocket dropped")]])
    pipeline = VoicePipeline(
        workflow=ScriptedVoiceWorkflow(["The answer."]),
        stt_model=stt,
        tts_model=ScriptedTTSModel([[tone(1)]]),
    )
    events = await collect(await pipeline.run(StreamedAudioInput()))
    assert lifecycle(events) == [
        "turn_started",
        "audio",
        "turn_ended",
        "error:ConnectionResetError",
        "session_ended",
    ]
    assert stt.created_sessions[0].closed


async def test_barge_in_stops_the_answer_being_spoken_and_starts_the_next_turn() -> None:
    first_answer = "A long first answer. It goes on and on."
    hold = {"A long first answer.": asyncio.Event()}  # never opened
    heard_first_audio = asyncio.Event()
    session = ScriptedTranscriptionSession(
        ["tell me a story", SpeechStarted(after=heard_first_audio), "stop, what time is it?"]
    )
    workflow = ScriptedVoiceWorkflow([first_answer, "It is noon."])
    tts = ToneTTS(hold)
    pipeline = VoicePipeline(
        workflow=workflow, stt_model=ScriptedSTTModel(sessions=[session]), tts_model=tts
    )

    events: list[Any] = []
    async with asyncio.timeout(30):
        async for event in (await pipeline.run(StreamedAudioInput())).stream():
            events.append(event)
            if isinstance(event, VoiceStreamEventAudio):
                heard_first_audio.set()

    assert lifecycle(events) == [
        "turn_started",
        "audio",
        "turn_ended (interrupted)",
        "turn_started",
        "audio",
        "turn_ended",
        "session_ended",
    ]
    # Only the first chunk of the held sentence was heard; its request was stopped.
    first, second = tts.values["A long first answer."], tts.values["It is noon."]
    assert audio_of(events).tolist() == [first] * 200 + [second] * 400
    assert "A long first answer." in tts.cancelled


async def test_without_barge_in_the_answer_is_spoken_to_the_end() -> None:
    heard_audio = asyncio.Event()
    session = ScriptedTranscriptionSession(["tell me", SpeechStarted(after=heard_audio), "next"])
    tts = ScriptedTTSModel([[tone(1)], [tone(2)]])
    pipeline = VoicePipeline(
        workflow=ScriptedVoiceWorkflow(["An answer.", "Another."]),
        stt_model=ScriptedSTTModel(sessions=[session]),
        tts_model=tts,
        config=VoicePipelineConfig(barge_in=False),
    )
    events: list[Any] = []
    async for event in (await pipeline.run(StreamedAudioInput())).stream():
        events.append(event)
        heard_audio.set()
    assert "turn_ended (interrupted)" not in lifecycle(events)
    assert audio_of(events).tolist() == [1] * 200 + [2] * 200


async def test_interrupting_a_turn_closes_its_workflow_run() -> None:
    workflow = PacedWorkflow()
    heard = asyncio.Event()
    session = ScriptedTranscriptionSession(["go", SpeechStarted(after=heard)])
    pipeline = VoicePipeline(
        workflow=workflow,
        stt_model=ScriptedSTTModel(sessions=[session]),
        tts_model=ToneTTS(),
    )
    events: list[Any] = []
    async for event in (await pipeline.run(StreamedAudioInput())).stream():
        events.append(event)
        if isinstance(event, VoiceStreamEventAudio):
            heard.set()
    assert workflow.closed and not workflow.go.is_set()
    assert lifecycle(events) == [
        "turn_started",
        "audio",
        "turn_ended (interrupted)",
        "session_ended",
    ]


async def test_leaving_the_stream_early_stops_the_run() -> None:
    workflow = PacedWorkflow()
    tts = ToneTTS({"The first sentence is ready.": asyncio.Event()})
    pipeline = VoicePipeline(workflow=workflow, stt_model=ScriptedSTTModel("x"), tts_model=tts)
    result = await pipeline.run(RECORDING)
    async with asyncio.timeout(30), contextlib.aclosing(result.stream()) as stream:
        async for event in stream:
            if isinstance(event, VoiceStreamEventAudio):
                break
    # Closing the stream stopped the producer and the held speech request.
    assert result.text_generation_task is not None and result.text_generation_task.done()
    assert tts.cancelled == ["The first sentence is ready."]
    assert workflow.closed


async def test_a_stream_dropped_without_closing_stops_the_run_too() -> None:
    workflow = PacedWorkflow()
    pipeline = VoicePipeline(
        workflow=workflow, stt_model=ScriptedSTTModel("x"), tts_model=ToneTTS()
    )
    result = await pipeline.run(RECORDING)
    async for event in result.stream():
        if isinstance(event, VoiceStreamEventAudio):
            break  # the generator is finalized by the event loop, soon after
    assert result.text_generation_task is not None
    await asyncio.wait_for(asyncio.wait([result.text_generation_task]), 30)
    assert result.text_generation_task.cancelled() and workflow.closed


async def test_a_failing_greeting_is_skipped() -> None:
    workflow = ScriptedVoiceWorkflow(["Answer."], start=RuntimeError("no greeting today"))
    pipeline = VoicePipeline(
        workflow=workflow,
        stt_model=ScriptedSTTModel(sessions=[["question"]]),
        tts_model=ScriptedTTSModel([[tone(1)]]),
    )
    events = await collect(await pipeline.run(StreamedAudioInput()))
    assert lifecycle(events) == ["turn_started", "audio", "turn_ended", "session_ended"]


async def test_an_answer_without_text_has_no_turn_events() -> None:
    pipeline = VoicePipeline(
        workflow=ScriptedVoiceWorkflow([[]]),
        stt_model=ScriptedSTTModel("x"),
        tts_model=ScriptedTTSModel(),
    )
    events = await collect(await pipeline.run(RECORDING))
    assert lifecycle(events) == ["session_ended"]


async def test_models_by_name_come_from_the_provider() -> None:
    class Provider(VoiceModelProvider):
        def __init__(self) -> None:
            self.asked: list[tuple[str, str | None]] = []

        def get_stt_model(self, model_name: str | None) -> STTModel:
            self.asked.append(("stt", model_name))
            return ScriptedSTTModel("hi")

        def get_tts_model(self, model_name: str | None) -> TTSModel:
            self.asked.append(("tts", model_name))
            return ScriptedTTSModel([[tone(1)]])

    provider = Provider()
    pipeline = VoicePipeline(
        workflow=ScriptedVoiceWorkflow("Hello."),
        stt_model="my-stt",
        config={"model_provider": provider},
    )
    events = await collect(await pipeline.run(RECORDING))
    assert lifecycle(events) == ["turn_started", "audio", "turn_ended", "session_ended"]
    assert provider.asked == [("tts", None), ("stt", "my-stt")]


async def test_misuse_is_a_user_error() -> None:
    pipeline = VoicePipeline(
        workflow=ScriptedVoiceWorkflow("Hi."),
        stt_model=ScriptedSTTModel("x"),
        tts_model=ScriptedTTSModel([[tone(1)]]),
    )
    with pytest.raises(UserError, match="AudioInput or a StreamedAudioInput"):
        await pipeline.run(b"audio")  # type: ignore[arg-type]
    with pytest.raises(UserError, match=r"Unknown voice\.tts settings: colour"):
        VoicePipelineConfig(tts_settings={"colour": "blue"})  # type: ignore[arg-type]
    with pytest.raises(UserError, match=r"voice\.pipeline must be"):
        VoicePipeline(workflow=ScriptedVoiceWorkflow(), config=42)  # type: ignore[arg-type]
    result = await pipeline.run(RECORDING)
    await collect(result)
    with pytest.raises(UserError, match="only once"):
        await collect(result)


async def test_error_events_carry_the_exception() -> None:
    error = KeyError("missing")
    pipeline = VoicePipeline(
        workflow=ScriptedVoiceWorkflow([error]),
        stt_model=ScriptedSTTModel("x"),
        tts_model=ScriptedTTSModel(),
    )
    events = await collect(await pipeline.run(RECORDING))
    assert isinstance(events[0], VoiceStreamEventError) and events[0].error is error
