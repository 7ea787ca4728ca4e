"""The session's event queue: unbounded, many readers, and audio that can be withdrawn."""

from __future__ import annotations

import asyncio
from collections import deque
from typing import Any

__all__ = ("END", "EventQueue")

END: Any = object()
"""What ``get`` returns once the queue is closed and empty."""


class EventQueue:
    """Events in order; ``withdraw_audio`` removes queued audio of an interrupted item.

    Cheaper than ``asyncio.Queue`` (no size bookkeeping), which matters at one event per
    audio chunk.
    """

    __slots__ = ("_closed", "_waiter", "items")

    def __init__(self) -> None:
        self.items: deque[Any] = deque()
        """The queued events (a reader may take them directly)."""
        self._waiter: asyncio.Future[None] | None = None
        self._closed = False

    def put(self, event: Any) -> None:
        """Add an event (ignored once closed)."""
        if self._closed:
            return
        self.items.append(event)
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if not waiter.done():
                waiter.set_result(None)

    async def get(self) -> Any:
        """The next event, waiting for one; ``END`` once closed and drained."""
        items = self.items
        while not items:
            if self._closed:
                return END
            waiter = self._waiter
            if waiter is None:
                waiter = self._waiter = asyncio.get_running_loop().create_future()
            await asyncio.shield(waiter)
        return items.popleft()

    def withdraw_audio(self, item_id: str) -> int:
        """Remove the queued audio of ``item_id`` (the application must not play it); a count."""
        kept = deque(
            event
            for event in self.items
            if not (getattr(event, "type", None) == "audio" and event.item_id == item_id)
            and not _is_raw_audio_of(event, item_id)
        )
        removed = len(self.items) - len(kept)
        if removed:
            self.items.clear()
            self.items.extend(kept)
        return removed

    def close(self) -> None:
        """No more events: readers finish once they have the queued ones."""
        self._closed = True
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if not waiter.done():
                waiter.set_result(None)

    def __len__(self) -> int:
        return len(self.items)


def _is_raw_audio_of(event: Any, item_id: str) -> bool:
    if getattr(event, "type", None) != "raw_model_event":
        return False
    data = event.data
    if data.type == "audio":
        return bool(data.item_id == item_id)
    if data.type == "raw_server_event" and isinstance(data.data, dict):
        frame = data.data
        return bool(
            frame.get("type") == "response.output_audio.delta" and frame.get("item_id") == item_id
        )
    return False
