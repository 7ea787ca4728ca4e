"""Conversions between GA wire objects and this package's types (items, usage, inputs)."""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING, Any

from agents_core import InputTokensDetails, Usage

from .._data.items import (
    AssistantAudio,
    AssistantMessageItem,
    AssistantText,
    InputAudio,
    InputImage,
    InputText,
    RealtimeToolCallItem,
    SystemMessageItem,
    UserMessageItem,
)
from .._data.model_events import (
    RealtimeModelCachedTokensDetails,
    RealtimeModelInputTokensDetails,
    RealtimeModelOutputTokensDetails,
    RealtimeModelUsageEvent,
)

if TYPE_CHECKING:
    from .._data.items import RealtimeItem
    from .._data.model_inputs import RealtimeModelUserInput

__all__ = ("item_from_wire", "usage_event", "user_message_item")


def _user_part(part: dict[str, Any]) -> InputText | InputAudio | InputImage | None:
    kind = part.get("type")
    if kind == "input_text":
        return InputText(text=part.get("text"))
    if kind == "input_audio":
        return InputAudio(audio=part.get("audio"), transcript=part.get("transcript"))
    if kind == "input_image":
        return InputImage(image_url=part.get("image_url"), detail=part.get("detail"))
    return None


def _assistant_part(part: dict[str, Any]) -> AssistantText | AssistantAudio | None:
    kind = part.get("type")
    if kind in ("output_text", "text"):
        return AssistantText(text=part.get("text"))
    if kind in ("output_audio", "audio"):
        return AssistantAudio(audio=part.get("audio"), transcript=part.get("transcript"))
    return None


def _status(item: dict[str, Any], default: str) -> Any:
    status = item.get("status")
    return status if status in ("in_progress", "completed", "incomplete") else default


def item_from_wire(
    item: dict[str, Any], previous_item_id: str | None = None, *, done: bool = False
) -> RealtimeItem | None:
    """A GA conversation item as a history item (None for kinds the history does not keep)."""
    kind = item.get("type")
    item_id = str(item.get("id") or "")
    if kind == "message":
        role = item.get("role")
        parts = [p for p in item.get("content") or () if isinstance(p, dict)]
        status = _status(item, "completed" if done else "in_progress")
        if role == "user":
            content = [c for c in map(_user_part, parts) if c is not None]
            return UserMessageItem(
                item_id=item_id, previous_item_id=previous_item_id, content=content, status=status
            )
        if role == "assistant":
            answer = [c for c in map(_assistant_part, parts) if c is not None]
            return AssistantMessageItem(
                item_id=item_id, previous_item_id=previous_item_id, content=answer, status=status
            )
        if role == "system":
            texts = [InputText(text=p.get("text")) for p in parts if p.get("type") == "input_text"]
            return SystemMessageItem(
                item_id=item_id, previous_item_id=previous_item_id, content=texts
            )
        return None
    if kind == "function_call":
        return RealtimeToolCallItem(
            item_id=item_id,
            previous_item_id=previous_item_id,
            call_id=item.get("call_id"),
            status="completed" if _status(item, "in_progress") == "completed" else "in_progress",
            arguments=str(item.get("arguments") or ""),
            name=str(item.get("name") or ""),
        )
    return None


def usage_event(usage: dict[str, Any]) -> RealtimeModelUsageEvent:
    """The usage of a ``response.done`` as a usage event (one request)."""
    input_tokens = int(usage.get("input_tokens") or 0)
    output_tokens = int(usage.get("output_tokens") or 0)
    total = usage.get("total_tokens")
    input_details = usage.get("input_token_details")
    output_details = usage.get("output_token_details")
    cached = int((input_details or {}).get("cached_tokens") or 0)
    aggregate = Usage(
        requests=1,
        input_tokens=input_tokens,
        output_tokens=output_tokens,
        total_tokens=int(total) if total is not None else input_tokens + output_tokens,
        input_tokens_details=InputTokensDetails(cached_tokens=cached),
    )
    input_breakdown = None
    if isinstance(input_details, dict):
        cached_details = input_details.get("cached_tokens_details")
        input_breakdown = RealtimeModelInputTokensDetails(
            text_tokens=input_details.get("text_tokens"),
            audio_tokens=input_details.get("audio_tokens"),
            image_tokens=input_details.get("image_tokens"),
            cached_tokens=input_details.get("cached_tokens"),
            cached_tokens_details=(
                RealtimeModelCachedTokensDetails(
                    text_tokens=cached_details.get("text_tokens"),
                    audio_tokens=cached_details.get("audio_tokens"),
                    image_tokens=cached_details.get("image_tokens"),
                )
                if isinstance(cached_details, dict)
                else None
            ),
        )
    output_breakdown = None
    if isinstance(output_details, dict):
        output_breakdown = RealtimeModelOutputTokensDetails(
            text_tokens=output_details.get("text_tokens"),
            audio_tokens=output_details.get("audio_tokens"),
        )
    return RealtimeModelUsageEvent(
        usage=aggregate,
        input_tokens_details=input_breakdown,
        output_tokens_details=output_breakdown,
    )


def user_message_item(user_input: RealtimeModelUserInput) -> dict[str, Any]:
    """The GA ``message`` item for a user input (a string, or text and image parts)."""
    if isinstance(user_input, str):
        return {
            "type": "message",
            "role": "user",
            "content": [{"type": "input_text", "text": user_input}],
        }
    content: list[dict[str, Any]] = []
    parts: list[Any] = list(user_input.get("content") or ())
    for part in parts:
        if not isinstance(part, dict):
            continue
        if part.get("type") == "input_text" and isinstance(part.get("text"), str):
            content.append({"type": "input_text", "text": part["text"]})
        elif part.get("type") == "input_image" and isinstance(part.get("image_url"), str):
            image: dict[str, Any] = {"type": "input_image", "image_url": part["image_url"]}
            detail = part.get("detail")
            if detail in ("auto", "low", "high"):
                image["detail"] = detail
            content.append(image)
    return {"type": "message", "role": "user", "content": content}


def encode_audio(data: bytes) -> str:
    """Audio bytes as the API's base64 text."""
    return base64.b64encode(data).decode("ascii")
