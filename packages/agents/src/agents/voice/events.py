"""``agents.voice.events``: The events of ``StreamedAudioResult.stream()``.

Re-exported from ``agents_voice.events``.
"""

from agents_voice.events import VoiceStreamEvent as VoiceStreamEvent
from agents_voice.events import VoiceStreamEventAudio as VoiceStreamEventAudio
from agents_voice.events import VoiceStreamEventError as VoiceStreamEventError
from agents_voice.events import VoiceStreamEventLifecycle as VoiceStreamEventLifecycle

__all__ = (
    "VoiceStreamEvent",
    "VoiceStreamEventAudio",
    "VoiceStreamEventError",
    "VoiceStreamEventLifecycle",
)
