"""Every error that realtime sessions raise or report, in one tree under ``AgentsException``.

::

    AgentsException (agents_core.exceptions)
    ├── RealtimeConnectionError     the websocket could not be opened, or was lost or closed
    │   └── RealtimeHandshakeError      the server refused the websocket handshake (status code)
    │       └── RealtimeAuthenticationError     ... because of the credentials (401 or 403)
    ├── RealtimeProtocolError       a frame that is not JSON, or not the shape its type promises
    ├── RealtimeAPIError            the server's ``error`` event (type, code, message, param)
    └── RealtimeScriptError         a scripted test model was used outside its script (testing)
        ├── UnexpectedRealtimeSend      a send did not match the next scripted step
        └── UnconsumedRealtimeSteps     steps were left over at ``assert_complete()``

A session reports a ``RealtimeAPIError`` or a ``RealtimeProtocolError`` as a ``RealtimeError``
event and goes on; a ``RealtimeConnectionError`` that no reconnect policy recovers is reported as
a ``RealtimeError`` event and then raised from the session's event iterator. Messages never
include the API key.
"""

from __future__ import annotations

from typing import Any

from agents_core.exceptions import AgentsException

__all__ = (
    "RealtimeAPIError",
    "RealtimeAuthenticationError",
    "RealtimeConnectionError",
    "RealtimeHandshakeError",
    "RealtimeProtocolError",
    "RealtimeScriptError",
    "UnconsumedRealtimeSteps",
    "UnexpectedRealtimeSend",
)


class RealtimeConnectionError(AgentsException):
    """The realtime websocket could not be opened, or it was lost or closed by the server.

    ``url`` is where it was going (without credentials); ``code`` and ``reason`` are the
    websocket close code and reason when the connection was closed (1006: lost without a close
    frame).
    """

    def __init__(
        self,
        message: str,
        *,
        url: str | None = None,
        code: int | None = None,
        reason: str | None = None,
    ) -> None:
        super().__init__(message)
        self.url = url
        self.code = code
        self.reason = reason


class RealtimeHandshakeError(RealtimeConnectionError):
    """The server answered the websocket handshake with an HTTP error; ``status_code`` says which.

    ``server_message`` is the error message from the response body, when it had one.
    """

    def __init__(
        self,
        message: str,
        *,
        url: str | None = None,
        status_code: int,
        server_message: str | None = None,
    ) -> None:
        super().__init__(message, url=url)
        self.status_code = status_code
        self.server_message = server_message


class RealtimeAuthenticationError(RealtimeHandshakeError):
    """The server refused the credentials (HTTP 401 or 403): check the API key or headers."""


class RealtimeProtocolError(AgentsException):
    """The server sent a frame this client cannot read: not JSON, or missing what its type needs.

    ``event_type`` is the frame's ``type`` when it had one; ``frame`` is the start of the frame.
    """

    def __init__(self, message: str, *, event_type: str | None = None, frame: str = "") -> None:
        super().__init__(message)
        self.event_type = event_type
        self.frame = frame


class RealtimeAPIError(AgentsException):
    """An ``error`` event from the realtime server.

    The attributes mirror the event's ``error`` object: ``type`` (such as
    ``invalid_request_error``), ``code``, ``message``, ``param`` and ``event_id`` (the client
    event that caused it, when the server says).
    """

    def __init__(
        self,
        message: str,
        *,
        type: str = "error",
        code: str | None = None,
        param: str | None = None,
        event_id: str | None = None,
    ) -> None:
        super().__init__(message)
        self.type = type
        self.code = code
        self.param = param
        self.event_id = event_id

    @classmethod
    def from_event(cls, error: Any) -> RealtimeAPIError:
        """Build one from the ``error`` object of a server ``error`` event."""
        if not isinstance(error, dict):
            return cls(f"The realtime server reported an error: {error!r}")
        message = str(error.get("message") or "The realtime server reported an error.")
        return cls(
            message,
            type=str(error.get("type") or "error"),
            code=error.get("code"),
            param=error.get("param"),
            event_id=error.get("event_id"),
        )

    def __repr__(self) -> str:
        return f"RealtimeAPIError(type={self.type!r}, code={self.code!r}, message={self.message!r})"


class RealtimeScriptError(AgentsException):
    """A scripted realtime model (``agents_realtime.testing``) was used outside its script."""


class UnexpectedRealtimeSend(RealtimeScriptError):
    """A send did not match the next scripted step; ``actual`` and ``expected`` say how."""

    def __init__(self, message: str, *, actual: Any, expected: Any) -> None:
        super().__init__(message)
        self.actual = actual
        self.expected = expected


class UnconsumedRealtimeSteps(RealtimeScriptError):
    """``assert_complete()`` found scripted steps that no send consumed."""

    def __init__(self, message: str, *, remaining_steps: int) -> None:
        super().__init__(message)
        self.remaining_steps = remaining_steps
