"""The events a realtime session streams: audio, transcripts, tools, handoffs, errors."""

from ._session.events import RealtimeAgentEndEvent as RealtimeAgentEndEvent
from ._session.events import RealtimeAgentStartEvent as RealtimeAgentStartEvent
from ._session.events import RealtimeAudio as RealtimeAudio
from ._session.events import RealtimeAudioEnd as RealtimeAudioEnd
from ._session.events import RealtimeAudioInterrupted as RealtimeAudioInterrupted
from ._session.events import RealtimeError as RealtimeError
from ._session.events import RealtimeEventInfo as RealtimeEventInfo
from ._session.events import RealtimeGuardrailTripped as RealtimeGuardrailTripped
from ._session.events import RealtimeHandoffEvent as RealtimeHandoffEvent
from ._session.events import RealtimeHistoryAdded as RealtimeHistoryAdded
from ._session.events import RealtimeHistoryUpdated as RealtimeHistoryUpdated
from ._session.events import (
    RealtimeInputAudioTimeoutTriggered as RealtimeInputAudioTimeoutTriggered,
)
from ._session.events import RealtimeInputGuardrailTripped as RealtimeInputGuardrailTripped
from ._session.events import RealtimeRawModelEvent as RealtimeRawModelEvent
from ._session.events import RealtimeSessionEvent as RealtimeSessionEvent
from ._session.events import RealtimeToolApprovalRequired as RealtimeToolApprovalRequired
from ._session.events import RealtimeToolEnd as RealtimeToolEnd
from ._session.events import RealtimeToolStart as RealtimeToolStart

__all__ = (
    "RealtimeAgentEndEvent",
    "RealtimeAgentStartEvent",
    "RealtimeAudio",
    "RealtimeAudioEnd",
    "RealtimeAudioInterrupted",
    "RealtimeError",
    "RealtimeEventInfo",
    "RealtimeGuardrailTripped",
    "RealtimeHandoffEvent",
    "RealtimeHistoryAdded",
    "RealtimeHistoryUpdated",
    "RealtimeInputAudioTimeoutTriggered",
    "RealtimeInputGuardrailTripped",
    "RealtimeRawModelEvent",
    "RealtimeSessionEvent",
    "RealtimeToolApprovalRequired",
    "RealtimeToolEnd",
    "RealtimeToolStart",
)
