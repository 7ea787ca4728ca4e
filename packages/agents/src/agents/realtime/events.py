"""``agents.realtime.events``: the events of a realtime session.

Re-exports ``agents_realtime.events``; needs ``pip install 'agents[realtime]'``.
"""

from ._require import missing_realtime

try:
    from agents_realtime.events import RealtimeAgentEndEvent as RealtimeAgentEndEvent
    from agents_realtime.events import RealtimeAgentStartEvent as RealtimeAgentStartEvent
    from agents_realtime.events import RealtimeAudio as RealtimeAudio
    from agents_realtime.events import RealtimeAudioEnd as RealtimeAudioEnd
    from agents_realtime.events import RealtimeAudioInterrupted as RealtimeAudioInterrupted
    from agents_realtime.events import RealtimeError as RealtimeError
    from agents_realtime.events import RealtimeEventInfo as RealtimeEventInfo
    from agents_realtime.events import RealtimeGuardrailTripped as RealtimeGuardrailTripped
    from agents_realtime.events import RealtimeHandoffEvent as RealtimeHandoffEvent
    from agents_realtime.events import RealtimeHistoryAdded as RealtimeHistoryAdded
    from agents_realtime.events import RealtimeHistoryUpdated as RealtimeHistoryUpdated
    from agents_realtime.events import (
        RealtimeInputAudioTimeoutTriggered as RealtimeInputAudioTimeoutTriggered,
    )
    from agents_realtime.events import (
        RealtimeInputGuardrailTripped as RealtimeInputGuardrailTripped,
    )
    from agents_realtime.events import RealtimeRawModelEvent as RealtimeRawModelEvent
    from agents_realtime.events import RealtimeSessionEvent as RealtimeSessionEvent
    from agents_realtime.events import RealtimeToolApprovalRequired as RealtimeToolApprovalRequired
    from agents_realtime.events import RealtimeToolEnd as RealtimeToolEnd
    from agents_realtime.events import RealtimeToolStart as RealtimeToolStart
except ModuleNotFoundError as exc:  # pragma: no cover - depends on what is installed
    raise missing_realtime(exc) from exc

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
