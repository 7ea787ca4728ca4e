"""What a test scripts the fake server to answer: model replies, errors, raw bodies and streams."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeAlias

__all__ = ("ErrorReply", "Gate", "ModelReply", "RawReply", "Reply", "StreamReply")


class Gate:
    """Holds a streamed reply at a point until ``open()`` is called (from any thread).

    Use it to prove that a client surfaces events as they arrive: the server sends part of the
    stream, the test sees those events, then opens the gate for the rest.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._opened = False
        self._waiters: list[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = []

    @property
    def is_open(self) -> bool:
        """Whether ``open()`` has been called."""
        return self._opened

    def open(self) -> None:
        """Let every held stream go on; later waits pass at once."""
        with self._lock:
            self._opened = True
            waiters, self._waiters = self._waiters, []
        for loop, event in waiters:
            loop.call_soon_threadsafe(event.set)

    async def wait(self) -> None:
        """Wait until the gate is open."""
        event = asyncio.Event()
        with self._lock:
            if self._opened:
                return
            self._waiters.append((asyncio.get_running_loop(), event))
        await event.wait()


@dataclass
class ModelReply:
    """A model's reply, served in the shape the request asks for.

    ``output`` holds Responses output items: strings (an assistant message each), items built
    with ``agents.testing``'s ``assistant_message``, ``function_call`` or ``reasoning``, or plain
    dicts (hosted tool calls, say). The same reply answers ``/responses`` and
    ``/chat/completions``, as one JSON body or as a stream, whichever the request asked for.

    ``status`` ``"failed"`` or ``"incomplete"`` ends the response that way (with ``error`` or
    ``incomplete_reason``). Faults: ``delay`` seconds before anything is sent (a slow server);
    for streams, ``cut_after`` events then the connection drops, and ``pause_after`` events then
    the stream waits for ``gate``.
    """

    output: Sequence[Any] | str = ()
    usage: Mapping[str, Any] | None = None
    response_id: str | None = None
    status: Literal["completed", "failed", "incomplete"] = "completed"
    error: Mapping[str, Any] | None = None
    incomplete_reason: str = "max_output_tokens"
    delay: float = 0.0
    cut_after: int | None = None
    pause_after: int | None = None
    gate: Gate | None = None
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass
class ErrorReply:
    """An error status with OpenAI's error body, optionally with ``Retry-After`` /
    ``retry-after-ms`` headers and a ``delay`` before it is sent."""

    status: int
    message: str = "The fake server was told to fail this request."
    type: str | None = None
    code: str | None = None
    param: str | None = None
    retry_after: float | str | None = None
    retry_after_ms: int | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class RawReply:
    """Exactly these bytes as the body (malformed JSON, a wrong content type...).

    ``cut`` drops the connection half-way through the body instead of finishing it.
    """

    body: bytes | str
    status: int = 200
    content_type: str = "application/json"
    headers: Mapping[str, str] = field(default_factory=dict)
    delay: float = 0.0
    cut: bool = False


@dataclass
class StreamReply:
    """A hand-written event stream: each entry is an event (a dict, sent as JSON) or raw text
    or bytes sent exactly as given (to script malformed SSE, or a stream rendered in advance).
    It ends cleanly (``end="close"``) or with the connection dropped (``end="cut"``); ``done``
    appends ``data: [DONE]``."""

    events: Sequence[Mapping[str, Any] | str | bytes]
    end: Literal["close", "cut"] = "close"
    done: bool = False
    delay: float = 0.0
    pause_after: int | None = None
    gate: Gate | None = None
    headers: Mapping[str, str] = field(default_factory=dict)


Reply: TypeAlias = ModelReply | ErrorReply | RawReply | StreamReply
"""Anything the fake server can be scripted to answer."""
