"""Audio for the fake server: spoken answers (a tone as long as the words) and voice detection."""

from __future__ import annotations

import array
import math
import sys
from dataclasses import dataclass, field

from .._base._audio import audio_format_kind, pcm16_to_ulaw, resample_pcm16, ulaw_to_pcm16

__all__ = ("VoiceActivityDetector", "speech_for", "to_format", "to_pcm16")

_RATE = 24_000


def speech_for(text: str, *, ms_per_character: float = 40.0, max_ms: float = 4000.0) -> bytes:
    """PCM16 24 kHz audio standing in for ``text`` spoken: a soft tone, one beat per word."""
    duration_ms = min(max(len(text) * ms_per_character, 200.0), max_ms)
    count = int(_RATE * duration_ms / 1000)
    samples = array.array("h", bytes(2 * count))
    for index in range(count):
        envelope = 0.5 + 0.5 * math.sin(2 * math.pi * 3 * index / _RATE)
        samples[index] = int(6000 * envelope * math.sin(2 * math.pi * 220 * index / _RATE))
    if sys.byteorder == "big":  # pragma: no cover - the wire is little-endian
        samples.byteswap()
    return samples.tobytes()


def to_format(pcm16: bytes, audio_format: object) -> bytes:
    """PCM16 24 kHz audio in the session's output format (µ-law at 8 kHz for telephony)."""
    kind = audio_format_kind(audio_format) or "pcm16"
    if kind == "pcm16":
        return pcm16
    narrow = resample_pcm16(pcm16, _RATE, 8_000)
    if kind == "g711_ulaw":
        return pcm16_to_ulaw(narrow)
    raise ValueError("The fake realtime server speaks PCM16 and G.711 µ-law.")


def to_pcm16(audio: bytes, audio_format: object) -> tuple[bytes, int]:
    """Input audio as PCM16 and its sample rate."""
    kind = audio_format_kind(audio_format) or "pcm16"
    if kind == "g711_ulaw":
        return ulaw_to_pcm16(audio), 8_000
    if kind == "g711_alaw":
        raise ValueError("The fake realtime server does not decode A-law.")
    return audio, _RATE


@dataclass
class VoiceActivityDetector:
    """Energy-based voice activity detection over 20 ms frames (good enough for test speech).

    Speech starts after ``start_frames`` loud frames in a row and stops after
    ``silence_duration_ms`` of quiet; positions are in ms of audio since the session began.
    """

    silence_duration_ms: int = 500
    prefix_padding_ms: int = 300
    threshold: float = 0.02
    """Loudness (RMS as a fraction of full scale) above which a frame counts as speech."""
    start_frames: int = 3
    _position_ms: float = 0.0
    _pending: bytearray = field(default_factory=bytearray)
    _loud_run: int = 0
    _quiet_ms: float = 0.0
    speaking: bool = False
    speech_start_ms: int = 0

    def feed(self, pcm16: bytes, rate: int) -> list[tuple[str, int]]:
        """Add audio; the ``("started", ms)`` / ``("stopped", ms)`` transitions it caused."""
        frame_bytes = 2 * rate // 50
        self._pending.extend(pcm16)
        transitions: list[tuple[str, int]] = []
        while len(self._pending) >= frame_bytes:
            frame = bytes(self._pending[:frame_bytes])
            del self._pending[:frame_bytes]
            self._position_ms += 20.0
            transitions.extend(self._frame(frame))
        return transitions

    def _frame(self, frame: bytes) -> list[tuple[str, int]]:
        samples = array.array("h")
        samples.frombytes(frame)
        if sys.byteorder == "big":  # pragma: no cover
            samples.byteswap()
        rms = math.sqrt(sum(s * s for s in samples) / len(samples)) / 32768 if samples else 0.0
        loud = rms >= self.threshold
        if not self.speaking:
            self._loud_run = self._loud_run + 1 if loud else 0
            if self._loud_run >= self.start_frames:
                self.speaking = True
                self._quiet_ms = 0.0
                start = self._position_ms - 20.0 * self.start_frames
                self.speech_start_ms = int(max(0.0, start - self.prefix_padding_ms))
                return [("started", self.speech_start_ms)]
            return []
        self._quiet_ms = 0.0 if loud else self._quiet_ms + 20.0
        if self._quiet_ms >= self.silence_duration_ms:
            self.speaking = False
            self._loud_run = 0
            return [("stopped", int(self._position_ms))]
        return []

    @property
    def position_ms(self) -> int:
        """How much audio has been fed, in ms."""
        return int(self._position_ms)
