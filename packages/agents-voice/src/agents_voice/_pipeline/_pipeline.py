"""``VoicePipeline``: transcribe, run the workflow, speak the answer, streamed end to end."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Iterator
from typing import Any

from agents_core.exceptions import UserError
from agents_core.tracing import get_current_trace, trace

from .._base._input import AudioInput, StreamedAudioInput
from .._base._logging import logger
from .._base._models import StreamedTranscriptionSession, STTModel, TTSModel
from ._config import VoicePipelineConfig, coerce_config
from ._output import SpeechOutput, Turn
from ._result import StreamedAudioResult
from ._workflow import VoiceWorkflowBase, aclose

__all__ = ("VoicePipeline",)


class _InputEnded:
    """The transcription session has no more turns."""


class _Failed:
    __slots__ = ("error",)

    def __init__(self, error: Exception) -> None:
        self.error = error


_Heard = str | _InputEnded | _Failed


class VoicePipeline:
    """A voice assistant in three steps: speech to text, a workflow that writes an answer, text
    to speech, streamed end to end.

    ``await pipeline.run(AudioInput(...))`` answers one recording; ``run(StreamedAudioInput())``
    answers turn after turn as the audio arrives. Either returns a ``StreamedAudioResult`` at
    once; the answer's first sentence is spoken while the workflow is still writing the rest.
    Models are given as objects or by name (resolved by ``config.model_provider``, OpenAI by
    default).
    """

    def __init__(
        self,
        *,
        workflow: VoiceWorkflowBase,
        stt_model: STTModel | str | None = None,
        tts_model: TTSModel | str | None = None,
        config: VoicePipelineConfig | dict[str, Any] | None = None,
    ) -> None:
        self.workflow = workflow
        self.stt_model = stt_model if isinstance(stt_model, STTModel) else None
        self.tts_model = tts_model if isinstance(tts_model, TTSModel) else None
        self._stt_model_name = stt_model if isinstance(stt_model, str) else None
        self._tts_model_name = tts_model if isinstance(tts_model, str) else None
        self.config = (
            VoicePipelineConfig()
            if config is None
            else coerce_config(config, VoicePipelineConfig, "voice.pipeline")
        )

    async def run(self, audio_input: AudioInput | StreamedAudioInput) -> StreamedAudioResult:
        """Start answering ``audio_input``; read the answer from the result's ``stream()``."""
        if isinstance(audio_input, AudioInput):
            producer = self._single_turn(audio_input)
        elif isinstance(audio_input, StreamedAudioInput):
            producer = self._multi_turn(audio_input)
        else:
            raise UserError(
                f"VoicePipeline.run() takes an AudioInput or a StreamedAudioInput, got "
                f"{type(audio_input).__name__}."
            )
        result = StreamedAudioResult(self._get_tts_model(), self.config.tts_settings, self.config)
        result.text_generation_task = asyncio.create_task(
            self._produce(producer, result._output), name="voice-pipeline"
        )
        return result

    def _get_tts_model(self) -> TTSModel:
        if self.tts_model is None:
            self.tts_model = self.config.model_provider.get_tts_model(self._tts_model_name)
        return self.tts_model

    def _get_stt_model(self) -> STTModel:
        if self.stt_model is None:
            self.stt_model = self.config.model_provider.get_stt_model(self._stt_model_name)
        return self.stt_model

    # ---------------------------------------------------------------------------- running

    @contextlib.contextmanager
    def _traced(self) -> Iterator[None]:
        config = self.config
        if get_current_trace() is not None and not config.tracing_disabled:
            yield  # the caller's trace holds the pipeline's spans
            return
        with trace(
            config.workflow_name or "Voice Agent",
            group_id=config.group_id,
            metadata=config.trace_metadata,
            tracing=config.tracing,
            disabled=config.tracing_disabled,
        ):
            yield

    async def _produce(self, producer: Any, output: SpeechOutput) -> None:
        with self._traced():
            try:
                await producer(output)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                logger().warning("voice pipeline failed", error=type(exc).__name__)
                output.fail(exc)
            else:
                output.finish()

    def _single_turn(self, audio_input: AudioInput) -> Any:
        async def produce(output: SpeechOutput) -> None:
            config = self.config
            transcript = await self._get_stt_model().transcribe(
                audio_input,
                config.stt_settings,
                config.trace_include_sensitive_data,
                config.trace_include_sensitive_audio_data,
            )
            await self._answer(output, output.begin_turn(), self.workflow.run(transcript))

        return produce

    def _multi_turn(self, audio_input: StreamedAudioInput) -> Any:
        async def produce(output: SpeechOutput) -> None:
            await self._greet(output)
            config = self.config
            session = await self._get_stt_model().create_session(
                audio_input,
                config.stt_settings,
                config.trace_include_sensitive_data,
                config.trace_include_sensitive_audio_data,
            )
            try:
                await self._converse(session, output)
            finally:
                await session.close()

        return produce

    async def _greet(self, output: SpeechOutput) -> None:
        turn = output.begin_turn()
        try:
            await self._answer(output, turn, self.workflow.on_start())
        except Exception as exc:
            # A greeting that fails is not worth ending the conversation for.
            logger().warning("voice workflow on_start failed", error=type(exc).__name__)
            output.end_turn(turn)

    async def _answer(self, output: SpeechOutput, turn: Turn, text: AsyncIterator[str]) -> None:
        try:
            async for piece in text:
                output.add_text(turn, piece)
        finally:
            await aclose(text)  # an interrupted turn leaves the workflow's generator part-way
        output.end_turn(turn)

    async def _converse(self, session: StreamedTranscriptionSession, output: SpeechOutput) -> None:
        heard: asyncio.Queue[_Heard] = asyncio.Queue()
        if self.config.barge_in:
            session.on_speech_started(output.interrupt)
        session.on_turn_failed(output.report)
        listener = asyncio.create_task(_listen(session, heard), name="voice-transcripts")
        current: asyncio.Task[None] | None = None
        try:
            while True:
                item = await heard.get()
                if current is not None:
                    await _finished(current)  # one answer at a time, in order
                    current = None
                if isinstance(item, _InputEnded):
                    return
                if isinstance(item, _Failed):
                    raise item.error
                current = self._start_turn(item, output, heard)
        finally:
            if current is not None:
                current.cancel()
                await asyncio.wait([current])
            listener.cancel()
            await asyncio.wait([listener])

    def _start_turn(
        self, transcript: str, output: SpeechOutput, heard: asyncio.Queue[_Heard]
    ) -> asyncio.Task[None]:
        turn = output.begin_turn()
        task = asyncio.create_task(
            self._answer(output, turn, self.workflow.run(transcript)), name="voice-turn"
        )
        turn.task = task

        def report_failure(done: asyncio.Task[None]) -> None:
            if not done.cancelled() and done.exception() is not None:
                error = done.exception()
                assert isinstance(error, Exception)
                heard.put_nowait(_Failed(error))

        task.add_done_callback(report_failure)
        return task


async def _listen(session: StreamedTranscriptionSession, heard: asyncio.Queue[_Heard]) -> None:
    try:
        async for transcript in session.transcribe_turns():
            heard.put_nowait(transcript)
    except Exception as exc:
        heard.put_nowait(_Failed(exc))
    else:
        heard.put_nowait(_InputEnded())


async def _finished(task: asyncio.Task[None]) -> None:
    """Wait for a turn's text to be done; raise its failure (an interrupted turn is done)."""
    await asyncio.wait([task])
    if not task.cancelled() and task.exception() is not None:
        error = task.exception()
        assert isinstance(error, Exception)
        raise error
