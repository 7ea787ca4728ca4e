"""The events of ``StreamedAudioResult.stream()``."""

from ._base._events import VoiceStreamEvent as VoiceStreamEvent
from ._base._events import VoiceStreamEventAudio as VoiceStreamEventAudio
from ._base._events import VoiceStreamEventError as VoiceStreamEventError
from ._base._events import VoiceStreamEventLifecycle as VoiceStreamEventLifecycle

__all__ = (
    "VoiceStreamEvent",
    "VoiceStreamEventAudio",
    "VoiceStreamEventError",
    "VoiceStreamEventLifecycle",
)
