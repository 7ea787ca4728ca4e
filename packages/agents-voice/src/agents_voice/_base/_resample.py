"""Sample-rate conversion: band-limited (windowed-sinc) interpolation, in numpy.

Good enough for speech going to a transcription model: a Kaiser-windowed sinc of 16 taps each
side, cut off at the lower of the two Nyquist frequencies so that downsampling does not alias.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
import numpy.typing as npt

__all__ = ("resample",)

_HALF_WIDTH = 16
_KAISER_BETA = 8.6
_BLOCK = 16_384


@lru_cache(maxsize=16)
def _filter_bank(up: int, down: int) -> npt.NDArray[np.float64]:
    """One row of taps per output phase (``up`` phases), each row summing to 1."""
    cutoff = min(1.0, up / down)
    offsets = np.arange(-_HALF_WIDTH + 1, _HALF_WIDTH + 1, dtype=np.float64)
    phases = np.arange(up, dtype=np.float64)[:, None] / up
    distance = offsets[None, :] - phases
    window = np.i0(_KAISER_BETA * np.sqrt(np.clip(1 - (distance / _HALF_WIDTH) ** 2, 0, 1)))
    taps = cutoff * np.sinc(cutoff * distance) * window / np.i0(_KAISER_BETA)
    result: npt.NDArray[np.float64] = taps / taps.sum(axis=1, keepdims=True)
    return result


def resample(
    samples: npt.NDArray[np.float64], from_rate: int, to_rate: int
) -> npt.NDArray[np.float64]:
    """``samples`` (shape ``(frames, channels)``) at ``to_rate`` instead of ``from_rate``."""
    if from_rate == to_rate or samples.shape[0] == 0:
        return samples
    common = math.gcd(from_rate, to_rate)
    up, down = to_rate // common, from_rate // common
    bank = _filter_bank(up, down)
    frames = samples.shape[0]
    count = -(-frames * up // down)
    padded = np.pad(samples, ((_HALF_WIDTH, _HALF_WIDTH), (0, 0)))
    taps = np.arange(2 * _HALF_WIDTH)
    out = np.empty((count, samples.shape[1]), dtype=np.float64)
    for start in range(0, count, _BLOCK):
        index = np.arange(start, min(start + _BLOCK, count))
        base = index * down // up
        phase = index * down % up
        # Input frame base + t - W + 1 sits at padded position base + t + 1.
        window = padded[base[:, None] + taps[None, :] + 1]  # (block, taps, channels)
        out[start : start + len(index)] = np.einsum("btc,bt->bc", window, bank[phase])
    return out
