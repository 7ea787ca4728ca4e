"""The model interfaces (speech to text, text to speech, streamed transcription sessions, a
provider naming them) and their settings."""

from __future__ import annotations

import abc
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any, Literal, TypeAlias

import numpy as np
import numpy.typing as npt
from typing_extensions import TypedDict

from ._input import AudioInput, StreamedAudioInput
from ._logging import logger
from ._splitter import get_sentence_based_splitter

__all__ = (
    "DEFAULT_TTS_BUFFER_SIZE",
    "DEFAULT_TTS_INSTRUCTIONS",
    "STTModel",
    "STTModelSettings",
    "StreamedTranscriptionSession",
    "TTSCustomVoice",
    "TTSModel",
    "TTSModelSettings",
    "TTSVoice",
    "VoiceModelProvider",
)

DEFAULT_TTS_INSTRUCTIONS = (
    "You will receive partial sentences. Do not complete the sentence, just read out the text."
)
"""Instructions for a speech model that is given an answer a piece at a time."""

DEFAULT_TTS_BUFFER_SIZE = 120
"""The default ``TTSModelSettings.buffer_size``."""


class TTSCustomVoice(TypedDict):
    """A custom voice of OpenAI's speech models, by id."""

    id: str
    """The voice's id."""


TTSVoice: TypeAlias = (
    Literal[
        "alloy",
        "ash",
        "ballad",
        "coral",
        "echo",
        "fable",
        "onyx",
        "nova",
        "sage",
        "shimmer",
        "verse",
        "marin",
        "cedar",
    ]
    | TTSCustomVoice
)
"""A built-in voice by name, or a custom voice by id."""


@dataclass
class TTSModelSettings:
    """How answers are spoken: the voice and its delivery, and the audio handed out."""

    voice: TTSVoice | None = None
    """The voice (``None``: the model's default, ``"ash"`` for OpenAI)."""

    buffer_size: int = DEFAULT_TTS_BUFFER_SIZE
    """The fewest samples an audio event carries, except the last of each sentence; audio goes
    out as soon as that much has arrived."""

    dtype: npt.DTypeLike = np.int16
    """The dtype of the audio events: ``np.int16``, or ``np.float32`` (in [-1, 1], shape
    ``(n, 1)``)."""

    transform_data: (
        Callable[[npt.NDArray[np.int16 | np.float32]], npt.NDArray[np.int16 | np.float32]] | None
    ) = None
    """Applied to the samples of every audio event before it goes out (to reshape them for a
    player, say)."""

    instructions: str = (
        "You will receive partial sentences. Do not complete the sentence just read out the text."
    )
    """How the speech model should speak (tone, pace, accent...)."""

    text_splitter: Callable[[str], tuple[str, str]] = field(
        default_factory=get_sentence_based_splitter
    )
    """Takes the answer received so far and returns ``(text to speak now, text to keep)``."""

    speed: float | None = None
    """Speaking speed, 0.25 to 4.0 (``None``: the model's default)."""


class TTSModel(abc.ABC):
    """A text-to-speech model."""

    @property
    @abc.abstractmethod
    def model_name(self) -> str:
        """The model's name."""

    @abc.abstractmethod
    def run(self, text: str, settings: TTSModelSettings) -> AsyncIterator[bytes]:
        """Speak ``text``: 24 kHz mono 16-bit little-endian PCM, in chunks as it is made."""


class StreamedTranscriptionSession(abc.ABC):
    """A transcription of streamed audio, turn by turn.

    Besides the turns, a session tells its listeners when the user starts speaking (the
    pipeline's barge-in) and when one turn could not be transcribed: implementations call
    ``emit_speech_started()`` and ``emit_turn_failed(error)``.
    """

    @abc.abstractmethod
    def transcribe_turns(self) -> AsyncIterator[str]:
        """The transcript of each turn, as each is done; ends after ``close()`` or once the
        input has ended and its last turn is transcribed."""

    @abc.abstractmethod
    async def close(self) -> None:
        """End the session and release its connection."""

    def on_speech_started(self, callback: Callable[[], object]) -> None:
        """Call ``callback`` whenever the user starts speaking."""
        self._voice_listeners()[0].append(callback)

    def on_turn_failed(self, callback: Callable[[Exception], object]) -> None:
        """Call ``callback`` with the error when one turn could not be transcribed. Without
        such a listener a failed turn ends the session with that error."""
        self._voice_listeners()[1].append(callback)

    def emit_speech_started(self) -> None:
        """Tell the listeners that the user started speaking."""
        for callback in self._voice_listeners()[0]:
            _call(callback)

    def emit_turn_failed(self, error: Exception) -> bool:
        """Tell the listeners that a turn failed; False when nobody listens (the session should
        then end with the error)."""
        listeners = self._voice_listeners()[1]
        for callback in listeners:
            _call(callback, error)
        return bool(listeners)

    def _voice_listeners(
        self,
    ) -> tuple[list[Callable[[], object]], list[Callable[[Exception], object]]]:
        # Created on first use: subclasses need not call an __init__ of this class.
        listeners: Any = self.__dict__.get("_voice_session_listeners")
        if listeners is None:
            listeners = ([], [])
            self.__dict__["_voice_session_listeners"] = listeners
        result: tuple[list[Callable[[], object]], list[Callable[[Exception], object]]] = listeners
        return result


def _call(callback: Callable[..., object], *args: Any) -> None:
    try:
        callback(*args)
    except Exception:
        logger().exception("a transcription session listener failed")


@dataclass
class STTModelSettings:
    """How speech is transcribed."""

    prompt: str | None = None
    """Text that guides the model (style, vocabulary, the previous words)."""

    language: str | None = None
    """The language of the audio (ISO-639-1, such as ``"en"``)."""

    temperature: float | None = None
    """Sampling temperature, 0 to 1 (transcriptions of whole recordings)."""

    turn_detection: dict[str, Any] | None = None
    """Voice activity detection for streamed input, as the realtime API takes it (``None``:
    ``{"type": "semantic_vad"}``)."""

    languages: list[str] | None = field(default=None, kw_only=True)
    """Possible languages of streamed audio; takes precedence over ``language``."""

    keywords: list[str] | None = field(default=None, kw_only=True)
    """Words or phrases that guide the transcription of streamed audio."""


class STTModel(abc.ABC):
    """A speech-to-text model."""

    @property
    @abc.abstractmethod
    def model_name(self) -> str:
        """The model's name."""

    @abc.abstractmethod
    async def transcribe(
        self,
        input: AudioInput,
        settings: STTModelSettings,
        trace_include_sensitive_data: bool,
        trace_include_sensitive_audio_data: bool,
    ) -> str:
        """The transcript of a whole recording."""

    @abc.abstractmethod
    async def create_session(
        self,
        input: StreamedAudioInput,
        settings: STTModelSettings,
        trace_include_sensitive_data: bool,
        trace_include_sensitive_audio_data: bool,
    ) -> StreamedTranscriptionSession:
        """A session transcribing ``input`` turn by turn as its audio arrives."""


class VoiceModelProvider(abc.ABC):
    """Turns model names into speech-to-text and text-to-speech models."""

    @abc.abstractmethod
    def get_stt_model(self, model_name: str | None) -> STTModel:
        """The speech-to-text model called ``model_name`` (``None``: the provider's default)."""

    @abc.abstractmethod
    def get_tts_model(self, model_name: str | None) -> TTSModel:
        """The text-to-speech model called ``model_name`` (``None``: the provider's default)."""
