"""One client connection to the fake realtime server: frames in and out, checked and recorded."""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

if TYPE_CHECKING:
    from websockets.asyncio.server import ServerConnection

    from ._server import FakeRealtimeServer

__all__ = ("FakeRealtimeConnection",)

_event_ids = itertools.count(1)


class FakeRealtimeConnection:
    """A client's websocket as the fake server sees it.

    Handlers iterate it for the client's events (each checked against the spec when the server
    has a validator; one that fails is answered with an ``error`` event, as the real service
    does) and ``send`` server events (checked too). Tests read ``received`` and ``sent``, wait
    with ``wait_for``, and inject faults: ``send_raw``, ``close``, ``drop``, ``stall``.
    """

    def __init__(self, server: FakeRealtimeServer, socket: ServerConnection) -> None:
        self.server = server
        self._socket = socket
        request = socket.request
        target = urlsplit(request.path if request is not None else "/")
        self.path = target.path
        self.query: dict[str, str] = {k: v[-1] for k, v in parse_qs(target.query).items()}
        self.headers: dict[str, str] = (
            {name.lower(): value for name, value in request.headers.raw_items()}
            if request is not None
            else {}
        )
        """The handshake's headers, by lower-case name."""
        self.received: list[dict[str, Any]] = []
        """Every client event, parsed (valid or not), in order."""
        self.sent: list[dict[str, Any]] = []
        """Every server event sent with ``send`` (raw frames are not included)."""
        self.closed = False
        self.stalled = False
        self._changed = asyncio.Event()

    @property
    def intent(self) -> str:
        """What the client connected for: ``conversation`` (the default) or ``transcription``."""
        return self.query.get("intent") or "conversation"

    # ------------------------------------------------------------------------ receiving

    async def __aiter__(self) -> AsyncIterator[dict[str, Any]]:
        """The client's events, each valid per the spec (invalid ones are answered and skipped)."""
        from websockets.exceptions import ConnectionClosed

        while True:
            try:
                message = await self._socket.recv()
            except ConnectionClosed:
                self.closed = True
                self._notify()
                return
            event = await self._parse(message)
            if event is not None:
                yield event

    async def _parse(self, message: str | bytes) -> dict[str, Any] | None:
        try:
            event = json.loads(message)
        except ValueError:
            await self.send_error("invalid_request_error", "invalid_json", "The event is not JSON.")
            return None
        if not isinstance(event, dict):
            await self.send_error("invalid_request_error", "invalid_event", "Expected an object.")
            return None
        self.received.append(event)
        self._notify()
        errors = self.server.check("RealtimeClientEvent", event, direction="received")
        if errors:
            await self.send_error(
                "invalid_request_error",
                "invalid_value",
                f"Invalid '{event.get('type')}' event: {errors[0]}",
                event_id=event.get("event_id"),
            )
            return None
        return event

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()
        self.server.notify()

    def frames(self, kind: str | None = None) -> list[dict[str, Any]]:
        """The client events received, or those of one ``type``."""
        return [e for e in self.received if kind is None or e.get("type") == kind]

    async def wait_for(self, condition: Callable[[], Any], *, within: float = 10.0) -> Any:
        """Wait until ``condition()`` is truthy (checked as frames arrive); return its value."""
        async with asyncio.timeout(within):
            while True:
                value = condition()
                if value:
                    return value
                await self._changed.wait()

    async def wait_for_frame(
        self, kind: str, *, count: int = 1, within: float = 10.0
    ) -> dict[str, Any]:
        """Wait for the ``count``-th client event of type ``kind``; return it."""
        frames = await self.wait_for(
            lambda: (found := self.frames(kind)) and len(found) >= count and found,
            within=within,
        )
        frame: dict[str, Any] = frames[count - 1]
        return frame

    # ------------------------------------------------------------------------ sending

    async def send(self, event: dict[str, Any]) -> None:
        """Send a server event (given an ``event_id`` if it has none), checked against the spec."""
        event.setdefault("event_id", f"event_{next(_event_ids)}")
        self.server.check("RealtimeServerEvent", event, direction="sent")
        self.sent.append(event)
        await self.send_raw(json.dumps(event))

    async def send_error(
        self,
        type: str,
        code: str | None,
        message: str,
        *,
        param: str | None = None,
        event_id: str | None = None,
    ) -> None:
        """Send an ``error`` event."""
        await self.send(
            {
                "type": "error",
                "error": {
                    "type": type,
                    "code": code,
                    "message": message,
                    "param": param,
                    "event_id": event_id,
                },
            }
        )

    async def send_raw(self, text: str | bytes) -> None:
        """Send a frame as it is, unchecked (for malformed-frame tests)."""
        from websockets.exceptions import ConnectionClosed

        try:
            await self._socket.send(text)
        except ConnectionClosed:
            self.closed = True

    # ------------------------------------------------------------------------ faults

    async def close(self, code: int = 1000, reason: str = "") -> None:
        """Close the websocket with ``code`` and ``reason``."""
        self.closed = True
        await self._socket.close(code, reason)
        self._notify()

    def drop(self) -> None:
        """Cut the connection without a close frame (as a network failure does)."""
        self.closed = True
        transport = self._socket.transport
        if transport is not None:
            transport.abort()
        self._notify()

    def stall(self) -> None:
        """Stop reading from the client (pings go unanswered): a half-open connection."""
        self.stalled = True
        transport = self._socket.transport
        if transport is not None:
            transport.pause_reading()
