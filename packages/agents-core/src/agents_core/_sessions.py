"""Conversation memory: the ``Session`` protocol and the in-process ``MemorySession``."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from ._items import TResponseInputItem

__all__ = ("MemorySession", "Session", "SessionSettings")


@dataclass(frozen=True)
class SessionSettings:
    """How a session is read: ``limit`` caps how many of the latest items are loaded."""

    limit: int | None = None


@runtime_checkable
class Session(Protocol):
    """Stores a conversation's items so the next run continues it.

    A run loads the history with ``get_items`` before its first model call and stores its input
    and new items with a single ``add_items`` call when it completes, so a failed or cancelled
    run stores nothing of itself.
    """

    session_id: str

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


class MemorySession:
    """A session kept in this process's memory; gone when the process ends."""

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
