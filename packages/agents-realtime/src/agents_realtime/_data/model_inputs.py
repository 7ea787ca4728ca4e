"""What a session asks a realtime model to send."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, NotRequired, TypeAlias

from typing_extensions import TypedDict

if TYPE_CHECKING:
    from .config import RealtimeSessionModelSettings
    from .model_events import RealtimeModelToolCallEvent

__all__ = (
    "RealtimeModelInputImageContent",
    "RealtimeModelInputTextContent",
    "RealtimeModelRawClientMessage",
    "RealtimeModelSendAudio",
    "RealtimeModelSendEvent",
    "RealtimeModelSendInterrupt",
    "RealtimeModelSendRawMessage",
    "RealtimeModelSendSessionUpdate",
    "RealtimeModelSendToolOutput",
    "RealtimeModelSendUserInput",
    "RealtimeModelUserInput",
    "RealtimeModelUserInputMessage",
)


class RealtimeModelRawClientMessage(TypedDict):
    """A client event given by hand: its ``type``, and ``other_data`` merged into its body."""

    type: str
    other_data: NotRequired[dict[str, Any]]


class RealtimeModelInputTextContent(TypedDict):
    """A text part of a user message."""

    type: Literal["input_text"]
    text: str


class RealtimeModelInputImageContent(TypedDict, total=False):
    """An image part of a user message (a ``data:`` or ``https:`` URL)."""

    type: Literal["input_image"]
    image_url: str
    detail: NotRequired[str]


class RealtimeModelUserInputMessage(TypedDict):
    """A structured user message."""

    type: Literal["message"]
    role: Literal["user"]
    content: list[RealtimeModelInputTextContent | RealtimeModelInputImageContent]


RealtimeModelUserInput: TypeAlias = str | RealtimeModelUserInputMessage
"""A user message: text, or a structured message."""


@dataclass
class RealtimeModelSendRawMessage:
    """Send a client event as given."""

    message: RealtimeModelRawClientMessage


@dataclass
class RealtimeModelSendUserInput:
    """Add a user message to the conversation and ask for a response."""

    user_input: RealtimeModelUserInput


@dataclass
class RealtimeModelSendAudio:
    """Append audio to the input buffer (``commit`` ends the user's turn)."""

    audio: bytes
    commit: bool = False


@dataclass
class RealtimeModelSendToolOutput:
    """Answer a function call; ``start_response`` asks for a response after it."""

    tool_call: RealtimeModelToolCallEvent
    output: str
    start_response: bool


@dataclass
class RealtimeModelSendInterrupt:
    """Stop the model's answer: truncate its audio at what was played, and cancel the response.

    ``playback_only`` only truncates; ``cancel_response_only`` only cancels ``response_id``;
    ``response_id`` limits both to that response. ``force_response_cancel`` is accepted for
    compatibility (a live response is always cancelled unless ``playback_only``).
    """

    force_response_cancel: bool = False
    response_id: str | None = None
    cancel_response_only: bool = False
    playback_only: bool = False


@dataclass
class RealtimeModelSendSessionUpdate:
    """Change the session's settings (instructions, tools, audio...)."""

    session_settings: RealtimeSessionModelSettings


RealtimeModelSendEvent: TypeAlias = (
    RealtimeModelSendRawMessage
    | RealtimeModelSendUserInput
    | RealtimeModelSendAudio
    | RealtimeModelSendToolOutput
    | RealtimeModelSendInterrupt
    | RealtimeModelSendSessionUpdate
)
"""Anything a session asks the model to send."""
