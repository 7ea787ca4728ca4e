"""Every error the OpenAI provider raises, in one tree under ``agents_core.AgentsException``.

::

    AgentsException                     (agents_core.exceptions)
    └── APIError                        any failure talking to the API; status, request id, message
        ├── APIConnectionError          no response: refused, reset, DNS, TLS
        │   └── APITimeoutError         no response in time (connect, read, write or pool timeout)
        ├── APIStatusError              the server answered with an error status (>= 400)
        │   ├── BadRequestError             400: the request was invalid; the server says why
        │   ├── AuthenticationError         401: the API key is missing, wrong or revoked
        │   ├── PermissionDeniedError       403: the key may not use this model or resource
        │   ├── NotFoundError               404: no such model, response, conversation or item
        │   ├── ConflictError               409
        │   ├── UnprocessableEntityError    422
        │   ├── RateLimitError              429: too many requests or tokens; ``retry_after``
        │   └── InternalServerError         >= 500
        ├── StreamInterruptedError      a stream ended before its terminal event
        ├── APIResponseValidationError  the body or an event is not the JSON the API sends
        └── ResponseFailedError         the server reported the response failed or incomplete

Every error carries ``status_code``, ``request_id`` and ``message`` (``None`` where the server
sent nothing). The API key never appears in a message, an attribute or a repr: errors hold the
method and URL of the request, never its headers.
"""

from __future__ import annotations

from typing import Any

from agents_core.exceptions import AgentsException

__all__ = (
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseFailedError",
    "StreamInterruptedError",
    "UnprocessableEntityError",
)


class APIError(AgentsException):
    """Base of every failure to get a usable answer from the OpenAI API (or a compatible server).

    ``status_code`` is the HTTP status (``None`` without a response), ``request_id`` the
    server's ``x-request-id``, ``server_message`` the server's own explanation, and ``body`` the
    parsed error body when there was one. ``method`` and ``url`` name the request.
    """

    def __init__(
        self,
        message: str,
        *,
        method: str | None = None,
        url: str | None = None,
        status_code: int | None = None,
        request_id: str | None = None,
        server_message: str | None = None,
        body: Any = None,
    ) -> None:
        super().__init__(message)
        self.method = method
        self.url = url
        self.status_code = status_code
        self.request_id = request_id
        self.server_message = server_message
        self.body = body

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}({self.message!r}, status_code={self.status_code!r}, "
            f"request_id={self.request_id!r})"
        )


class APIConnectionError(APIError):
    """No response arrived: the connection was refused, dropped, or could not be set up."""


class APITimeoutError(APIConnectionError):
    """No response arrived within the client's timeout."""


class APIStatusError(APIError):
    """The server answered with an error status; ``code``, ``param``, ``type`` are from its body.

    ``retry_after`` is the delay in seconds the server asked for (``Retry-After`` or
    ``retry-after-ms``), if it sent one; ``should_retry`` its ``x-should-retry`` verdict, if any.
    """

    status_code: int

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        method: str | None = None,
        url: str | None = None,
        request_id: str | None = None,
        server_message: str | None = None,
        body: Any = None,
        code: str | None = None,
        param: str | None = None,
        type: str | None = None,
        retry_after: float | None = None,
        should_retry: bool | None = None,
    ) -> None:
        super().__init__(
            message,
            method=method,
            url=url,
            status_code=status_code,
            request_id=request_id,
            server_message=server_message,
            body=body,
        )
        self.code = code
        self.param = param
        self.type = type
        self.retry_after = retry_after
        self.should_retry = should_retry


class BadRequestError(APIStatusError):
    """400: the server rejected the request; ``server_message`` says what was wrong."""


class AuthenticationError(APIStatusError):
    """401: the API key is missing, invalid or revoked."""


class PermissionDeniedError(APIStatusError):
    """403: the key is valid but may not use this model, project or resource."""


class NotFoundError(APIStatusError):
    """404: the model, response, conversation or item does not exist."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the current state of a resource (retried by default)."""


class UnprocessableEntityError(APIStatusError):
    """422: the request was well-formed but could not be processed."""


class RateLimitError(APIStatusError):
    """429: too many requests or tokens; ``retry_after`` is the server's suggested wait."""


class InternalServerError(APIStatusError):
    """A 5xx status: the server failed (retried by default)."""


class StreamInterruptedError(APIError):
    """A streamed reply stopped before its terminal event (``response.completed``, ``[DONE]``).

    Nothing is retried once a stream has delivered output, so the partial reply is never
    duplicated; ``events_received`` tells how far it got.
    """

    def __init__(self, message: str, *, events_received: int = 0, **details: Any) -> None:
        super().__init__(message, **details)
        self.events_received = events_received


class APIResponseValidationError(APIError):
    """The server sent a body or stream event that is not valid JSON of the expected shape."""


class ResponseFailedError(APIError):
    """The server reported that the response failed (``response.failed``, an ``error`` event) or
    stopped short (``response.incomplete``); ``code`` and ``server_message`` say why.

    ``response`` holds the final response object as the server sent it, when there was one.
    """

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        response: Any = None,
        **details: Any,
    ) -> None:
        super().__init__(message, **details)
        self.code = code
        self.response = response
