"""The items of a realtime conversation, as the session's history holds them."""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, Field

__all__ = (
    "AssistantAudio",
    "AssistantMessageItem",
    "AssistantText",
    "InputAudio",
    "InputImage",
    "InputText",
    "RealtimeItem",
    "RealtimeMessageItem",
    "RealtimeResponse",
    "RealtimeToolCallItem",
    "SystemMessageItem",
    "UserMessageItem",
)

# Fields the API adds later survive a round trip; validators are built on first use.
_CONFIG = ConfigDict(extra="allow", defer_build=True)


class InputText(BaseModel):
    """A text part of a user or system message."""

    model_config = _CONFIG
    type: Literal["input_text"] = "input_text"
    text: str | None = None


class InputAudio(BaseModel):
    """An audio part of a user message, with its transcript once the server has it."""

    model_config = _CONFIG
    type: Literal["input_audio"] = "input_audio"
    audio: str | None = None
    """The audio, base64 encoded (the server usually leaves it out)."""
    transcript: str | None = None


class InputImage(BaseModel):
    """An image part of a user message (a ``data:`` or ``https:`` URL)."""

    model_config = _CONFIG
    type: Literal["input_image"] = "input_image"
    image_url: str | None = None
    detail: str | None = None


class AssistantText(BaseModel):
    """A text part of an assistant message."""

    model_config = _CONFIG
    type: Literal["text"] = "text"
    text: str | None = None


class AssistantAudio(BaseModel):
    """An audio part of an assistant message, with its transcript."""

    model_config = _CONFIG
    type: Literal["audio"] = "audio"
    audio: str | None = None
    transcript: str | None = None


class SystemMessageItem(BaseModel):
    """A system message in the conversation."""

    model_config = _CONFIG
    item_id: str
    previous_item_id: str | None = None
    type: Literal["message"] = "message"
    role: Literal["system"] = "system"
    content: list[InputText]


class UserMessageItem(BaseModel):
    """A user message: text, images, or audio with its transcript."""

    model_config = _CONFIG
    item_id: str
    previous_item_id: str | None = None
    type: Literal["message"] = "message"
    role: Literal["user"] = "user"
    status: Literal["in_progress", "completed", "incomplete"] | None = None
    content: list[Annotated[InputText | InputAudio | InputImage, Field(discriminator="type")]]


class AssistantMessageItem(BaseModel):
    """An assistant message: text, or audio with its transcript."""

    model_config = _CONFIG
    item_id: str
    previous_item_id: str | None = None
    type: Literal["message"] = "message"
    role: Literal["assistant"] = "assistant"
    status: Literal["in_progress", "completed", "incomplete"] | None = None
    content: list[Annotated[AssistantText | AssistantAudio, Field(discriminator="type")]]


RealtimeMessageItem: TypeAlias = Annotated[
    SystemMessageItem | UserMessageItem | AssistantMessageItem, Field(discriminator="role")
]
"""A message from the system, the user or the assistant."""


class RealtimeToolCallItem(BaseModel):
    """A function call of the model, with its output once the tool has answered."""

    model_config = _CONFIG
    item_id: str
    previous_item_id: str | None = None
    call_id: str | None
    type: Literal["function_call"] = "function_call"
    status: Literal["in_progress", "completed"]
    arguments: str
    name: str
    output: str | None = None


RealtimeItem: TypeAlias = RealtimeMessageItem | RealtimeToolCallItem
"""Any item of the session's history."""


class RealtimeResponse(BaseModel):
    """A response of the realtime model and the messages it produced."""

    model_config = _CONFIG
    id: str
    output: list[RealtimeMessageItem]
