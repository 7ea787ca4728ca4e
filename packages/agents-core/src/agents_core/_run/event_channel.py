"""The hand-off of a streamed run's events from the task running it to the task reading them."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .._items.stream_events import StreamEvent

__all__ = ("READ_AHEAD", "EventChannel")

READ_AHEAD = 16
"""How many events a run may get ahead of a reader that is reading: past that, the run (and the
model stream it reads) waits, so a slow reader holds the stream back instead of piling its
events up in memory."""


class EventChannel:
    """The events of one streamed run, on their way from the run to its reader.

    The run ``put``s events without waiting; the reader ``take``s everything put since it last
    looked, so a burst of events (one network read can hold many) costs the reader one wake-up,
    not one per event. While a reader is reading, ``put`` says when the run is ``READ_AHEAD``
    events ahead, and the run waits in ``room()`` until the reader has taken them. An event is
    consumed once the reader comes back for more after it; ``caught_up()`` waits for that, which
    is what holds a run at a turn boundary until its reader has seen the turn before.
    """

    __slots__ = ("_events", "_in_hand", "_reader", "_run", "detached", "finished", "reading")

    def __init__(self) -> None:
        self._events: list[StreamEvent] = []
        # Events the reader took last time and may still be handling (consumed once it is back).
        self._in_hand = 0
        self._reader: asyncio.Future[None] | None = None
        self._run: asyncio.Future[None] | None = None
        self.reading = False
        """A reader is iterating the events (and has not left)."""
        self.detached = False
        """The reader left before the end: events are dropped and the run never waits."""
        self.finished = False
        """The run has put its last event."""

    # ------------------------------------------------------------------------------ the run

    def put(self, event: StreamEvent) -> bool:
        """Hand on one event; True when the run should wait in ``room()`` before the next."""
        if self.detached:
            return False
        events = self._events
        events.append(event)
        reader = self._reader
        if reader is not None:
            self._reader = None
            if not reader.done():
                reader.set_result(None)
        return self.reading and len(events) >= READ_AHEAD

    async def room(self) -> None:
        """Wait until the reader has taken what it was handed (or left)."""
        while self.reading and len(self._events) >= READ_AHEAD:
            await self._wait_for_reader()

    async def caught_up(self) -> None:
        """Wait until the reader has consumed every event put so far (or left)."""
        while not self.detached and (self._events or self._in_hand):
            await self._wait_for_reader()

    def finish(self) -> None:
        """No more events: the reader ends once it has taken the rest."""
        self.finished = True
        self._wake_reader()

    async def _wait_for_reader(self) -> None:
        future = asyncio.get_running_loop().create_future()
        self._run = future
        try:
            await future
        finally:
            self._run = None

    def _wake_reader(self) -> None:
        reader = self._reader
        if reader is not None:
            self._reader = None
            if not reader.done():
                reader.set_result(None)

    # --------------------------------------------------------------------------- the reader

    def take(self) -> list[StreamEvent]:
        """Every event put since the last ``take``, in order (the reader is done with those it
        took before)."""
        events = self._events
        if events:
            self._events = []
        self._in_hand = len(events)
        run = self._run
        if run is not None and not run.done():
            run.set_result(None)
        return events

    async def wait(self) -> None:
        """Wait until an event is put or the run finishes."""
        future = asyncio.get_running_loop().create_future()
        self._reader = future
        try:
            await future
        finally:
            self._reader = None

    def detach(self) -> None:
        """The reader leaves: drop what it did not take, and stop holding the run back."""
        self.detached = True
        self.reading = False
        self._events = []
        self._in_hand = 0
        run = self._run
        if run is not None and not run.done():
            run.set_result(None)
