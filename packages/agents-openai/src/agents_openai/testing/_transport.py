"""The fake server's HTTP/1.1 plumbing: reading requests and writing bodies, streams and faults.

Pure asyncio streams on 127.0.0.1, keep-alive connections, JSON bodies with Content-Length and
event streams with chunked transfer encoding, so any HTTP client sees what a real server sends.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from ._replies import Gate
from ._request_view import RequestView

__all__ = ("HTTPConnection", "RecordedRequest", "serve_connection")

_REASONS = {
    200: "OK",
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    408: "Request Timeout",
    409: "Conflict",
    422: "Unprocessable Entity",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}
_MAX_HEAD = 64 * 1024


@dataclass
class RecordedRequest:
    """One request the fake server received, as it arrived."""

    method: str
    path: str
    """The path without the query string, such as ``/v1/responses``."""
    query: dict[str, str]
    headers: dict[str, str]
    """Header names in lower case."""
    body: bytes = field(repr=False)

    @cached_property
    def json(self) -> Any:
        """The body parsed as JSON (``None`` for an empty body)."""
        return json.loads(self.body) if self.body else None

    @property
    def view(self) -> RequestView:
        """A model request read the same way whichever API it used: offered functions,
        instructions, messages, calls and outputs (``ValueError`` for other requests)."""
        if self.path.endswith("/responses"):
            return RequestView("responses", self.json)
        if self.path.endswith("/chat/completions"):
            return RequestView("chat", self.json)
        raise ValueError(f"{self.method} {self.path} is not a model request.")


class _ClientGone(Exception):
    """The client closed its connection."""


class HTTPConnection:
    """Writes one response at a time on a keep-alive connection."""

    def __init__(self, writer: asyncio.StreamWriter, request_number: Callable[[], int]) -> None:
        self._writer = writer
        self._request_number = request_number
        self.keep_alive = True

    def _head(self, status: int, headers: Mapping[str, str]) -> bytes:
        lines = [f"HTTP/1.1 {status} {_REASONS.get(status, 'Status')}"]
        lines.append(f"x-request-id: req_fake_{self._request_number()}")
        if not self.keep_alive:
            lines.append("connection: close")
        lines.extend(f"{name}: {value}" for name, value in headers.items())
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")

    async def send_body(
        self,
        status: int,
        body: bytes,
        *,
        content_type: str = "application/json",
        headers: Mapping[str, str] | None = None,
        cut: bool = False,
    ) -> None:
        """A complete body with Content-Length (``cut`` stops half-way and drops the line)."""
        all_headers = {"content-type": content_type, "content-length": str(len(body))}
        all_headers.update(headers or {})
        if cut:
            self._writer.write(self._head(status, all_headers) + body[: len(body) // 2])
            await self._drain()
            self.abort()
            return
        self._writer.write(self._head(status, all_headers) + body)
        await self._drain()

    async def send_stream(
        self,
        events: Sequence[bytes],
        *,
        headers: Mapping[str, str] | None = None,
        cut_after: int | None = None,
        pause_after: int | None = None,
        gate: Gate | None = None,
        interval: float | None = None,
    ) -> None:
        """An event stream, one chunk per event; it may pause at a gate or drop the line.

        With ``interval`` ``None`` the chunks go out in one write (a client reads many events
        at once); otherwise each chunk is written on its own, ``interval`` seconds after the
        one before (0: at once, though other connections get their turn in between), as
        OpenAI streams tokens while it generates them.
        """
        all_headers = {
            "content-type": "text/event-stream; charset=utf-8",
            "transfer-encoding": "chunked",
            "cache-control": "no-cache",
        }
        all_headers.update(headers or {})
        stop = len(events) if cut_after is None else min(cut_after, len(events))
        pause = pause_after if pause_after is not None and gate is not None else None
        if interval is not None:
            await self._send_paced(events[:stop], all_headers, pause, gate, interval)
            buffer = []
        else:
            buffer = [self._head(200, all_headers)]
            for index, event in enumerate(events[:stop]):
                if index == pause:
                    self._writer.write(b"".join(buffer))
                    buffer = []
                    await self._drain()
                    assert gate is not None
                    await gate.wait()
                buffer.append(b"%x\r\n%s\r\n" % (len(event), event))
        if cut_after is None:
            buffer.append(b"0\r\n\r\n")
        self._writer.write(b"".join(buffer))
        await self._drain()
        if cut_after is not None:
            self.abort()

    async def _send_paced(
        self,
        events: Sequence[bytes],
        headers: Mapping[str, str],
        pause: int | None,
        gate: Gate | None,
        interval: float,
    ) -> None:
        write = self._writer.write
        write(self._head(200, headers))
        await self._drain()
        for index, event in enumerate(events):
            if index == pause:
                assert gate is not None
                await gate.wait()
            elif index:
                await asyncio.sleep(interval)
            write(b"%x\r\n%s\r\n" % (len(event), event))
            await self._drain()

    async def start_chunked(self, status: int, headers: Mapping[str, str]) -> None:
        """Send the head of a body that follows in chunks (``send_chunk``, then ``end_chunked``
        or ``abort``), so a reply can be paced, held or cut anywhere."""
        all_headers = {"transfer-encoding": "chunked", **headers}
        self._writer.write(self._head(status, all_headers))
        await self._drain()

    async def send_chunk(self, data: bytes) -> None:
        """One chunk of a body started with ``start_chunked``."""
        if data:
            self._writer.write(b"%x\r\n%s\r\n" % (len(data), data))
            await self._drain()

    async def end_chunked(self) -> None:
        """End a body started with ``start_chunked``."""
        self._writer.write(b"0\r\n\r\n")
        await self._drain()

    def abort(self) -> None:
        """Drop the connection at once, without finishing the response."""
        self.keep_alive = False
        self._writer.transport.abort()

    async def _drain(self) -> None:
        try:
            await self._writer.drain()
        except ConnectionError as exc:
            raise _ClientGone from exc


async def _read_request(reader: asyncio.StreamReader) -> RecordedRequest | None:
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
        return None
    lines = head[:-4].decode("latin-1").split("\r\n")
    method, target, _ = lines[0].split(" ", 2)
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    try:
        if headers.get("transfer-encoding", "").lower() == "chunked":
            body = await _read_chunked(reader)
        else:
            body = await reader.readexactly(int(headers.get("content-length", "0")))
    except (asyncio.IncompleteReadError, ConnectionError):
        return None
    parts = urlsplit(target)
    return RecordedRequest(
        method=method,
        path=unquote(parts.path),
        query=dict(parse_qsl(parts.query)),
        headers=headers,
        body=body,
    )


async def _read_chunked(reader: asyncio.StreamReader) -> bytes:
    body = bytearray()
    while True:
        size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
        if size == 0:
            await reader.readuntil(b"\r\n")
            return bytes(body)
        body += await reader.readexactly(size)
        await reader.readexactly(2)


async def serve_connection(
    reader: asyncio.StreamReader,
    writer: asyncio.StreamWriter,
    handle: Callable[[RecordedRequest, HTTPConnection], Awaitable[None]],
    request_number: Callable[[], int],
) -> None:
    """Answer requests on one connection until the client leaves or a reply drops the line."""
    connection = HTTPConnection(writer, request_number)
    try:
        while connection.keep_alive:
            request = await _read_request(reader)
            if request is None:
                break
            if request.headers.get("connection", "").lower() == "close":
                connection.keep_alive = False
            await handle(request, connection)
    except (_ClientGone, ConnectionError):
        pass
    finally:
        writer.close()
