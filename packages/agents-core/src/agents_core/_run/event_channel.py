"""The hand-off of a streamed run's events from the task running it to the task reading them."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .._items.stream_events import (
    AgentUpdatedStreamEvent,
    RawResponsesStreamEvent,
    RunItemStreamEvent,
)

if TYPE_CHECKING:
    from .._items.stream_types import TResponseStreamEvent

Decode = Callable[[Any], "TResponseStreamEvent"]

RUN_EVENTS = (RawResponsesStreamEvent, RunItemStreamEvent, AgentUpdatedStreamEvent)
"""The events a reader gets as they were put; anything else is an item of the model's stream,
which the reader decodes and wraps in a ``RawResponsesStreamEvent``."""

__all__ = ("READ_AHEAD", "RUN_EVENTS", "EventChannel")

READ_AHEAD = 16
"""How many events a run may get ahead of a reader that is reading (counting those the reader
holds but has not finished with): past that, the run (and the model stream it reads) waits, so
a slow reader holds the stream back instead of piling its events up in memory."""


class EventChannel:
    """The events of one streamed run, on their way from the run to its reader.

    The run ``put``s events without waiting; the reader ``take``s everything put since it last
    looked, so a burst of events (one network read can hold many) costs the reader one wake-up,
    not one per event. Besides run events, the channel carries the items of the model's stream
    as the model produced them (typed events, or payloads of a ``ResponseEventStream``): the
    reader turns each into its event with ``decode``, the current stream's decoder.

    While a reader is reading, ``put`` says when the run is ``READ_AHEAD`` events ahead, and the
    run waits in ``room()`` until the reader comes back for more. An event is consumed once the
    reader comes back for more after it; ``caught_up()`` waits for that, which is what holds a
    run at a turn boundary until its reader has seen the turn before.
    """

    __slots__ = (
        "_events",
        "_in_hand",
        "_reader",
        "_run",
        "decode",
        "detached",
        "finished",
        "reading",
    )

    def __init__(self) -> None:
        self._events: list[Any] = []
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
        self.decode: Decode = _typed
        """Turns an item of the current model stream into its event."""

    # ------------------------------------------------------------------------------ the run

    def put(self, event: Any) -> bool:
        """Hand on one event (or stream item); True when the run should wait in ``room()``
        before the next."""
        if self.detached:
            return False
        self._events.append(event)
        return self._handed_on()

    def put_all(self, items: list[Any]) -> bool:
        """``put`` for a batch of stream items, in order."""
        if self.detached:
            return False
        self._events.extend(items)
        return self._handed_on()

    def _handed_on(self) -> bool:
        """Wake the waiting reader; True when the reader is that far behind that the run waits."""
        reader = self._reader
        if reader is not None:
            self._reader = None
            if not reader.done():
                reader.set_result(None)
        return self.reading and len(self._events) + self._in_hand >= READ_AHEAD

    def begin_stream(self, decode: Decode | None) -> None:
        """A new model stream starts, whose items ``decode`` turns into events (None: its
        items are typed events). Items of the stream before that are still waiting are decoded
        now, with the decoder they belong to."""
        previous = self.decode
        if self._events:
            self._events = [
                item if isinstance(item, RUN_EVENTS) else RawResponsesStreamEvent(previous(item))
                for item in self._events
            ]
        self.decode = decode or _typed

    async def room(self) -> None:
        """Wait until the reader has come back for more (or left)."""
        while self.reading and len(self._events) + self._in_hand >= READ_AHEAD:
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

    def take(self) -> list[Any]:
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

    def waiter(self) -> asyncio.Future[None]:
        """A future the reader awaits until an event is put or the run finishes (awaited by
        the reader itself: one coroutine fewer to resume at each wake-up)."""
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._reader = future
        return future

    def detach(self) -> None:
        """The reader leaves: drop what it did not take, and stop holding the run back."""
        self.detached = True
        self.reading = False
        self._events = []
        self._in_hand = 0
        run = self._run
        if run is not None and not run.done():
            run.set_result(None)


def _typed(item: Any) -> TResponseStreamEvent:
    event: TResponseStreamEvent = item
    return event
