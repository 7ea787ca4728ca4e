"""The events a realtime model reports to its listeners."""

from ._data.model_events import RealtimeConnectionStatus as RealtimeConnectionStatus
from ._data.model_events import RealtimeModelAudioDoneEvent as RealtimeModelAudioDoneEvent
from ._data.model_events import RealtimeModelAudioEvent as RealtimeModelAudioEvent
from ._data.model_events import (
    RealtimeModelAudioInterruptedEvent as RealtimeModelAudioInterruptedEvent,
)
from ._data.model_events import RealtimeModelCachedTokensDetails as RealtimeModelCachedTokensDetails
from ._data.model_events import (
    RealtimeModelConnectionStatusEvent as RealtimeModelConnectionStatusEvent,
)
from ._data.model_events import RealtimeModelEndOfStreamEvent as RealtimeModelEndOfStreamEvent
from ._data.model_events import RealtimeModelErrorEvent as RealtimeModelErrorEvent
from ._data.model_events import RealtimeModelEvent as RealtimeModelEvent
from ._data.model_events import RealtimeModelExceptionEvent as RealtimeModelExceptionEvent
from ._data.model_events import (
    RealtimeModelInputAudioTimeoutTriggeredEvent as RealtimeModelInputAudioTimeoutTriggeredEvent,
)
from ._data.model_events import (
    RealtimeModelInputAudioTranscriptionCompletedEvent as RealtimeModelInputAudioTranscriptionCompletedEvent,  # noqa: E501
)
from ._data.model_events import RealtimeModelInputTokensDetails as RealtimeModelInputTokensDetails
from ._data.model_events import RealtimeModelItemDeletedEvent as RealtimeModelItemDeletedEvent
from ._data.model_events import RealtimeModelItemUpdatedEvent as RealtimeModelItemUpdatedEvent
from ._data.model_events import (
    RealtimeModelMCPApprovalRequestEvent as RealtimeModelMCPApprovalRequestEvent,
)
from ._data.model_events import RealtimeModelOtherEvent as RealtimeModelOtherEvent
from ._data.model_events import (
    RealtimeModelOutputTextDeltaEvent as RealtimeModelOutputTextDeltaEvent,
)
from ._data.model_events import RealtimeModelOutputTokensDetails as RealtimeModelOutputTokensDetails
from ._data.model_events import RealtimeModelRawServerEvent as RealtimeModelRawServerEvent
from ._data.model_events import RealtimeModelToolCallEvent as RealtimeModelToolCallEvent
from ._data.model_events import (
    RealtimeModelTranscriptDeltaEvent as RealtimeModelTranscriptDeltaEvent,
)
from ._data.model_events import RealtimeModelTurnEndedEvent as RealtimeModelTurnEndedEvent
from ._data.model_events import RealtimeModelTurnStartedEvent as RealtimeModelTurnStartedEvent
from ._data.model_events import RealtimeModelUsageEvent as RealtimeModelUsageEvent

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
