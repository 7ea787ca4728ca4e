"""What a realtime model reports to its listeners: the server's events, normalised."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

if TYPE_CHECKING:
    from agents_core import Usage

    from .items import RealtimeItem

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

RealtimeConnectionStatus: TypeAlias = Literal["connecting", "connected", "disconnected"]
"""The state of the model's connection."""


@dataclass
class RealtimeModelErrorEvent:
    """An error the session goes on after: a server ``error`` event or a malformed frame.

    ``error`` is a ``RealtimeAPIError`` or a ``RealtimeProtocolError``.
    """

    error: Any
    type: Literal["error"] = "error"


@dataclass
class RealtimeModelToolCallEvent:
    """The model called a function (a tool or a handoff); ``response_id`` is its response."""

    name: str
    call_id: str
    arguments: str
    id: str | None = None
    previous_item_id: str | None = None
    type: Literal["function_call"] = "function_call"
    response_id: str | None = field(default=None, kw_only=True)


@dataclass(slots=True)
class RealtimeModelAudioEvent:
    """A chunk of the model's audio, decoded."""

    data: bytes
    response_id: str
    item_id: str
    content_index: int
    type: Literal["audio"] = "audio"


@dataclass
class RealtimeModelAudioInterruptedEvent:
    """The model's audio was interrupted: stop playing it."""

    item_id: str
    content_index: int
    type: Literal["audio_interrupted"] = "audio_interrupted"


@dataclass
class RealtimeModelAudioDoneEvent:
    """The model finished sending the audio of an item."""

    item_id: str
    content_index: int
    type: Literal["audio_done"] = "audio_done"


@dataclass
class RealtimeModelInputAudioTranscriptionCompletedEvent:
    """The server transcribed the user's audio of an item."""

    item_id: str
    transcript: str
    type: Literal["input_audio_transcription_completed"] = "input_audio_transcription_completed"


@dataclass
class RealtimeModelInputAudioTimeoutTriggeredEvent:
    """The user was silent for the configured idle timeout."""

    item_id: str
    audio_start_ms: int
    audio_end_ms: int
    type: Literal["input_audio_timeout_triggered"] = "input_audio_timeout_triggered"


@dataclass(slots=True)
class RealtimeModelTranscriptDeltaEvent:
    """More of the transcript of the model's audio."""

    item_id: str
    delta: str
    response_id: str
    type: Literal["transcript_delta"] = "transcript_delta"


@dataclass(slots=True)
class RealtimeModelOutputTextDeltaEvent:
    """More of the model's text output."""

    item_id: str
    delta: str
    response_id: str
    type: Literal["output_text_delta"] = "output_text_delta"


@dataclass
class RealtimeModelItemUpdatedEvent:
    """An item was added to the conversation, or changed."""

    item: RealtimeItem
    type: Literal["item_updated"] = "item_updated"


@dataclass
class RealtimeModelItemDeletedEvent:
    """An item was deleted from the conversation."""

    item_id: str
    type: Literal["item_deleted"] = "item_deleted"


@dataclass
class RealtimeModelConnectionStatusEvent:
    """The connection's state changed (``connecting`` while a reconnect policy retries)."""

    status: RealtimeConnectionStatus
    type: Literal["connection_status"] = "connection_status"


@dataclass
class RealtimeModelEndOfStreamEvent:
    """The model will report nothing more."""

    type: Literal["end_of_stream"] = "end_of_stream"


@dataclass
class RealtimeModelTurnStartedEvent:
    """The model started a response."""

    type: Literal["turn_started"] = "turn_started"
    response_id: str | None = None


@dataclass
class RealtimeModelCachedTokensDetails:
    """Cached input tokens by modality."""

    text_tokens: int | None = None
    audio_tokens: int | None = None
    image_tokens: int | None = None


@dataclass
class RealtimeModelInputTokensDetails:
    """Input tokens by modality."""

    text_tokens: int | None = None
    audio_tokens: int | None = None
    image_tokens: int | None = None
    cached_tokens: int | None = None
    cached_tokens_details: RealtimeModelCachedTokensDetails | None = None


@dataclass
class RealtimeModelOutputTokensDetails:
    """Output tokens by modality."""

    text_tokens: int | None = None
    audio_tokens: int | None = None


@dataclass
class RealtimeModelUsageEvent:
    """The tokens a finished response used (``usage`` adds into the session's usage)."""

    usage: Usage
    input_tokens_details: RealtimeModelInputTokensDetails | None = None
    output_tokens_details: RealtimeModelOutputTokensDetails | None = None
    type: Literal["usage"] = "usage"


@dataclass
class RealtimeModelTurnEndedEvent:
    """The model finished a response (completed, cancelled or failed)."""

    type: Literal["turn_ended"] = "turn_ended"
    response_id: str | None = None


@dataclass
class RealtimeModelMCPApprovalRequestEvent:
    """A hosted MCP server asks whether the model may call one of its tools."""

    item_id: str
    server_label: str
    name: str
    arguments: str
    item: dict[str, Any]
    """The ``mcp_approval_request`` item as the server sent it."""
    type: Literal["mcp_approval_request"] = "mcp_approval_request"


@dataclass
class RealtimeModelOtherEvent:
    """A server event with no typed form here (vendor events, MCP progress...)."""

    data: Any
    type: Literal["other"] = "other"


@dataclass
class RealtimeModelExceptionEvent:
    """A failure that ends the model's stream, such as a lost connection."""

    exception: Exception
    context: str | None = None
    type: Literal["exception"] = "exception"


@dataclass(slots=True)
class RealtimeModelRawServerEvent:
    """A server event exactly as it arrived (parsed JSON)."""

    data: Any
    type: Literal["raw_server_event"] = "raw_server_event"


RealtimeModelEvent: TypeAlias = (
    RealtimeModelErrorEvent
    | RealtimeModelToolCallEvent
    | RealtimeModelAudioEvent
    | RealtimeModelAudioInterruptedEvent
    | RealtimeModelAudioDoneEvent
    | RealtimeModelInputAudioTimeoutTriggeredEvent
    | RealtimeModelInputAudioTranscriptionCompletedEvent
    | RealtimeModelTranscriptDeltaEvent
    | RealtimeModelOutputTextDeltaEvent
    | RealtimeModelItemUpdatedEvent
    | RealtimeModelItemDeletedEvent
    | RealtimeModelConnectionStatusEvent
    | RealtimeModelEndOfStreamEvent
    | RealtimeModelTurnStartedEvent
    | RealtimeModelUsageEvent
    | RealtimeModelTurnEndedEvent
    | RealtimeModelMCPApprovalRequestEvent
    | RealtimeModelOtherEvent
    | RealtimeModelExceptionEvent
    | RealtimeModelRawServerEvent
)
"""Any event a realtime model reports."""
