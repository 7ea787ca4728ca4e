"""Conversation memory: the ``Session`` protocol and the in-process ``MemorySession``."""

from __future__ import annotations

import abc
import asyncio
import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from .._items.items import TResponseInputItem

__all__ = (
    "MemorySession",
    "Session",
    "SessionABC",
    "SessionSettings",
    "coerce_session_settings",
    "resolve_session_limit",
)


@dataclass(frozen=True)
class SessionSettings:
    """How a session is read: ``limit`` caps how many of the latest items are loaded."""

    limit: int | None = None

    def resolve(self, override: SessionSettings | Mapping[str, Any] | None) -> SessionSettings:
        """These settings with every value that ``override`` sets (not None) put over them."""
        if override is None:
            return self
        values = dict(override) if isinstance(override, Mapping) else dataclasses.asdict(override)
        unknown = set(values) - {f.name for f in dataclasses.fields(self)}
        if unknown:
            raise TypeError(f"SessionSettings has no field(s) {', '.join(sorted(unknown))}")
        return dataclasses.replace(self, **{k: v for k, v in values.items() if v is not None})

    def to_dict(self) -> dict[str, Any]:
        """The settings as a dictionary."""
        return dataclasses.asdict(self)


def coerce_session_settings(value: SessionSettings | Mapping[str, Any]) -> SessionSettings:
    """``value`` as ``SessionSettings`` (a dict is checked for unknown keys)."""
    if isinstance(value, SessionSettings):
        return value
    if not isinstance(value, Mapping):
        raise TypeError(
            f"Session settings must be a SessionSettings or a dict, not {type(value).__name__}."
        )
    return SessionSettings().resolve(value)


def resolve_session_limit(
    explicit_limit: int | None, settings: SessionSettings | Mapping[str, Any] | None
) -> int | None:
    """The number of items to read: ``explicit_limit`` if given, else the settings' limit."""
    if explicit_limit is not None:
        return explicit_limit
    return None if settings is None else coerce_session_settings(settings).limit


@runtime_checkable
class Session(Protocol):
    """Stores a conversation's items so the next run continues it.

    A run loads the history with ``get_items`` before its first model call and stores its input
    and new items with a single ``add_items`` call when it completes, so a failed or cancelled
    run stores nothing of itself.
    """

    session_id: str

    @property
    def session_settings(self) -> SessionSettings | None:
        """How the session is read (``limit``), or None for its defaults."""
        ...

    async def get_items(self, limit: int | None = None) -> list[TResponseInputItem]:
        """The stored items, oldest first; with ``limit``, only the latest ``limit`` items."""
        ...

    async def add_items(self, items: list[TResponseInputItem]) -> None:
        """Append items, all or nothing."""
        ...

    async def pop_item(self) -> TResponseInputItem | None:
        """Remove and return the latest item, or None when the session is empty."""
        ...

    async def clear_session(self) -> None:
        """Remove every item."""
        ...


class SessionABC(abc.ABC):
    """A base class for sessions of your own: implement the four methods (see ``Session``)."""

    session_id: str
    session_settings: SessionSettings | None = None

    @abc.abstractmethod
    async def get_items(self, limit: int | None = None) -> list[TResponseInputItem]:
        """The stored items, oldest first; with ``limit``, only the latest ``limit`` items."""

    @abc.abstractmethod
    async def add_items(self, items: list[TResponseInputItem]) -> None:
        """Append items, all or nothing."""

    @abc.abstractmethod
    async def pop_item(self) -> TResponseInputItem | None:
        """Remove and return the latest item, or None when the session is empty."""

    @abc.abstractmethod
    async def clear_session(self) -> None:
        """Remove every item."""


class MemorySession(SessionABC):
    """A session kept in this process's memory; gone when the process ends."""

    session_settings: SessionSettings

    def __init__(self, session_id: str = "default", *, settings: SessionSettings | None = None):
        self.session_id = session_id
        self.session_settings = settings or SessionSettings()
        self._items: list[TResponseInputItem] = []
        self._lock = asyncio.Lock()

    async def get_items(self, limit: int | None = None) -> list[TResponseInputItem]:
        """The stored items, oldest first (copies, so callers cannot change what is stored)."""
        limit = limit if limit is not None else self.session_settings.limit
        items = self._items if limit is None else self._items[-limit:] if limit > 0 else []
        return [dict(item) for item in items]

    async def add_items(self, items: list[TResponseInputItem]) -> None:
        """Append items (copied) in one step."""
        copies = [dict(item) for item in items]
        async with self._lock:
            self._items.extend(copies)

    async def pop_item(self) -> TResponseInputItem | None:
        """Remove and return the latest item."""
        async with self._lock:
            return self._items.pop() if self._items else None

    async def clear_session(self) -> None:
        """Remove every item."""
        async with self._lock:
            self._items.clear()
