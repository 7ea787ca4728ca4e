"""What ``StreamedAudioResult.stream()`` yields: audio, lifecycle markers and errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, TypeAlias

import numpy as np
import numpy.typing as npt

__all__ = (
    "VoiceStreamEvent",
    "VoiceStreamEventAudio",
    "VoiceStreamEventError",
    "VoiceStreamEventLifecycle",
)


@dataclass
class VoiceStreamEventAudio:
    """A piece of the spoken answer: PCM samples at 24 kHz, in the dtype the TTS settings ask
    for (int16 of shape ``(n,)``, or float32 in [-1, 1] of shape ``(n, 1)``)."""

    data: npt.NDArray[np.int16 | np.float32] | None
    """The samples."""

    type: Literal["voice_stream_event_audio"] = "voice_stream_event_audio"
    """The kind of event."""


@dataclass
class VoiceStreamEventLifecycle:
    """A turn began or ended, or the session ended (always the last event).

    ``interrupted`` is True on the ``turn_ended`` of an answer cut short because the user began
    speaking (barge-in): a player should drop the audio of that turn it still holds.
    """

    event: Literal["turn_started", "turn_ended", "session_ended"]
    """What happened."""

    type: Literal["voice_stream_event_lifecycle"] = "voice_stream_event_lifecycle"
    """The kind of event."""

    interrupted: bool = field(default=False, kw_only=True)
    """Whether this ``turn_ended`` cuts the answer short (barge-in)."""


@dataclass
class VoiceStreamEventError:
    """Something failed; the exception names the cause. A failed transcription of one streamed
    turn is followed by more turns; any other error by ``session_ended``."""

    error: Exception
    """What went wrong."""

    type: Literal["voice_stream_event_error"] = "voice_stream_event_error"
    """The kind of event."""


VoiceStreamEvent: TypeAlias = (
    VoiceStreamEventAudio | VoiceStreamEventLifecycle | VoiceStreamEventError
)
"""An event of ``StreamedAudioResult.stream()``."""
