"""An incremental decoder of server-sent events, from raw bytes as they arrive off the socket.

Only the ``data`` of each event matters here (OpenAI's payloads name their own type), so the
decoder hands back each event's data as bytes, ready for the JSON parser, without decoding text.
It cuts events out of what it has buffered only as they are asked for, so a read that holds
hundreds of events never becomes hundreds of objects at once.
"""

from __future__ import annotations

__all__ = ("SSEDecoder",)


class SSEDecoder:
    """``feed`` it chunks; ``take`` returns the data of complete events, a few at a time."""

    __slots__ = ("_buffer", "_pending_cr", "_start")

    def __init__(self) -> None:
        self._buffer = b""
        self._start = 0
        self._pending_cr = False

    def feed(self, chunk: bytes) -> None:
        """Add bytes read from the stream."""
        if self._pending_cr:
            chunk = b"\r" + chunk
            self._pending_cr = False
        if b"\r" in chunk:
            if chunk.endswith(b"\r"):
                # A CR at the end may be the first half of a CRLF split across chunks.
                self._pending_cr = True
                chunk = chunk[:-1]
            chunk = chunk.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        if self._start:
            self._buffer = self._buffer[self._start :] + chunk
            self._start = 0
        else:
            self._buffer = self._buffer + chunk if self._buffer else chunk

    def take(self, limit: int) -> list[bytes]:
        """The data of up to ``limit`` complete events, in order (comments and ids skipped)."""
        payloads: list[bytes] = []
        buffer, start = self._buffer, self._start
        while len(payloads) < limit:
            end = buffer.find(b"\n\n", start)
            if end == -1:
                break
            block = buffer[start:end]
            start = end + 2
            if not block:
                continue
            # Fast path: OpenAI's events are "event: NAME\ndata: JSON" or a lone "data: JSON".
            newline = block.find(b"\n")
            if newline == -1:
                if block.startswith(b"data: "):
                    payloads.append(block[6:])
                    continue
            elif (
                block.startswith(b"event:")
                and block.startswith(b"data: ", newline + 1)
                and block.find(b"\n", newline + 1) == -1
            ):
                payloads.append(block[newline + 7 :])
                continue
            data = _block_data(block)
            if data is not None:
                payloads.append(data)
        self._start = start
        return payloads

    @property
    def has_partial_event(self) -> bool:
        """Whether bytes of an unfinished event are buffered (the stream stopped mid-event)."""
        return bool(self._buffer[self._start :].strip())


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
