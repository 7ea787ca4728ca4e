"""``agents.voice.audio``: Audio files: read any format, write WAV, FLAC or OGG.

Re-exported from ``agents_voice.audio``.
"""

from agents_voice.audio import AudioInput as AudioInput
from agents_voice.audio import AudioSource as AudioSource
from agents_voice.audio import write_audio as write_audio

__all__ = (
    "AudioInput",
    "AudioSource",
    "write_audio",
)
