"""``agents.voice.input``: ``AudioInput`` and ``StreamedAudioInput``.

Re-exported from ``agents_voice.input``.
"""

from agents_voice.input import DEFAULT_SAMPLE_RATE as DEFAULT_SAMPLE_RATE
from agents_voice.input import AudioInput as AudioInput
from agents_voice.input import StreamedAudioInput as StreamedAudioInput

__all__ = (
    "DEFAULT_SAMPLE_RATE",
    "AudioInput",
    "StreamedAudioInput",
)
