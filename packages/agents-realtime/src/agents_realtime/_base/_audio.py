"""Audio formats of the Realtime API, their durations, and the G.711 µ-law codec.

The Realtime API carries three formats: PCM16 at 24 kHz mono (``audio/pcm``, the default) and
G.711 µ-law or A-law at 8 kHz (``audio/pcmu``, ``audio/pcma``, as telephony uses). Formats arrive
as the old names (``"pcm16"``, ``"g711_ulaw"``, ``"g711_alaw"``), the GA names, or the GA objects.
"""

from __future__ import annotations

import array
import functools
import sys
from collections.abc import Mapping
from typing import Any, Literal, TypeAlias

__all__ = (
    "AudioKind",
    "audio_duration_ms",
    "audio_format_kind",
    "pcm16_to_ulaw",
    "resample_pcm16",
    "to_realtime_audio_format",
    "ulaw_to_pcm16",
)

AudioKind: TypeAlias = Literal["pcm16", "g711_ulaw", "g711_alaw"]
"""The three formats the Realtime API speaks, by their short names."""

PCM16_RATE = 24_000
G711_RATE = 8_000

_KIND_BY_NAME: dict[str, AudioKind] = {
    "pcm16": "pcm16",
    "pcm": "pcm16",
    "audio/pcm": "pcm16",
    "g711_ulaw": "g711_ulaw",
    "pcmu": "g711_ulaw",
    "audio/pcmu": "g711_ulaw",
    "g711_alaw": "g711_alaw",
    "pcma": "g711_alaw",
    "audio/pcma": "g711_alaw",
}

_WIRE_FORMAT: dict[AudioKind, dict[str, Any]] = {
    "pcm16": {"type": "audio/pcm", "rate": PCM16_RATE},
    "g711_ulaw": {"type": "audio/pcmu"},
    "g711_alaw": {"type": "audio/pcma"},
}


def audio_format_kind(audio_format: Any) -> AudioKind | None:
    """The short name of a format given in any accepted form, or None if it is not one."""
    if isinstance(audio_format, str):
        return _KIND_BY_NAME.get(audio_format.lower())
    if isinstance(audio_format, Mapping):
        kind = audio_format.get("type")
        return _KIND_BY_NAME.get(kind.lower()) if isinstance(kind, str) else None
    kind = getattr(audio_format, "type", None)
    return _KIND_BY_NAME.get(kind.lower()) if isinstance(kind, str) else None


def to_realtime_audio_format(input_audio_format: Any) -> dict[str, Any] | None:
    """A format in the GA wire form (``{"type": "audio/pcm", "rate": 24000}``...), or None."""
    kind = audio_format_kind(input_audio_format)
    return dict(_WIRE_FORMAT[kind]) if kind is not None else None


def audio_duration_ms(audio_format: Any, byte_count: int) -> float:
    """How long ``byte_count`` bytes of audio in ``audio_format`` play, in milliseconds.

    An unknown format counts as PCM16 at 24 kHz, the API's default.
    """
    kind = audio_format_kind(audio_format)
    if kind == "g711_ulaw" or kind == "g711_alaw":
        return byte_count / (G711_RATE / 1000)
    return byte_count / (PCM16_RATE * 2 / 1000)


def _ulaw_decode_sample(code: int) -> int:
    code = ~code & 0xFF
    magnitude = ((((code & 0x0F) << 3) + 0x84) << ((code >> 4) & 0x07)) - 0x84
    return -magnitude if code & 0x80 else magnitude


def _ulaw_encode_sample(sample: int) -> int:
    sign = 0x80 if sample < 0 else 0
    magnitude = min(-sample if sign else sample, 32635) + 0x84
    exponent = max((magnitude >> 7).bit_length() - 1, 0)
    mantissa = (magnitude >> (exponent + 3)) & 0x0F
    return ~(sign | (exponent << 4) | mantissa) & 0xFF


@functools.cache
def _ulaw_decode_table() -> list[int]:
    return [_ulaw_decode_sample(code) for code in range(256)]


@functools.cache
def _ulaw_encode_table() -> bytes:
    # Indexed by the sample as an unsigned 16-bit number.
    return bytes(
        _ulaw_encode_sample(value - 65536 if value > 32767 else value) for value in range(65536)
    )


def _samples(pcm16: bytes) -> array.array[int]:
    samples = array.array("h")
    samples.frombytes(pcm16[: len(pcm16) - len(pcm16) % 2])
    if sys.byteorder == "big":  # pragma: no cover - the wire is little-endian
        samples.byteswap()
    return samples


def _to_bytes(samples: array.array[int]) -> bytes:
    if sys.byteorder == "big":  # pragma: no cover - the wire is little-endian
        samples.byteswap()
    return samples.tobytes()


def ulaw_to_pcm16(ulaw: bytes) -> bytes:
    """Decode G.711 µ-law bytes into little-endian PCM16 samples (same rate)."""
    table = _ulaw_decode_table()
    return _to_bytes(array.array("h", [table[code] for code in ulaw]))


def pcm16_to_ulaw(pcm16: bytes) -> bytes:
    """Encode little-endian PCM16 samples as G.711 µ-law bytes (same rate)."""
    table = _ulaw_encode_table()
    return bytes(table[sample & 0xFFFF] for sample in _samples(pcm16))


def resample_pcm16(pcm16: bytes, from_rate: int, to_rate: int) -> bytes:
    """Resample mono PCM16 by linear interpolation (good enough for speech)."""
    if from_rate == to_rate or not pcm16:
        return pcm16
    samples = _samples(pcm16)
    count = len(samples)
    out_count = max(1, round(count * to_rate / from_rate))
    step = from_rate / to_rate
    out = array.array("h", bytes(2 * out_count))
    last = count - 1
    for index in range(out_count):
        position = index * step
        left = int(position)
        if left >= last:
            out[index] = samples[last]
            continue
        fraction = position - left
        out[index] = int(samples[left] + (samples[left + 1] - samples[left]) * fraction)
    return _to_bytes(out)
