"""Voice activity detection for the fake transcription service: loudness against a threshold in
10 ms frames, with the realtime API's ``server_vad`` timing (``prefix_padding_ms``,
``silence_duration_ms``). Real speech (espeak-ng's, a microphone's) separated by a pause longer
than the silence duration comes out as separate turns."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

__all__ = ("SpeechBoundary", "VoiceActivityDetector", "contains_speech")

SAMPLE_RATE = 24_000
FRAME = SAMPLE_RATE // 100  # 10 ms


@dataclass(frozen=True)
class SpeechBoundary:
    """Where speech started (``started``) or stopped (not ``started``), in ms of audio since
    the session began."""

    started: bool
    at_ms: int


class VoiceActivityDetector:
    """Finds where speech starts and stops in 24 kHz 16-bit audio fed to it in any chunks.

    A 10 ms frame is speech when its RMS level exceeds ``threshold`` (of full scale). Speech
    starts after ``min_speech_ms`` of speech frames (reported ``prefix_padding_ms`` earlier) and
    stops after ``silence_duration_ms`` of silence (reported where the silence began).
    """

    def __init__(
        self,
        *,
        threshold: float = 0.02,
        prefix_padding_ms: int = 300,
        silence_duration_ms: int = 500,
        min_speech_ms: int = 30,
    ) -> None:
        self.threshold = threshold
        self.prefix_padding_ms = prefix_padding_ms
        self.silence_duration_ms = silence_duration_ms
        self.min_speech_ms = min_speech_ms
        self.speaking = False
        self._carry = np.zeros(0, dtype=np.int16)
        self._frames = 0
        self._run = 0  # consecutive frames of the opposite state

    @property
    def position_ms(self) -> int:
        """How much audio has been analysed, in ms."""
        return self._frames * 10

    def feed(self, samples: npt.NDArray[np.int16]) -> list[SpeechBoundary]:
        """Analyse more audio; the speech boundaries found in it, in order."""
        audio = np.concatenate([self._carry, samples]) if self._carry.size else samples
        whole = audio.size - audio.size % FRAME
        self._carry = audio[whole:].copy()
        if not whole:
            return []
        frames = audio[:whole].astype(np.float64).reshape(-1, FRAME) / 32768.0
        loud = np.sqrt((frames**2).mean(axis=1)) > self.threshold
        boundaries: list[SpeechBoundary] = []
        for is_speech in loud.tolist():
            self._frames += 1
            if is_speech != self.speaking:
                self._run += 1
            else:
                self._run = 0
            if not self.speaking and self._run * 10 >= self.min_speech_ms:
                self.speaking, self._run = True, 0
                start = (self._frames * 10) - self.min_speech_ms - self.prefix_padding_ms
                boundaries.append(SpeechBoundary(True, max(0, start)))
            elif self.speaking and self._run * 10 >= self.silence_duration_ms:
                self.speaking, self._run = False, 0
                boundaries.append(
                    SpeechBoundary(False, self._frames * 10 - self.silence_duration_ms)
                )
        return boundaries


def contains_speech(samples: npt.NDArray[np.int16], threshold: float) -> bool:
    """Whether any 10 ms frame of the audio is louder than ``threshold``."""
    whole = samples.size - samples.size % FRAME
    if not whole:
        return False
    frames = samples[:whole].astype(np.float64).reshape(-1, FRAME) / 32768.0
    return bool((np.sqrt((frames**2).mean(axis=1)) > threshold).any())
