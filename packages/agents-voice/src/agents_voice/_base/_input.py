"""Audio going into the pipeline: a whole recording (``AudioInput``) or chunks pushed as they
arrive (``StreamedAudioInput``)."""

from __future__ import annotations

import asyncio
import io
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from agents_core.exceptions import UserError

from ._files import AudioSource, decode_audio
from ._pcm import pcm16_base64, wav_bytes

__all__ = ("DEFAULT_SAMPLE_RATE", "AudioInput", "StreamedAudioInput")

DEFAULT_SAMPLE_RATE = 24_000
"""The rate OpenAI's speech models work at (and streamed input must have): 24 kHz."""


@dataclass
class AudioInput:
    """A whole recording to transcribe: samples (int16, or float32 in [-1, 1]) with their rate,
    sample width and channel count. ``AudioInput.from_file`` reads one from any audio file."""

    buffer: npt.NDArray[np.int16 | np.float32]
    """The samples, channels interleaved."""

    frame_rate: int = DEFAULT_SAMPLE_RATE
    """Samples per second per channel."""

    sample_width: int = 2
    """Bytes per sample in the WAV file sent for transcription (1 to 4)."""

    channels: int = 1
    """How many channels the buffer interleaves."""

    @classmethod
    def from_file(
        cls, source: AudioSource, *, frame_rate: int | None = DEFAULT_SAMPLE_RATE
    ) -> AudioInput:
        """Read a recording from a path, the bytes of a file or a binary file object, in any
        format libsndfile reads (WAV, FLAC, OGG, MP3, AIFF...), mixed down to mono 16-bit and
        resampled to ``frame_rate`` (``None`` keeps the file's rate).

        Raises ``AudioFileError`` when the file cannot be read.
        """
        samples, rate = decode_audio(source, frame_rate=frame_rate, channels=1)
        # libsndfile reads 16-bit audio as sample / 32768: scaling back by 32768 is exact.
        buffer = np.clip(np.rint(samples[:, 0] * 32768.0), -32768, 32767).astype(np.int16)
        return cls(buffer=buffer, frame_rate=rate)

    @property
    def duration(self) -> float:
        """The length of the recording in seconds."""
        return self.buffer.size / self.channels / self.frame_rate

    def to_audio_file(self) -> tuple[str, io.BytesIO, str]:
        """The recording as a WAV file: ``(file name, content, content type)``."""
        content = wav_bytes(self.buffer, self.frame_rate, self.sample_width, self.channels)
        return ("audio.wav", io.BytesIO(content), "audio/wav")

    def to_base64(self) -> str:
        """The samples as base64 of 16-bit little-endian PCM."""
        return pcm16_base64(self.buffer)


class StreamedAudioInput:
    """Audio pushed as it arrives, for a multi-turn session: ``await add_audio(chunk)`` for each
    chunk (mono 24 kHz samples, int16 or float32), ``await add_audio(None)`` at the end.
    Turns are found by the transcription session's voice activity detection."""

    def __init__(self) -> None:
        self.queue: asyncio.Queue[npt.NDArray[np.int16 | np.float32] | None] = asyncio.Queue()
        self._ended = False

    async def add_audio(self, audio: npt.NDArray[Any] | None) -> None:
        """Add a chunk of audio, or end the input with ``None``."""
        if self._ended:
            raise UserError("This StreamedAudioInput has ended (add_audio(None) was called).")
        if audio is None:
            self._ended = True
        else:
            _check_chunk(audio)
        await self.queue.put(audio)


def _check_chunk(audio: Any) -> None:
    if not isinstance(audio, np.ndarray) or audio.dtype not in (np.int16, np.float32):
        kind = getattr(audio, "dtype", type(audio).__name__)
        raise UserError(f"Streamed audio must be numpy arrays of int16 or float32, got {kind}.")
    if audio.ndim > 2 or (audio.ndim == 2 and audio.shape[1] != 1):
        raise UserError(f"Streamed audio must be mono (shape (n,) or (n, 1)), got {audio.shape}.")
