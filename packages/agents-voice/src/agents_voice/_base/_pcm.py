"""PCM conversions: numpy buffers to 16-bit PCM, base64 and WAV files, and PCM back to the
output dtypes of the pipeline (int16, or float32 in [-1, 1])."""

from __future__ import annotations

import base64
import io
import wave
from typing import Any, cast

import numpy as np
import numpy.typing as npt

from agents_core.exceptions import UserError

__all__ = (
    "PCM16_SCALE",
    "as_int16",
    "pcm16_base64",
    "pcm16_to_output",
    "resolve_output_dtype",
    "wav_bytes",
)

PCM16_SCALE = 32767.0
"""Full scale of a 16-bit sample: float audio in [-1, 1] maps to [-32767, 32767]."""

_INT16 = np.dtype(np.int16)
_FLOAT32 = np.dtype(np.float32)


def as_int16(buffer: npt.NDArray[Any]) -> npt.NDArray[np.int16]:
    """16-bit samples from an int16 buffer (as is) or a float32 one (clipped to [-1, 1])."""
    if buffer.dtype == _INT16:
        return cast("npt.NDArray[np.int16]", buffer)
    if buffer.dtype == _FLOAT32:
        converted: npt.NDArray[np.int16] = (np.clip(buffer, -1.0, 1.0) * PCM16_SCALE).astype(
            np.int16
        )
        return converted
    raise UserError(f"Audio must be a numpy array of int16 or float32, got {buffer.dtype}.")


def pcm16_base64(buffer: npt.NDArray[Any]) -> str:
    """The buffer as base64 of little-endian 16-bit PCM (the realtime API's audio encoding)."""
    return base64.b64encode(as_int16(buffer).astype("<i2", copy=False).tobytes()).decode("ascii")


def resolve_output_dtype(dtype: npt.DTypeLike) -> np.dtype[Any]:
    """``np.int16`` or ``np.float32`` from any spelling of them; anything else is a misuse."""
    try:
        resolved = np.dtype(dtype)
    except (TypeError, ValueError) as exc:
        raise UserError(f"Invalid output dtype {dtype!r}: use np.int16 or np.float32.") from exc
    if resolved not in (_INT16, _FLOAT32):
        raise UserError(f"Invalid output dtype {resolved}: use np.int16 or np.float32.")
    return resolved


def pcm16_to_output(
    pcm: bytes | bytearray, dtype: np.dtype[Any]
) -> npt.NDArray[np.int16 | np.float32]:
    """Little-endian 16-bit PCM (an even number of bytes) as int16 of shape ``(n,)``, or as
    float32 in [-1, 1] of shape ``(n, 1)``."""
    samples = np.frombuffer(pcm, dtype="<i2").astype(np.int16, copy=True)
    if dtype == _INT16:
        return samples
    return (samples.astype(np.float32) / np.float32(PCM16_SCALE)).reshape(-1, 1)


def wav_bytes(buffer: npt.NDArray[Any], frame_rate: int, sample_width: int, channels: int) -> bytes:
    """A WAV file of the buffer (int16 or float32 samples, channels interleaved) written with
    ``sample_width`` bytes per sample."""
    if sample_width not in (1, 2, 3, 4):
        raise UserError(f"Sample width must be 1 to 4 bytes, got {sample_width}.")
    if frame_rate <= 0:
        raise UserError(f"Frame rate must be greater than zero, got {frame_rate}.")
    if channels <= 0:
        raise UserError(f"Channels must be greater than zero, got {channels}.")
    if buffer.dtype not in (_INT16, _FLOAT32):
        raise UserError(f"Audio must be a numpy array of int16 or float32, got {buffer.dtype}.")
    if buffer.size % channels:
        raise UserError(f"The buffer's {buffer.size} samples are not whole frames of {channels}.")
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(channels)
        writer.setsampwidth(sample_width)
        writer.setframerate(frame_rate)
        writer.writeframes(_encoded(buffer.reshape(-1), sample_width))
    return out.getvalue()


def _encoded(samples: npt.NDArray[Any], width: int) -> bytes:
    if samples.dtype == _FLOAT32:
        clipped = np.clip(samples, -1.0, 1.0)
        if width == 1:  # 8-bit WAV is unsigned
            encoded = np.rint((clipped.astype(np.float64) + 1.0) * 127.5).astype(np.uint8)
        elif width == 2:
            encoded = (clipped * PCM16_SCALE).astype("<i2")
        else:
            full_scale = float((1 << (8 * width - 1)) - 1)
            encoded = (clipped.astype(np.float64) * full_scale).astype("<i4")
    elif width == 1:
        encoded = ((samples.astype(np.int32) >> 8) + 128).astype(np.uint8)
    elif width == 2:
        encoded = samples.astype("<i2")
    else:
        encoded = samples.astype("<i4") << (8 * (width - 2))
    if width == 3:
        # 24-bit: the low three bytes of each little-endian 32-bit sample.
        encoded = np.ascontiguousarray(encoded).view(np.uint8).reshape(-1, 4)[:, :3]
    return bytes(encoded.tobytes())
