"""The seam between a realtime model and the network: connect, send, receive, close.

``WebSocketTransport`` (the default) speaks websockets; a test or an application can give a
model any object with the same shape. Every ``websockets`` exception is translated here, once,
into ``agents_realtime.exceptions``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any, NotRequired, Protocol

from typing_extensions import TypedDict

from agents_core.exceptions import UserError

from ..exceptions import (
    RealtimeAuthenticationError,
    RealtimeConnectionError,
    RealtimeHandshakeError,
)

__all__ = (
    "RealtimeTransport",
    "RealtimeTransportConnection",
    "TransportConfig",
    "WebSocketTransport",
    "safe_url",
)

_USER_AGENT = "agents-realtime/0.1 (python)"
_SECRET_QUERY = re.compile(r"((?:api[-_]?key|key|token|access_token|client_secret)=)[^&]*", re.I)


def safe_url(url: str) -> str:
    """``url`` with any credential in its query string replaced by ``***``."""
    return _SECRET_QUERY.sub(r"\1***", url)


class TransportConfig(TypedDict):
    """Low-level websocket settings.

    ``ping_interval`` / ``ping_timeout`` (seconds, default 20 / 20) bound how long a silent,
    half-open connection goes unnoticed; ``handshake_timeout`` (default 10) bounds opening it;
    ``close_timeout`` (default 2) bounds closing it; ``max_size`` is the largest message
    accepted (default 8 MiB, None for no limit).
    """

    ping_interval: NotRequired[float | None]
    ping_timeout: NotRequired[float | None]
    handshake_timeout: NotRequired[float]
    close_timeout: NotRequired[float]
    max_size: NotRequired[int | None]


class RealtimeTransportConnection(Protocol):
    """One open connection: text messages in and out."""

    async def send(self, message: str) -> None:
        """Send one text message; raises ``RealtimeConnectionError`` when closed."""
        ...

    async def recv(self) -> str | bytes:
        """The next message; raises ``RealtimeConnectionError`` (with the close code) at the end."""
        ...

    async def close(self) -> None:
        """Close the connection (a normal close)."""
        ...


class RealtimeTransport(Protocol):
    """Opens connections to a realtime server."""

    async def connect(self, url: str, headers: Mapping[str, str]) -> RealtimeTransportConnection:
        """Open a connection; raises ``RealtimeConnectionError`` or one of its subclasses."""
        ...


def _server_message(body: bytes | bytearray | None) -> str | None:
    if not body:
        return None
    try:
        data = json.loads(body)
    except ValueError:
        text = body.decode("utf-8", "replace").strip()
        return text[:300] or None
    error = data.get("error") if isinstance(data, dict) else None
    if isinstance(error, dict) and isinstance(error.get("message"), str):
        return str(error["message"])[:300]
    return None


def _without_secrets(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        if len(secret) >= 8:
            text = text.replace(secret, "***")
    return text


def _closed_error(exc: Any, url: str) -> RealtimeConnectionError:
    received = getattr(exc, "rcvd", None)
    sent = getattr(exc, "sent", None)
    code = received.code if received is not None else 1006
    reason = received.reason if received is not None else ""
    if received is None and sent is not None and sent.code == 1011:
        # This side gave up on the peer (no answer to keepalive pings).
        code, reason = sent.code, sent.reason
        message = f"The realtime connection to {url} stopped answering ({reason}, code {code})."
    elif received is None:
        message = f"The realtime connection to {url} was lost (no close frame, code 1006)."
    else:
        detail = f": {reason}" if reason else ""
        message = f"The realtime server closed the connection to {url} (code {code}{detail})."
    return RealtimeConnectionError(message, url=url, code=code, reason=reason)


class _WebSocketConnection:
    """A ``websockets`` client connection behind the ``RealtimeTransportConnection`` shape."""

    __slots__ = ("_closed_type", "_socket", "_url")

    def __init__(self, socket: Any, url: str) -> None:
        from websockets.exceptions import ConnectionClosed

        self._socket = socket
        self._url = url
        self._closed_type = ConnectionClosed

    async def send(self, message: str) -> None:
        try:
            await self._socket.send(message)
        except self._closed_type as exc:
            raise _closed_error(exc, self._url) from exc

    async def recv(self) -> str | bytes:
        try:
            message: str | bytes = await self._socket.recv()
        except self._closed_type as exc:
            raise _closed_error(exc, self._url) from exc
        return message

    async def close(self) -> None:
        await self._socket.close()


class WebSocketTransport:
    """Connects over websockets (``wss://`` or ``ws://``), with the given ``TransportConfig``."""

    def __init__(self, config: TransportConfig | None = None) -> None:
        self.config: TransportConfig = config or {}

    async def connect(self, url: str, headers: Mapping[str, str]) -> RealtimeTransportConnection:
        from websockets.asyncio.client import connect
        from websockets.exceptions import InvalidStatus, InvalidURI, WebSocketException

        shown = safe_url(url)
        secrets = [value.split(" ")[-1] for value in headers.values()]
        config = self.config
        try:
            socket = await connect(
                url,
                additional_headers=dict(headers),
                user_agent_header=_USER_AGENT,
                # Base64 audio does not compress; deflate would only cost CPU per message.
                compression=None,
                open_timeout=config.get("handshake_timeout", 10.0),
                ping_interval=config.get("ping_interval", 20.0),
                ping_timeout=config.get("ping_timeout", 20.0),
                # Waiting long for the close handshake of a peer that stopped answering only
                # delays reporting it.
                close_timeout=config.get("close_timeout", 2.0),
                max_size=config.get("max_size", 8 * 1024 * 1024),
            )
        except InvalidURI:
            raise UserError(f"Not a websocket URL: {shown}") from None
        except InvalidStatus as exc:
            status = exc.response.status_code
            server_message = _server_message(exc.response.body)
            if server_message is not None:
                server_message = _without_secrets(server_message, secrets)
            detail = f": {server_message}" if server_message else ""
            error_type = (
                RealtimeAuthenticationError if status in (401, 403) else RealtimeHandshakeError
            )
            raise error_type(
                f"The realtime server at {shown} refused the connection (HTTP {status}){detail}",
                url=shown,
                status_code=status,
                server_message=server_message,
            ) from None
        except (OSError, TimeoutError, WebSocketException) as exc:
            reason = _without_secrets(str(exc) or type(exc).__name__, secrets)
            raise RealtimeConnectionError(
                f"Could not open the realtime connection to {shown}: {reason}", url=shown
            ) from exc
        return _WebSocketConnection(socket, shown)
