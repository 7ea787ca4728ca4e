"""Scripted speech models, transcription sessions and workflows that record their calls."""

from __future__ import annotations

import asyncio
import copy
from collections.abc import AsyncIterator, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeAlias

import numpy as np

from agents_core.exceptions import ModelScriptError

from .._base._errors import TranscriptionFailedError
from .._base._input import AudioInput, StreamedAudioInput
from .._base._models import (
    StreamedTranscriptionSession,
    STTModel,
    STTModelSettings,
    TTSModel,
    TTSModelSettings,
)
from .._pipeline._workflow import VoiceWorkflowBase

__all__ = (
    "STTCall",
    "STTSessionCall",
    "ScriptedSTTModel",
    "ScriptedTTSModel",
    "ScriptedTranscriptionSession",
    "ScriptedVoiceWorkflow",
    "SpeechStarted",
    "TTSCall",
    "TTSResult",
    "TranscriptionResult",
    "UnconsumedVoiceSteps",
    "UnexpectedVoiceCall",
    "VoiceScriptError",
    "pcm16_samples",
)


class VoiceScriptError(ModelScriptError):
    """A scripted voice double was used outside its script."""


class UnexpectedVoiceCall(VoiceScriptError):
    """A scripted voice double was called after its last scripted step (``operation`` says
    which call)."""

    def __init__(self, message: str, *, operation: str) -> None:
        super().__init__(message)
        self.operation = operation


class UnconsumedVoiceSteps(VoiceScriptError):
    """``assert_complete()`` found scripted steps that were never used."""

    def __init__(self, message: str, *, remaining_steps: int) -> None:
        super().__init__(message)
        self.remaining_steps = remaining_steps


@dataclass(frozen=True)
class STTCall:
    """A call of ``ScriptedSTTModel.transcribe`` (with a copy of the audio and settings)."""

    input: AudioInput
    settings: STTModelSettings
    trace_include_sensitive_data: bool
    trace_include_sensitive_audio_data: bool


@dataclass(frozen=True)
class STTSessionCall:
    """A call of ``ScriptedSTTModel.create_session``."""

    input: StreamedAudioInput
    settings: STTModelSettings
    trace_include_sensitive_data: bool
    trace_include_sensitive_audio_data: bool


@dataclass(frozen=True)
class TTSCall:
    """A call of ``ScriptedTTSModel.run``."""

    text: str
    settings: TTSModelSettings


@dataclass(frozen=True)
class TTSResult:
    """The PCM chunks one speech call yields."""

    chunks: Sequence[bytes] = field(default_factory=tuple)


@dataclass(frozen=True)
class SpeechStarted:
    """In a ``ScriptedTranscriptionSession``'s turns: the user starts speaking here (the
    session tells its listeners, as voice activity detection would), once ``after`` is set."""

    after: asyncio.Event | None = None


TranscriptionResult: TypeAlias = str | Exception
"""A scripted transcription: its text, or the error it raises."""
_SessionStep: TypeAlias = str | Exception | SpeechStarted
TTSResultItem: TypeAlias = TTSResult | Sequence[bytes] | Exception
WorkflowResult: TypeAlias = str | Sequence[str] | Exception


def _copied_settings(settings: Any) -> Any:
    return copy.deepcopy(settings)


class ScriptedTranscriptionSession(StreamedTranscriptionSession):
    """A transcription session that yields scripted turns.

    A string is a turn's transcript; a ``TranscriptionFailedError`` is a turn that could not be
    transcribed (reported to listeners, or raised without one); any other exception ends the
    session with it; ``SpeechStarted`` tells listeners the user began speaking.
    """

    def __init__(
        self,
        turns: str | Iterable[_SessionStep] = (),
        *,
        close_error: Exception | None = None,
    ) -> None:
        self._turns: list[_SessionStep] = [turns] if isinstance(turns, str) else list(turns)
        self._close_error = close_error
        self.closed = False
        self.close_calls = 0

    async def transcribe_turns(self) -> AsyncIterator[str]:
        """The scripted turns, in order."""
        while self._turns and not self.closed:
            step = self._turns.pop(0)
            if isinstance(step, SpeechStarted):
                if step.after is not None:
                    await step.after.wait()
                self.emit_speech_started()
            elif isinstance(step, TranscriptionFailedError):
                if not self.emit_turn_failed(step):
                    raise step
            elif isinstance(step, Exception):
                raise step
            else:
                yield step

    async def close(self) -> None:
        """End the session (``close_error`` is raised by the first close)."""
        self.close_calls += 1
        if self.closed:
            return
        self.closed = True
        if self._close_error is not None:
            raise self._close_error

    def assert_complete(self) -> None:
        """Raise ``UnconsumedVoiceSteps`` if scripted turns were left."""
        if self._turns:
            raise UnconsumedVoiceSteps(
                f"{len(self._turns)} scripted transcription turns were not consumed.",
                remaining_steps=len(self._turns),
            )


class ScriptedSTTModel(STTModel):
    """A speech-to-text model answering from a script: ``transcriptions`` for whole
    recordings and ``sessions`` (each a ``ScriptedTranscriptionSession``, its turns, or an
    error) for streamed input. Records every call in ``calls`` / ``session_calls``."""

    def __init__(
        self,
        transcriptions: str | Iterable[TranscriptionResult] = (),
        *,
        sessions: str
        | Iterable[ScriptedTranscriptionSession | Iterable[_SessionStep] | Exception] = (),
        model_name: str = "scripted-stt",
    ) -> None:
        self._transcriptions: list[TranscriptionResult] = (
            [transcriptions] if isinstance(transcriptions, str) else list(transcriptions)
        )
        steps = [sessions] if isinstance(sessions, str) else list(sessions)
        self._sessions: list[ScriptedTranscriptionSession | tuple[_SessionStep, ...] | Exception]
        self._sessions = [
            step
            if isinstance(step, ScriptedTranscriptionSession | Exception)
            else (step,)
            if isinstance(step, str)
            else tuple(step)
            for step in steps
        ]
        self._model_name = model_name
        self._calls: list[STTCall] = []
        self._session_calls: list[STTSessionCall] = []
        self._created: list[ScriptedTranscriptionSession] = []

    @property
    def model_name(self) -> str:
        """The model's name."""
        return self._model_name

    @property
    def calls(self) -> tuple[STTCall, ...]:
        """The ``transcribe`` calls so far."""
        return tuple(self._calls)

    @property
    def session_calls(self) -> tuple[STTSessionCall, ...]:
        """The ``create_session`` calls so far."""
        return tuple(self._session_calls)

    @property
    def created_sessions(self) -> tuple[ScriptedTranscriptionSession, ...]:
        """The sessions handed out, themselves (not copies)."""
        return tuple(self._created)

    async def transcribe(
        self,
        input: AudioInput,
        settings: STTModelSettings,
        trace_include_sensitive_data: bool,
        trace_include_sensitive_audio_data: bool,
    ) -> str:
        """The next scripted transcription."""
        recorded = AudioInput(
            buffer=input.buffer.copy(),
            frame_rate=input.frame_rate,
            sample_width=input.sample_width,
            channels=input.channels,
        )
        self._calls.append(
            STTCall(
                recorded,
                _copied_settings(settings),
                trace_include_sensitive_data,
                trace_include_sensitive_audio_data,
            )
        )
        if not self._transcriptions:
            raise UnexpectedVoiceCall(
                "ScriptedSTTModel.transcribe() was called with no scripted transcription left.",
                operation="static_transcription",
            )
        result = self._transcriptions.pop(0)
        if isinstance(result, Exception):
            raise result
        return result

    async def create_session(
        self,
        input: StreamedAudioInput,
        settings: STTModelSettings,
        trace_include_sensitive_data: bool,
        trace_include_sensitive_audio_data: bool,
    ) -> StreamedTranscriptionSession:
        """The next scripted session."""
        self._session_calls.append(
            STTSessionCall(
                input,
                _copied_settings(settings),
                trace_include_sensitive_data,
                trace_include_sensitive_audio_data,
            )
        )
        if not self._sessions:
            raise UnexpectedVoiceCall(
                "ScriptedSTTModel.create_session() was called with no scripted session left.",
                operation="streamed_session",
            )
        step = self._sessions.pop(0)
        if isinstance(step, Exception):
            raise step
        session = step if isinstance(step, ScriptedTranscriptionSession) else None
        session = session or ScriptedTranscriptionSession(step)  # type: ignore[arg-type]
        self._created.append(session)
        return session

    def assert_complete(self) -> None:
        """Raise ``UnconsumedVoiceSteps`` if scripted transcriptions, sessions or the turns of
        a handed-out session were left."""
        left = len(self._transcriptions) + len(self._sessions)
        if left:
            raise UnconsumedVoiceSteps(
                f"{left} scripted STT steps were not consumed.", remaining_steps=left
            )
        for session in self._created:
            session.assert_complete()


class ScriptedTTSModel(TTSModel):
    """A text-to-speech model answering each call with the next scripted PCM chunks (or
    raising the next scripted error). Records every call in ``calls``."""

    def __init__(self, results: Iterable[TTSResultItem] = (), *, model_name: str = "scripted-tts"):
        self._results: list[TTSResult | Exception] = [
            result if isinstance(result, TTSResult | Exception) else TTSResult(chunks=tuple(result))
            for result in results
        ]
        self._model_name = model_name
        self._calls: list[TTSCall] = []

    @property
    def model_name(self) -> str:
        """The model's name."""
        return self._model_name

    @property
    def calls(self) -> tuple[TTSCall, ...]:
        """The calls so far, in the order they were made."""
        return tuple(self._calls)

    async def run(self, text: str, settings: TTSModelSettings) -> AsyncIterator[bytes]:
        """The next scripted chunks."""
        self._calls.append(TTSCall(text, _copied_settings(settings)))
        if not self._results:
            raise UnexpectedVoiceCall(
                f"ScriptedTTSModel.run() was called for {text!r} with no scripted result left.",
                operation="tts",
            )
        result = self._results.pop(0)
        if isinstance(result, Exception):
            raise result
        for chunk in result.chunks:
            yield chunk

    def assert_complete(self) -> None:
        """Raise ``UnconsumedVoiceSteps`` if scripted results were left."""
        if self._results:
            raise UnconsumedVoiceSteps(
                f"{len(self._results)} scripted TTS results were not consumed.",
                remaining_steps=len(self._results),
            )


_NO_START: Any = object()


class ScriptedVoiceWorkflow(VoiceWorkflowBase):
    """A workflow answering each turn with the next scripted text pieces (a string is one
    piece; an exception is raised), with an optional scripted greeting ``start``. Records the
    transcripts it was given in ``transcriptions``."""

    def __init__(
        self,
        turns: str | Iterable[WorkflowResult] = (),
        *,
        start: str | Sequence[str] | Exception = _NO_START,
    ) -> None:
        steps = [turns] if isinstance(turns, str) else list(turns)
        self._turns: list[tuple[str, ...] | Exception] = [
            step if isinstance(step, Exception) else _pieces(step) for step in steps
        ]
        self._has_start = start is not _NO_START
        self._start: tuple[str, ...] | Exception = (
            () if not self._has_start else start if isinstance(start, Exception) else _pieces(start)
        )
        self._start_pending = self._has_start
        self._transcriptions: list[str] = []

    @property
    def transcriptions(self) -> tuple[str, ...]:
        """The transcripts of the turns so far."""
        return tuple(self._transcriptions)

    async def on_start(self) -> AsyncIterator[str]:
        """The scripted greeting (nothing without one)."""
        if self._has_start and not self._start_pending:
            raise UnexpectedVoiceCall(
                "ScriptedVoiceWorkflow.on_start() was called twice.", operation="workflow_start"
            )
        self._start_pending = False
        if isinstance(self._start, Exception):
            raise self._start
        for piece in self._start:
            yield piece

    async def run(self, transcription: str) -> AsyncIterator[str]:
        """The next scripted answer."""
        self._transcriptions.append(transcription)
        if not self._turns:
            raise UnexpectedVoiceCall(
                f"ScriptedVoiceWorkflow.run({transcription!r}) was called with no scripted turn "
                "left.",
                operation="workflow_turn",
            )
        step = self._turns.pop(0)
        if isinstance(step, Exception):
            raise step
        for piece in step:
            yield piece

    def assert_complete(self) -> None:
        """Raise ``UnconsumedVoiceSteps`` if the greeting or scripted turns were left."""
        left = int(self._start_pending) + len(self._turns)
        if left:
            raise UnconsumedVoiceSteps(
                f"{left} scripted workflow steps were not consumed.", remaining_steps=left
            )


def _pieces(value: str | Sequence[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def pcm16_samples(samples: Iterable[int]) -> bytes:
    """Integer samples as little-endian 16-bit PCM bytes."""
    return np.asarray(list(samples), dtype="<i2").tobytes()
