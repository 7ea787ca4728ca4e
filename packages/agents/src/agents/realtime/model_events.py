"""``agents.realtime.model_events``: the events a realtime model reports.

Re-exports ``agents_realtime.model_events``; needs ``pip install 'agents[realtime]'``.
"""

from ._require import missing_realtime

try:
    from agents_realtime.model_events import RealtimeConnectionStatus as RealtimeConnectionStatus
    from agents_realtime.model_events import (
        RealtimeModelAudioDoneEvent as RealtimeModelAudioDoneEvent,
    )
    from agents_realtime.model_events import RealtimeModelAudioEvent as RealtimeModelAudioEvent
    from agents_realtime.model_events import (
        RealtimeModelAudioInterruptedEvent as RealtimeModelAudioInterruptedEvent,
    )
    from agents_realtime.model_events import (
        RealtimeModelCachedTokensDetails as RealtimeModelCachedTokensDetails,
    )
    from agents_realtime.model_events import (
        RealtimeModelConnectionStatusEvent as RealtimeModelConnectionStatusEvent,
    )
    from agents_realtime.model_events import (
        RealtimeModelEndOfStreamEvent as RealtimeModelEndOfStreamEvent,
    )
    from agents_realtime.model_events import RealtimeModelErrorEvent as RealtimeModelErrorEvent
    from agents_realtime.model_events import RealtimeModelEvent as RealtimeModelEvent
    from agents_realtime.model_events import (
        RealtimeModelExceptionEvent as RealtimeModelExceptionEvent,
    )
    from agents_realtime.model_events import (
        RealtimeModelInputAudioTimeoutTriggeredEvent as RealtimeModelInputAudioTimeoutTriggeredEvent,  # noqa: E501
    )
    from agents_realtime.model_events import (
        RealtimeModelInputAudioTranscriptionCompletedEvent as RealtimeModelInputAudioTranscriptionCompletedEvent,  # noqa: E501
    )
    from agents_realtime.model_events import (
        RealtimeModelInputTokensDetails as RealtimeModelInputTokensDetails,
    )
    from agents_realtime.model_events import (
        RealtimeModelItemDeletedEvent as RealtimeModelItemDeletedEvent,
    )
    from agents_realtime.model_events import (
        RealtimeModelItemUpdatedEvent as RealtimeModelItemUpdatedEvent,
    )
    from agents_realtime.model_events import (
        RealtimeModelMCPApprovalRequestEvent as RealtimeModelMCPApprovalRequestEvent,
    )
    from agents_realtime.model_events import RealtimeModelOtherEvent as RealtimeModelOtherEvent
    from agents_realtime.model_events import (
        RealtimeModelOutputTextDeltaEvent as RealtimeModelOutputTextDeltaEvent,
    )
    from agents_realtime.model_events import (
        RealtimeModelOutputTokensDetails as RealtimeModelOutputTokensDetails,
    )
    from agents_realtime.model_events import (
        RealtimeModelRawServerEvent as RealtimeModelRawServerEvent,
    )
    from agents_realtime.model_events import (
        RealtimeModelToolCallEvent as RealtimeModelToolCallEvent,
    )
    from agents_realtime.model_events import (
        RealtimeModelTranscriptDeltaEvent as RealtimeModelTranscriptDeltaEvent,
    )
    from agents_realtime.model_events import (
        RealtimeModelTurnEndedEvent as RealtimeModelTurnEndedEvent,
    )
    from agents_realtime.model_events import (
        RealtimeModelTurnStartedEvent as RealtimeModelTurnStartedEvent,
    )
    from agents_realtime.model_events import RealtimeModelUsageEvent as RealtimeModelUsageEvent
except ModuleNotFoundError as exc:  # pragma: no cover - depends on what is installed
    raise missing_realtime(exc) from exc

__all__ = (
    "RealtimeConnectionStatus",
    "RealtimeModelAudioDoneEvent",
    "RealtimeModelAudioEvent",
    "RealtimeModelAudioInterruptedEvent",
    "RealtimeModelCachedTokensDetails",
    "RealtimeModelConnectionStatusEvent",
    "RealtimeModelEndOfStreamEvent",
    "RealtimeModelErrorEvent",
    "RealtimeModelEvent",
    "RealtimeModelExceptionEvent",
    "RealtimeModelInputAudioTimeoutTriggeredEvent",
    "RealtimeModelInputAudioTranscriptionCompletedEvent",
    "RealtimeModelInputTokensDetails",
    "RealtimeModelItemDeletedEvent",
    "RealtimeModelItemUpdatedEvent",
    "RealtimeModelMCPApprovalRequestEvent",
    "RealtimeModelOtherEvent",
    "RealtimeModelOutputTextDeltaEvent",
    "RealtimeModelOutputTokensDetails",
    "RealtimeModelRawServerEvent",
    "RealtimeModelToolCallEvent",
    "RealtimeModelTranscriptDeltaEvent",
    "RealtimeModelTurnEndedEvent",
    "RealtimeModelTurnStartedEvent",
    "RealtimeModelUsageEvent",
)
