"""What every session back end shares: settings, argument checks and the JSON codec of items.

Items are stored as compact JSON text, one row (or list entry) per item, exactly as OpenAI's
Agents SDK stores them, so either library reads what the other wrote. Text that does not decode
to a JSON object (a corrupted row) is skipped with a warning, never returned.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import pydantic_core

from agents_core import SessionSettings, TResponseInputItem, UserError

from .._logging import logger

__all__ = (
    "check_items",
    "check_session_id",
    "coerce_settings",
    "decode_item",
    "decode_items",
    "encode_items",
    "resolve_limit",
)


def coerce_settings(settings: SessionSettings | Mapping[str, Any] | None) -> SessionSettings:
    """``SessionSettings`` from settings, a mapping of their fields, or None (the defaults)."""
    if settings is None:
        return SessionSettings()
    if isinstance(settings, Mapping):
        return SessionSettings(**settings)
    return settings


def resolve_limit(limit: int | None, settings: SessionSettings | None) -> int | None:
    """The limit a read uses: the argument, else the session's default (None: everything)."""
    if limit is not None:
        return limit
    return settings.limit if settings is not None else None


def check_session_id(session_id: object, kind: str) -> str:
    """``session_id`` if it is a non-empty string; otherwise a ``UserError``."""
    if not isinstance(session_id, str) or not session_id:
        raise UserError(f"{kind} needs a non-empty string session_id, got {session_id!r}.")
    return session_id


def check_items(items: Sequence[object]) -> None:
    """Refuse anything but dictionaries before a write starts, so nothing half-written."""
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise UserError(
                f"Session items must be dictionaries; item {index} is {type(item).__name__}."
            )


def encode_items(items: Sequence[TResponseInputItem], *, ensure_ascii: bool = False) -> list[str]:
    """Each item as compact JSON text; an item that is not plain JSON is a ``UserError``."""
    encoded: list[str] = []
    for index, item in enumerate(items):
        try:
            if ensure_ascii:
                encoded.append(json.dumps(item, separators=(",", ":")))
            else:
                encoded.append(pydantic_core.to_json(item).decode())
        except (TypeError, ValueError, pydantic_core.PydanticSerializationError) as exc:
            raise UserError(
                f"Session item {index} cannot be stored: it is not plain JSON ({exc})."
            ) from exc
    return encoded


def decode_item(text: str | bytes) -> TResponseInputItem | None:
    """One stored item, or None (with a warning) when the text is not a JSON object."""
    try:
        item = pydantic_core.from_json(text)
    except ValueError:
        item = None
    if isinstance(item, dict):
        return item
    logger().warning("session item skipped: not a JSON object")
    return None


def decode_items(texts: Sequence[str | bytes]) -> list[TResponseInputItem]:
    """Stored items in order, skipping (with a warning) any that are not JSON objects."""
    if not texts:
        return []
    try:
        # One parse of the whole history is several times faster than one per item.
        if isinstance(texts[0], bytes):
            joined: str | bytes = b"[" + b",".join(texts) + b"]"  # type: ignore[arg-type]
        else:
            joined = "[" + ",".join(texts) + "]"  # type: ignore[arg-type]
        items = pydantic_core.from_json(joined)
    except (ValueError, TypeError):
        items = None
    if (
        isinstance(items, list)
        and len(items) == len(texts)
        and all(isinstance(item, dict) for item in items)
    ):
        return items
    decoded = [decode_item(text) for text in texts]
    return [item for item in decoded if item is not None]
