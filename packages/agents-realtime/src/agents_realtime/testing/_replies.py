"""What the fake realtime server answers with: messages, tool calls, and how to stream them."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    from ._conversation import ConversationState

__all__ = (
    "FunctionCallReply",
    "MCPApprovalRequestReply",
    "MessageReply",
    "RealtimeReply",
    "RealtimeResponder",
    "as_reply",
)


@dataclass
class MessageReply:
    """An assistant message: ``text`` is spoken when the session's output is audio.

    ``audio`` is the PCM16 24 kHz audio to send (by default a tone as long as the text).
    """

    text: str
    audio: bytes | None = None


@dataclass
class FunctionCallReply:
    """The model calls a function (a tool or a handoff) with ``arguments``."""

    name: str
    arguments: Mapping[str, Any] | str = field(default_factory=dict)
    call_id: str | None = None

    @property
    def arguments_json(self) -> str:
        """The arguments as the JSON text the model sends."""
        if isinstance(self.arguments, str):
            return self.arguments
        return json.dumps(dict(self.arguments))


@dataclass
class MCPApprovalRequestReply:
    """A hosted MCP server asks whether the model may call its tool ``name``."""

    server_label: str
    name: str
    arguments: Mapping[str, Any] = field(default_factory=dict)


Output: TypeAlias = MessageReply | FunctionCallReply | MCPApprovalRequestReply


@dataclass
class RealtimeReply:
    """One response of the model: its outputs, in order.

    ``stall_after_ms`` stops streaming after that much audio (or, for text, that many
    characters) and waits, with the response still live, until ``resume()`` is called or the
    response is cancelled: for tests of interruptions. ``audio_chunk_ms`` sets the size of the
    audio deltas; ``delta_interval_ms`` spaces them out in time. For latency measurements,
    ``stamp_deltas`` writes ``time.monotonic_ns()`` at sending into the first 8 bytes
    (little-endian) of each audio delta. ``failure`` (``{"type": ..., "code": ...}``) ends the
    response as ``failed`` with that error, after its output.
    """

    output: Sequence[Output]
    stall_after_ms: float | None = None
    audio_chunk_ms: float = 100.0
    delta_interval_ms: float | None = None
    stamp_deltas: bool = False
    failure: Mapping[str, str] | None = None
    _resumed: asyncio.Event | None = field(default=None, repr=False)

    def resume(self) -> None:
        """Let a stalled response stream the rest of its output."""
        self.resume_event().set()

    def resume_event(self) -> asyncio.Event:
        """The event a stalled response waits for."""
        if self._resumed is None:
            self._resumed = asyncio.Event()
        return self._resumed


RealtimeResponder: TypeAlias = Callable[["ConversationState"], "RealtimeReply | Any | None"]
"""Chooses the reply to a ``response.create`` from the conversation so far (None: use the
queue of scripted replies)."""


def as_reply(reply: Any) -> RealtimeReply:
    """A reply from its shorthand: a string (a message), an output, or a list of outputs."""
    if isinstance(reply, RealtimeReply):
        return reply
    if isinstance(reply, str):
        return RealtimeReply(output=[MessageReply(reply)])
    if isinstance(reply, MessageReply | FunctionCallReply | MCPApprovalRequestReply):
        return RealtimeReply(output=[reply])
    if isinstance(reply, list | tuple):
        return RealtimeReply(output=[as_reply(part).output[0] for part in reply])
    raise TypeError(
        f"Cannot script {reply!r}: use a RealtimeReply, a MessageReply, a FunctionCallReply, "
        "an MCPApprovalRequestReply, a string, or a list of them."
    )
