"""``OpenAIClient``: OpenAI's HTTP API over httpx2, with retries and one error translation.

Every httpx2 exception is turned into this package's error tree in this module and nowhere
else. The API key lives only in the request headers; no message, repr or log line shows it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import weakref
from collections.abc import AsyncGenerator, AsyncIterator, Iterator, Mapping, Sequence
from typing import Any, Generic, TypeVar

import httpx2

from agents_core.exceptions import UserError
from agents_core.logger import log

from ._config import (
    DEFAULT_BASE_URL,
    get_default_openai_base_url,
    get_default_openai_key,
)
from ._params import encode_body, omitted
from ._retry import RetryPolicy, retry_after_seconds
from ._sse import SSEDecoder
from .exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    StreamInterruptedError,
    UnprocessableEntityError,
)

__all__ = (
    "DEFAULT_TIMEOUT",
    "ByteStream",
    "EventStream",
    "Hidden",
    "OpenAIClient",
    "invalid_body_error",
)

T = TypeVar("T")

DEFAULT_TIMEOUT = httpx2.Timeout(600.0, connect=5.0)
"""Ten minutes for a response (long generations), five seconds to connect."""

_DEFAULT_LIMITS = httpx2.Limits(max_connections=1000, max_keepalive_connections=100)

_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}

_MISSING_KEY = (
    "No OpenAI API key is set. Set the OPENAI_API_KEY environment variable, call "
    "set_default_openai_key(...), or pass api_key=... to OpenAIProvider / OpenAIClient. "
    "(A compatible server that needs no key only needs base_url=... or OPENAI_BASE_URL.)"
)


def request_id(response: httpx2.Response) -> str | None:
    """The response's ``x-request-id`` header (read from the raw headers: no header object is
    searched and decoded per request)."""
    for name, value in response.headers.raw:
        if len(name) == 12 and name.lower() == b"x-request-id":
            return value.decode("latin-1")
    return None


class Hidden(Generic[T]):
    """Holds a value that must never be shown (the API key, headers carrying it): no repr or
    ``vars()`` dump of its owner reveals it."""

    __slots__ = ("value",)

    def __init__(self, value: T) -> None:
        self.value = value

    def __repr__(self) -> str:
        return "<hidden>"


class OpenAIClient:
    """A connection to OpenAI's API, or any server that speaks it (vLLM, Ollama, LiteLLM...).

    Settings come from the arguments, else from ``set_default_openai_key`` /
    ``set_default_openai_base_url``, else from ``OPENAI_API_KEY``, ``OPENAI_BASE_URL``,
    ``OPENAI_ORG_ID`` and ``OPENAI_PROJECT_ID``. Without a key, OpenAI's own API is refused with a
    ``UserError`` saying what to set; a server at another ``base_url`` is called without one.

    Pass ``http_client`` to use your own ``httpx2.AsyncClient`` (its lifetime stays yours);
    otherwise the client keeps a pooled ``httpx2.AsyncClient`` per event loop, closed by
    ``aclose()``. ``default_query`` suits Azure-style deployments (``{"api-version": ...}``).
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        organization: str | None = None,
        project: str | None = None,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, str] | None = None,
        timeout: float | httpx2.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int | None = None,
        retry_policy: RetryPolicy | None = None,
        http_client: httpx2.AsyncClient | None = None,
    ) -> None:
        self.base_url = (base_url or get_default_openai_base_url()).rstrip("/")
        key = api_key if api_key is not None else get_default_openai_key()
        if not key and self.base_url == DEFAULT_BASE_URL:
            raise UserError(_MISSING_KEY)
        organization = organization or os.environ.get("OPENAI_ORG_ID") or None
        project = project or os.environ.get("OPENAI_PROJECT_ID") or None
        headers: dict[str, str] = {"Accept": "application/json"}
        if key:
            headers["Authorization"] = f"Bearer {key}"
        if organization:
            headers["OpenAI-Organization"] = organization
        if project:
            headers["OpenAI-Project"] = project
        headers.update(default_headers or {})
        self._secret = Hidden(headers)
        # The headers of a request with a JSON body and no headers of its own, made once.
        self._json_headers = Hidden({**headers, "Content-Type": "application/json"})
        self.organization = organization
        self.project = project
        self.default_query = dict(default_query or {})
        self.timeout = timeout if isinstance(timeout, httpx2.Timeout) else httpx2.Timeout(timeout)
        policy = retry_policy or RetryPolicy()
        if max_retries is not None:
            policy = RetryPolicy(
                max_retries=max_retries,
                initial_delay=policy.initial_delay,
                max_delay=policy.max_delay,
                jitter=policy.jitter,
                max_retry_after=policy.max_retry_after,
            )
        self.retry_policy = policy
        self._user_client = http_client
        self._clients: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, httpx2.AsyncClient] = (
            weakref.WeakKeyDictionary()
        )
        # The loop and client of the last request (a weak lookup per request costs more).
        self._last: tuple[asyncio.AbstractEventLoop, httpx2.AsyncClient] | None = None
        self._urls: dict[str, httpx2.URL] = {}

    def __repr__(self) -> str:
        return f"OpenAIClient(base_url={self.base_url!r})"

    @property
    def has_api_key(self) -> bool:
        """Whether requests carry an API key."""
        return "Authorization" in self._secret.value

    def http_client(self) -> httpx2.AsyncClient:
        """The ``httpx2.AsyncClient`` requests go through on the running event loop."""
        if self._user_client is not None:
            return self._user_client
        loop = asyncio.get_running_loop()
        last = self._last
        if last is not None and last[0] is loop and not last[1].is_closed:
            return last[1]
        client = self._clients.get(loop)
        if client is None or client.is_closed:
            client = httpx2.AsyncClient(timeout=self.timeout, limits=_DEFAULT_LIMITS)
            self._clients[loop] = client
        # Only the loop's own client is kept here, and only while the loop runs requests: a
        # closed loop is replaced by the next request's.
        self._last = (loop, client)
        return client

    async def aclose(self) -> None:
        """Close the connections this client opened on the running loop (never a client you
        passed in); clients of other event loops are dropped, since only their loop can close
        them."""
        loop = asyncio.get_running_loop()
        self._last = None
        clients, self._clients = dict(self._clients), weakref.WeakKeyDictionary()
        for owner, client in clients.items():
            if owner is loop:
                await client.aclose()

    # ------------------------------------------------------------------------------ requests

    def _url(self, path: str) -> httpx2.URL:
        url = self._urls.get(path)
        if url is None:
            url = httpx2.URL(self.base_url + path)
            if len(self._urls) < 256:
                self._urls[path] = url
        return url

    def _request(
        self,
        method: str,
        path: str,
        body: Any,
        query: Mapping[str, Any] | None,
        headers: Mapping[str, str] | None,
    ) -> httpx2.Request:
        all_headers = (self._secret if body is None else self._json_headers).value
        if headers:
            all_headers = dict(all_headers)
            for name, value in headers.items():
                if omitted(value):  # openai's omit: send without this header
                    all_headers.pop(name, None)
                else:
                    all_headers[name] = value
        params = {**self.default_query, **query} if query else self.default_query or None
        return self.http_client().build_request(
            method,
            self._url(path),
            content=encode_body(body) if body is not None else None,
            params=params,
            headers=all_headers,
            timeout=self.timeout,
        )

    async def request_json(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> tuple[bytes, str | None]:
        """Send a request (retrying as the policy allows) and return the raw JSON body and the
        server's request id."""
        for retry in self._retries():
            request = self._request(method, path, body, query, headers)
            try:
                response = await self._send_once(request)
                try:
                    content = await response.aread()
                except _TRANSLATED as exc:
                    raise _translation(request, exc) from exc
                return content, request_id(response)
            except APIError as error:
                await retry.wait_or_raise(error)
        raise AssertionError("unreachable")  # pragma: no cover - _retries raises at the end

    @contextlib.asynccontextmanager
    async def stream(
        self,
        path: str,
        *,
        body: Any,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[EventStream]:
        """POST ``body`` and open its server-sent event stream.

        Failures before the stream starts are retried; once it has started, nothing is.
        """
        request, response = await self._open_post(path, body, query, headers)
        try:
            yield EventStream(request, response)
        finally:
            with contextlib.suppress(httpx2.HTTPError):
                await response.aclose()

    def connection_headers(self) -> dict[str, str]:
        """The headers every request carries (the API key, organization, project and your
        default headers), for connections this client does not make itself, such as a
        websocket. They hold the key: never log or show them."""
        return dict(self._secret.value)

    async def request_form(
        self,
        path: str,
        *,
        fields: Mapping[str, str | Sequence[str]],
        files: Mapping[str, tuple[str, bytes, str]],
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> tuple[bytes, str | None]:
        """POST a multipart form with files, such as an audio upload to
        ``/audio/transcriptions``, retrying as the policy allows; return the raw JSON body and
        the server's request id.

        ``files`` maps a field to ``(filename, content, content type)``. A sequence value sends
        its field once per item, named ``name[]``, as OpenAI's API expects of arrays.
        """
        data: dict[str, str | list[str]] = {
            name if isinstance(value, str) else f"{name}[]": (
                value if isinstance(value, str) else list(value)
            )
            for name, value in fields.items()
        }
        for retry in self._retries():
            request = self.http_client().build_request(
                "POST",
                self._url(path),
                data=data,
                files=dict(files),
                params={**self.default_query, **query} if query else self.default_query or None,
                headers={**self._secret.value, **(headers or {})},
                timeout=self.timeout,
            )
            try:
                response = await self._send_once(request)
                with _translated(request):
                    content = await response.aread()
                return content, request_id(response)
            except APIError as error:
                await retry.wait_or_raise(error)
        raise AssertionError("unreachable")  # pragma: no cover - _retries raises at the end

    @contextlib.asynccontextmanager
    async def stream_bytes(
        self,
        path: str,
        *,
        body: Any,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[ByteStream]:
        """POST ``body`` and open the raw bytes of the response as they arrive (binary audio
        from ``/audio/speech``, for instance).

        Failures before the body starts are retried; once it has started, nothing is.
        """
        request, response = await self._open_post(path, body, query, headers)
        try:
            yield ByteStream(request, response)
        finally:
            with contextlib.suppress(httpx2.HTTPError):
                await response.aclose()

    async def _open_post(
        self,
        path: str,
        body: Any,
        query: Mapping[str, Any] | None,
        headers: Mapping[str, str] | None,
    ) -> tuple[httpx2.Request, httpx2.Response]:
        """POST and return once the response's headers arrive, retrying failures as the policy
        allows (the body is left to read)."""
        for retry in self._retries():
            request = self._request("POST", path, body, query, headers)
            try:
                return request, await self._send_once(request)
            except APIError as error:
                await retry.wait_or_raise(error)
        raise AssertionError("unreachable")  # pragma: no cover - _retries raises at the end

    async def _send_once(self, request: httpx2.Request) -> httpx2.Response:
        """One attempt: the response once its headers arrive, or a translated error."""
        try:
            response = await self.http_client().send(request, stream=True)
        except _TRANSLATED as exc:
            raise _translation(request, exc) from exc
        if response.status_code < 400:
            return response
        try:
            content = await response.aread()
        except _TRANSLATED as exc:
            raise _translation(request, exc) from exc
        finally:
            await response.aclose()
        raise _status_error(request, response, content)

    def _retries(self) -> Iterator[_Attempt]:
        policy = self.retry_policy
        for number in range(policy.max_retries + 1):
            yield _Attempt(policy, number, is_last=number == policy.max_retries)


class _Attempt:
    """One try of a request; decides whether its failure is retried, and waits if it is."""

    __slots__ = ("is_last", "number", "policy")

    def __init__(self, policy: RetryPolicy, number: int, *, is_last: bool) -> None:
        self.policy = policy
        self.number = number
        self.is_last = is_last

    async def wait_or_raise(self, error: APIError) -> None:
        if self.is_last or not _retryable(self.policy, error):
            raise error
        server_delay = error.retry_after if isinstance(error, APIStatusError) else None
        delay = self.policy.delay(self.number + 1, server_delay)
        log().info(
            "retrying request",
            error=type(error).__name__,
            status_code=error.status_code,
            retry=self.number + 1,
            delay=round(delay, 3),
        )
        await asyncio.sleep(delay)


def _retryable(policy: RetryPolicy, error: APIError) -> bool:
    if isinstance(error, APIStatusError):
        if error.should_retry is not None:
            return error.should_retry
        return policy.should_retry_status(error.status_code)
    return isinstance(error, APIConnectionError)


class EventStream:
    """The server-sent events of one response: the data of each, as raw bytes, in order."""

    __slots__ = ("_request", "_response", "events_received", "request_id")

    def __init__(self, request: httpx2.Request, response: httpx2.Response) -> None:
        self._request = request
        self._response = response
        self.request_id = response.headers.get("x-request-id")
        self.events_received = 0
        content_type = response.headers.get("content-type", "")
        if not content_type.startswith("text/event-stream"):
            raise APIResponseValidationError(
                f"Expected a stream of server-sent events from {request.method} "
                f"{_safe_url(request)}, got content-type {content_type or 'none'!r}.",
                **_details(request, response),
            )

    async def batches(self) -> AsyncGenerator[list[bytes], None]:
        """The data of the events, in order: a list for each piece of the body that completes
        events (OpenAI sends each event in an HTTP chunk of its own, so usually one)."""
        decode = SSEDecoder().decode
        response = self._response
        # Without a content encoding the raw bytes are the body: skip httpx2's decoding layer.
        encoding = response.headers.get("content-encoding", "identity").strip().lower()
        chunks = response.aiter_raw() if encoding in ("", "identity") else response.aiter_bytes()
        try:
            async for chunk in chunks:
                events = decode(chunk)
                if events:
                    self.events_received += len(events)
                    yield events
        except httpx2.HTTPError as exc:
            raise self.interrupted(f"the connection failed ({type(exc).__name__})") from exc

    def interrupted(self, why: str) -> StreamInterruptedError:
        """The error for a stream that stopped before its end, and why."""
        return StreamInterruptedError(
            f"The stream from {self._request.method} {_safe_url(self._request)} stopped after "
            f"{self.events_received} events, before its end: {why}. Nothing was retried, since "
            "output had already been delivered.",
            events_received=self.events_received,
            **_details(self._request, self._response),
        )

    def invalid(self, error: APIError) -> APIError:
        """Attach this stream's request details to an error found in one of its events."""
        error.method, error.url = self._request.method, _safe_url(self._request)
        error.status_code = self._response.status_code
        error.request_id = self.request_id
        return error


class ByteStream:
    """The body of one response as it arrives, in chunks of raw bytes (the sizes the network
    delivers)."""

    __slots__ = ("_request", "_response", "bytes_received", "chunks_received", "request_id")

    def __init__(self, request: httpx2.Request, response: httpx2.Response) -> None:
        self._request = request
        self._response = response
        self.request_id = response.headers.get("x-request-id")
        self.bytes_received = 0
        self.chunks_received = 0

    @property
    def content_type(self) -> str:
        """The response's content type (``""`` when it names none)."""
        content_type: str = self._response.headers.get("content-type", "")
        return content_type

    async def chunks(self) -> AsyncIterator[bytes]:
        """The bytes of the body, in order, as they arrive."""
        try:
            async for chunk in self._response.aiter_bytes():
                if chunk:
                    self.bytes_received += len(chunk)
                    self.chunks_received += 1
                    yield chunk
        except httpx2.HTTPError as exc:
            raise StreamInterruptedError(
                f"The body of {self._request.method} {_safe_url(self._request)} stopped after "
                f"{self.bytes_received} bytes, before its end: the connection failed "
                f"({type(exc).__name__}). Nothing was retried, since output had already been "
                "delivered.",
                events_received=self.chunks_received,
                **_details(self._request, self._response),
            ) from exc


def _safe_url(request: httpx2.Request) -> str:
    # Query strings could carry credentials (Azure's api-key variant): report the path only.
    url = request.url
    return f"{url.scheme}://{url.netloc.decode('ascii')}{url.path}"


def _details(request: httpx2.Request, response: httpx2.Response | None = None) -> dict[str, Any]:
    details: dict[str, Any] = {"method": request.method, "url": _safe_url(request)}
    if response is not None:
        details["status_code"] = response.status_code
        details["request_id"] = response.headers.get("x-request-id")
    return details


_TRANSLATED = (httpx2.TimeoutException, httpx2.TransportError, httpx2.DecodingError)
"""The httpx2 exceptions that become this package's errors (the rest are bugs, left as they are)."""


@contextlib.contextmanager
def _translated(request: httpx2.Request) -> Iterator[None]:
    """The one place httpx2's exceptions become this package's errors."""
    try:
        yield
    except _TRANSLATED as exc:
        raise _translation(request, exc) from exc


def _translation(request: httpx2.Request, exc: Exception) -> APIError:
    """The error of this package that an httpx2 failure of ``request`` becomes."""
    if isinstance(exc, httpx2.TimeoutException):
        return APITimeoutError(
            f"{request.method} {_safe_url(request)} timed out ({type(exc).__name__}).",
            **_details(request),
        )
    return APIConnectionError(
        f"{request.method} {_safe_url(request)} failed: could not get a response "
        f"({type(exc).__name__}).",
        **_details(request),
    )


def _status_error(
    request: httpx2.Request, response: httpx2.Response, content: bytes
) -> APIStatusError:
    status = response.status_code
    body: Any = None
    error: dict[str, Any] = {}
    try:
        body = json.loads(content) if content else None
    except ValueError:
        body = content.decode("utf-8", "replace")[:2000]
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        error = body["error"]
    elif isinstance(body, dict):
        error = body
    server_message = error.get("message") if isinstance(error.get("message"), str) else None
    if server_message is None and isinstance(body, str) and body.strip():
        server_message = body.strip()[:500]
    cls = _STATUS_ERRORS.get(status, InternalServerError if status >= 500 else APIStatusError)
    text = f"{request.method} {_safe_url(request)} returned {status}"
    text += f": {server_message}" if server_message else "."
    should_retry = response.headers.get("x-should-retry")
    return cls(
        text,
        status_code=status,
        server_message=server_message,
        body=body,
        code=_str_or_none(error.get("code")),
        param=_str_or_none(error.get("param")),
        type=_str_or_none(error.get("type")),
        retry_after=retry_after_seconds(response.headers),
        should_retry=None if should_retry is None else should_retry == "true",
        **_details(request),
        request_id=response.headers.get("x-request-id"),
    )


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def invalid_body_error(
    what: str, content: bytes, cause: Exception, request_id: str | None
) -> APIResponseValidationError:
    """The error for a body that is not the JSON expected (raise it ``from cause``)."""
    text = content.decode("utf-8", "replace")
    clipped = text if len(text) <= 200 else text[:200] + "..."
    detail = str(cause).splitlines()[0] if str(cause) else type(cause).__name__
    return APIResponseValidationError(
        f"{what} is not valid ({detail}): {clipped}", request_id=request_id
    )
