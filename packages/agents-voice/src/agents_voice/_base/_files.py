"""Audio files through soundfile (libsndfile): read any format it knows (WAV, FLAC, OGG Vorbis
and Opus, MP3, AIFF...), write WAV, FLAC or OGG. Its errors become ``AudioFileError`` here."""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from typing import Any, BinaryIO

import numpy as np
import numpy.typing as npt

from ._errors import AudioFileError
from ._resample import resample

__all__ = ("AudioSource", "decode_audio", "write_audio")

AudioSource = str | os.PathLike[str] | bytes | BinaryIO
"""Where audio comes from: a file path, the bytes of a file, or an open binary file."""


def _soundfile() -> Any:
    # Loaded when a file is first read or written: it brings in cffi and libsndfile.
    import soundfile  # type: ignore[import-untyped]  # it ships no type information

    return soundfile


def _describe(source: object) -> str:
    if isinstance(source, str | os.PathLike):
        return repr(os.fspath(source))
    if isinstance(source, bytes | bytearray):
        return f"<{len(source)} bytes>"
    return repr(getattr(source, "name", "<file object>"))


def decode_audio(
    source: AudioSource, *, frame_rate: int | None, channels: int | None
) -> tuple[npt.NDArray[np.float64], int]:
    """The samples of an audio file as float64 in [-1, 1], shape ``(frames, channels)``, and
    their rate; resampled to ``frame_rate`` and mixed to ``channels`` (1, or the file's own when
    ``None``) when given."""
    soundfile = _soundfile()
    opened: Any = io.BytesIO(source) if isinstance(source, bytes | bytearray) else source
    try:
        samples, rate = soundfile.read(opened, dtype="float64", always_2d=True)
    except (soundfile.LibsndfileError, RuntimeError, TypeError, ValueError) as exc:
        raise AudioFileError(f"Cannot read audio from {_describe(source)}: {exc}") from exc
    if channels is not None and samples.shape[1] != channels:
        if channels != 1:
            raise AudioFileError(
                f"Cannot turn the {samples.shape[1]} channels of {_describe(source)} into "
                f"{channels}: only a mix down to mono is supported."
            )
        samples = samples.mean(axis=1, keepdims=True)
    if frame_rate is not None and frame_rate != rate:
        samples = resample(samples, int(rate), frame_rate)
        rate = frame_rate
    return samples, int(rate)


def _as_frames(audio: npt.NDArray[Any] | Iterable[npt.NDArray[Any]]) -> npt.NDArray[Any]:
    parts = [audio] if isinstance(audio, np.ndarray) else [np.asarray(part) for part in audio]
    if not parts:
        return np.zeros(0, dtype=np.int16)
    columns = {part.shape[1] if part.ndim == 2 else 1 for part in parts}
    if len(columns) > 1:
        raise AudioFileError(f"The audio pieces have different channel counts: {columns}.")
    if columns == {1}:
        return np.concatenate([part.reshape(-1) for part in parts])
    return np.concatenate(parts)


def write_audio(
    destination: str | os.PathLike[str] | BinaryIO,
    audio: npt.NDArray[Any] | Iterable[npt.NDArray[Any]],
    *,
    frame_rate: int = 24_000,
    format: str | None = None,
    subtype: str | None = None,
) -> None:
    """Write audio (an array, or the arrays of the audio events of a result, in order) to a
    file: WAV, FLAC or OGG (Vorbis), or any format libsndfile writes.

    The format comes from the file name's extension unless ``format`` (``"WAV"``, ``"FLAC"``,
    ``"OGG"``...) is given, which a file object needs. int16 audio is written as 16-bit PCM and
    float32 as float where the format allows; ``subtype`` (``"PCM_16"``, ``"VORBIS"``...)
    overrides that. Arrays of shape ``(n,)`` or ``(n, 1)`` are mono; ``(n, channels)`` is kept.
    """
    frames = _as_frames(audio)
    if frames.dtype not in (np.int16, np.float32, np.float64, np.int32):
        raise AudioFileError(f"Cannot write samples of dtype {frames.dtype}.")
    if format is None and not isinstance(destination, str | os.PathLike):
        raise AudioFileError("Writing to a file object needs format= ('WAV', 'FLAC', 'OGG'...).")
    soundfile = _soundfile()
    try:
        soundfile.write(destination, frames, frame_rate, format=format, subtype=subtype)
    except (soundfile.LibsndfileError, RuntimeError, TypeError, ValueError) as exc:
        raise AudioFileError(f"Cannot write audio to {_describe(destination)}: {exc}") from exc
