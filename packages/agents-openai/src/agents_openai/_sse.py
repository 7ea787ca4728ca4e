"""An incremental decoder of server-sent events, from raw bytes as they arrive off the socket.

Only the ``data`` of each event matters here (OpenAI's payloads name their own type), so the
decoder hands back each event's data as bytes, ready for the JSON parser, without decoding text.
OpenAI sends each event in an HTTP chunk of its own, so the common case, a chunk that is exactly
one whole event, takes one search and one slice.
"""

from __future__ import annotations

__all__ = ("SSEDecoder",)


class SSEDecoder:
    """``decode`` each chunk as it arrives; it returns the data of the events it completes."""

    __slots__ = ("_buffer", "_pending_cr")

    def __init__(self) -> None:
        self._buffer = b""
        self._pending_cr = False

    def decode(self, chunk: bytes) -> list[bytes]:
        """The data of every event that ``chunk`` completes, in order (comments, ids and events
        without data skipped); an unfinished event is kept for the next chunk."""
        if self._pending_cr or b"\r" in chunk:
            chunk = self._without_cr(chunk)
        buffer = self._buffer + chunk if self._buffer else chunk
        end = buffer.find(b"\n\n")
        if end == -1:
            self._buffer = buffer
            return []
        if end == len(buffer) - 2:
            self._buffer = b""
            data = _event_data(buffer, 0, end)
            return [] if data is None else [data]
        events: list[bytes] = []
        start = 0
        while end != -1:
            data = _event_data(buffer, start, end)
            if data is not None:
                events.append(data)
            start = end + 2
            end = buffer.find(b"\n\n", start)
        self._buffer = buffer[start:]
        return events

    def _without_cr(self, chunk: bytes) -> bytes:
        """``chunk`` with CRLF and lone CR line ends made LF (a CR at its end may be the first
        half of a CRLF split across chunks: it waits for the next)."""
        if self._pending_cr:
            chunk = b"\r" + chunk
            self._pending_cr = False
        if chunk.endswith(b"\r"):
            self._pending_cr = True
            chunk = chunk[:-1]
        return chunk.replace(b"\r\n", b"\n").replace(b"\r", b"\n")

    @property
    def has_partial_event(self) -> bool:
        """Whether bytes of an unfinished event are buffered (the stream stopped mid-event)."""
        return bool(self._buffer.strip())


def _event_data(buffer: bytes, start: int, end: int) -> bytes | None:
    """The data of the event block ``buffer[start:end]``, or None if it has none."""
    # Fast paths: OpenAI's events are "event: NAME\ndata: JSON" or a lone "data: JSON".
    if buffer.startswith(b"data: ", start):
        if buffer.find(b"\n", start, end) == -1:
            return buffer[start + 6 : end]
    elif buffer.startswith(b"event:", start):
        newline = buffer.find(b"\n", start, end)
        if (
            newline != -1
            and buffer.startswith(b"data: ", newline + 1)
            and buffer.find(b"\n", newline + 1, end) == -1
        ):
            return buffer[newline + 7 : end]
    if start == end:
        return None
    return _block_data(buffer[start:end])


def _block_data(block: bytes) -> bytes | None:
    """The joined ``data`` lines of one event block, or None if it has none (SSE rules)."""
    data: list[bytes] = []
    for line in block.split(b"\n"):
        if not line or line.startswith(b":"):
            continue
        name, _, value = line.partition(b":")
        if name == b"data":
            data.append(value[1:] if value.startswith(b" ") else value)
    return b"\n".join(data) if data else None
