"""``FakeOpenAIServer``: OpenAI's HTTP API on 127.0.0.1, answering from a script.

It speaks the real wire format (JSON bodies and server-sent events) for ``/responses``,
``/chat/completions`` and the Conversations API, records every request, and can be told to fail
in every way the real service does. Run it inside a test's event loop (``async with``) or in a
background thread for synchronous code (``with``).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any

from ._audio import FakeAudio
from ._conversations import ConversationStore
from ._offered import unoffered_call
from ._replies import ErrorReply, ModelReply, RawReply, Reply, StreamReply
from ._transport import HTTPConnection, RecordedRequest, serve_connection
from ._wire import (
    chat_chunks,
    chat_completion,
    response_events,
    response_object,
    sse_event,
    usage_json,
)

if TYPE_CHECKING:
    from .._http import OpenAIClient
    from .._provider import OpenAIProvider

__all__ = ("FakeOpenAIServer", "Responder", "Route", "Validator")

Validator = Callable[[str, Any], list[str]]
"""``(schema name, JSON body) -> errors``: checks what the server receives and sends against
OpenAI's OpenAPI spec (an empty list means valid)."""

Responder = Callable[[RecordedRequest], "Reply | None"]
"""Chooses the reply to a model request; ``None`` falls back to the queue of scripted replies."""

Route = Callable[[RecordedRequest, HTTPConnection], Awaitable[None]]
"""Answers the requests of one endpoint (see ``FakeOpenAIServer.route``)."""


def _output_json(item: Any, number: int) -> dict[str, Any]:
    if isinstance(item, str):
        return {
            "type": "message",
            "id": f"msg_fake_{number}",
            "role": "assistant",
            "status": "completed",
            "content": [{"type": "output_text", "text": item, "annotations": [], "logprobs": []}],
        }
    if isinstance(item, Mapping):
        return dict(item)
    to_input_item = getattr(item, "to_input_item", None)
    if to_input_item is None:
        raise TypeError(f"A scripted output item must be a str, a dict or an item model: {item!r}")
    result: dict[str, Any] = to_input_item()
    return result


def _as_reply(reply: Any) -> Reply:
    if isinstance(reply, ModelReply | ErrorReply | RawReply | StreamReply):
        return reply
    if isinstance(reply, str | Mapping) or hasattr(reply, "to_input_item"):
        return ModelReply(output=[reply])
    if isinstance(reply, list | tuple):
        return ModelReply(output=list(reply))
    raise TypeError(
        f"Cannot script {reply!r}: use a ModelReply, ErrorReply, RawReply or StreamReply."
    )


class FakeOpenAIServer:
    """A scripted stand-in for OpenAI's API on 127.0.0.1, for offline tests and demos.

    Script replies with ``add(...)`` (answered in order) or a ``responder`` function; point a
    provider at it with ``server.provider()`` (or ``base_url=server.base_url`` and
    ``api_key=server.api_key``). Every request lands in ``requests`` (unless
    ``record_requests=False``, for long benchmarks). A ``validator`` checks
    each request and each body and event sent; what fails lands in ``conformance_errors``
    (requests that fail it are answered 400, as the real API would).

    Like the real API, a reply can only call what its request offered: a scripted call to a
    function (tool or handoff) or a hosted tool that the request did not list is answered with
    a 400 error naming the call and what was offered, and is kept in ``script_errors``.
    ``allow_unoffered_calls=True`` lifts that, for tests of unknown-tool handling.

    Streams are sent with chunked transfer encoding, one chunk per event. ``event_interval``
    chooses how: ``None`` (the default) writes a whole stream at once, so a client reads many
    events per network read; a number writes each event on its own, that many seconds after
    the one before (``0``: no pause, but every other connection gets its turn in between), the
    way OpenAI streams tokens as it generates them.
    """

    def __init__(
        self,
        *,
        api_key: str = "sk-fake-openai-key",
        require_api_key: bool = True,
        validator: Validator | None = None,
        responder: Responder | None = None,
        record_requests: bool = True,
        host: str = "127.0.0.1",
        port: int = 0,
        allow_unoffered_calls: bool = False,
        event_interval: float | None = None,
    ) -> None:
        self.api_key = api_key
        self.require_api_key = require_api_key
        self.validator = validator
        self.responder = responder
        self.requests: list[RecordedRequest] = []
        self.record_requests = record_requests
        self._request_count = 0
        self.conformance_errors: list[str] = []
        self.allow_unoffered_calls = allow_unoffered_calls
        self.event_interval = event_interval
        """Seconds between the events of a stream, each written on its own (None: in one go)."""
        self.script_errors: list[str] = []
        """Scripted replies refused because they call what their request did not offer."""
        self.conversations = ConversationStore()
        self.stored_responses: dict[str, dict[str, Any]] = {}
        self.trace_ingest_status = 200
        """The status ``POST /v1/traces/ingest`` answers with (set 500 to test failures)."""
        self._host, self._port = host, port
        self._replies: deque[Reply] = deque()
        self._ids = itertools.count(1)
        self._server: asyncio.Server | None = None
        self._connections: set[asyncio.Task[None]] = set()
        self._thread: threading.Thread | None = None
        self._thread_loop: asyncio.AbstractEventLoop | None = None
        self._routes: dict[tuple[str, str], Route] = {}
        self.audio = FakeAudio(self)
        """The audio endpoints (transcriptions and speech), scripted through it."""

    def route(self, method: str, path: str, handler: Route) -> None:
        """Answer ``method path`` (a path under ``/v1``, such as ``/audio/speech``) with
        ``handler``, after the API key is checked; the handler parses the body itself."""
        self._routes[(method.upper(), path)] = handler

    # --------------------------------------------------------------------------- scripting

    def add(self, *replies: Any) -> None:
        """Queue replies for the next model requests, in order.

        Each is a ``ModelReply``, ``ErrorReply``, ``RawReply`` or ``StreamReply``; a string, an
        output item or a list of output items is shorthand for a ``ModelReply``.
        """
        self._replies.extend(_as_reply(reply) for reply in replies)

    @property
    def pending_replies(self) -> int:
        """How many scripted replies have not been used yet."""
        return len(self._replies)

    def assert_complete(self) -> None:
        """Raise ``AssertionError`` if scripted replies were left unused."""
        if self._replies:
            raise AssertionError(f"{len(self._replies)} scripted replies were never requested.")

    def model_requests(self) -> list[RecordedRequest]:
        """The ``/responses`` and ``/chat/completions`` requests received, in order."""
        return [r for r in self.requests if r.path.endswith(("/responses", "/chat/completions"))]

    # --------------------------------------------------------------------------- lifecycle

    @property
    def port(self) -> int:
        """The port the server listens on (chosen by the system unless given)."""
        if self._server is None:
            raise RuntimeError("The fake server is not running.")
        port: int = self._server.sockets[0].getsockname()[1]
        return port

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT``."""
        return f"http://{self._host}:{self.port}"

    @property
    def base_url(self) -> str:
        """The API's base URL, ``http://127.0.0.1:PORT/v1``, to give a client or provider."""
        return self.url + "/v1"

    async def start(self) -> FakeOpenAIServer:
        """Start listening on the running event loop."""
        self._server = await asyncio.start_server(
            self._on_connection, self._host, self._port, backlog=2048
        )
        return self

    async def aclose(self) -> None:
        """Stop listening and drop every open connection."""
        if self._server is not None:
            self._server.close()
            for task in list(self._connections):
                task.cancel()
            await asyncio.gather(*self._connections, return_exceptions=True)
            await self._server.wait_closed()
            self._server = None

    async def __aenter__(self) -> FakeOpenAIServer:
        return await self.start()

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    def start_in_thread(self) -> FakeOpenAIServer:
        """Run the server on its own event loop in a daemon thread (for synchronous code)."""
        loop = asyncio.new_event_loop()
        started = threading.Event()

        def run() -> None:
            asyncio.set_event_loop(loop)
            loop.run_until_complete(self.start())
            started.set()
            loop.run_forever()
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

        self._thread_loop = loop
        self._thread = threading.Thread(target=run, name="fake-openai-server", daemon=True)
        self._thread.start()
        started.wait()
        return self

    def stop_thread(self) -> None:
        """Stop a server started with ``start_in_thread``."""
        loop, thread = self._thread_loop, self._thread
        if loop is None or thread is None:
            return
        asyncio.run_coroutine_threadsafe(self.aclose(), loop).result()
        loop.call_soon_threadsafe(loop.stop)
        thread.join()
        self._thread = self._thread_loop = None

    def __enter__(self) -> FakeOpenAIServer:
        return self.start_in_thread()

    def __exit__(self, *exc_info: object) -> None:
        self.stop_thread()

    # ----------------------------------------------------------------------------- clients

    def client(self, **options: Any) -> OpenAIClient:
        """An ``OpenAIClient`` pointed at this server (options as for ``OpenAIClient``)."""
        from .._http import OpenAIClient

        options.setdefault("api_key", self.api_key)
        return OpenAIClient(base_url=self.base_url, **options)

    def provider(self, **options: Any) -> OpenAIProvider:
        """An ``OpenAIProvider`` pointed at this server (options as for ``OpenAIProvider``)."""
        from .._provider import OpenAIProvider

        options.setdefault("api_key", self.api_key)
        return OpenAIProvider(base_url=self.base_url, **options)

    # ---------------------------------------------------------------------------- handling

    async def _on_connection(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._connections.add(task)
        try:
            await serve_connection(reader, writer, self._handle, self._request_number)
        except asyncio.CancelledError:
            # Only aclose() cancels a connection: end quietly, the server is going away.
            writer.transport.abort()
        finally:
            self._connections.discard(task)

    def _request_number(self) -> int:
        return self._request_count

    async def _handle(self, request: RecordedRequest, http: HTTPConnection) -> None:
        self._request_count += 1
        if self.record_requests:
            self.requests.append(request)
        if self.require_api_key and request.headers.get("authorization") != (
            f"Bearer {self.api_key}"
        ):
            await self._send_error(
                http,
                ErrorReply(
                    401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key"
                ),
            )
            return
        path = request.path.removeprefix("/v1")
        route = self._routes.get((request.method, path))
        if route is not None:
            await route(request, http)
            return
        try:
            body = request.json
        except ValueError:
            await self._send_error(http, ErrorReply(400, "The body is not valid JSON."))
            return
        if request.method == "POST" and path in ("/responses", "/chat/completions"):
            await self._model_request(request, http, path, body)
        elif request.method == "POST" and path == "/traces/ingest":
            # The trace exporter's endpoint (not in the public spec): accept, or fail on request.
            status = self.trace_ingest_status
            if status >= 400:
                await self._send_error(http, ErrorReply(status, "Trace ingestion failed."))
            else:
                await self._send_json(http, status, {}, None)
        elif path.startswith("/conversations"):
            errors = self._check_conversation_request(request.method, path, body)
            if errors:
                await self._send_error(http, ErrorReply(400, "; ".join(errors)[:2000]))
                return
            status, result = self.conversations.handle(request.method, path, request.query, body)
            schema = self.conversations.schema_for(request.method, path, status)
            await self._send_json(http, status, result, schema)
        else:
            await self._send_error(
                http, ErrorReply(404, f"Unknown endpoint {request.method} {path}.")
            )

    def _check_conversation_request(self, method: str, path: str, body: Any) -> list[str]:
        where = f"request {method} {path}"
        if method == "POST" and path == "/conversations":
            return self._check("CreateConversationBody", body or {}, where)
        if method == "POST" and path.endswith("/items"):
            items = (body or {}).get("items")
            if not isinstance(items, list):
                return self._check_failed(where, "'items' must be a list")
            return [e for item in items for e in self._check("InputItem", item, where)]
        return []

    def _check_failed(self, where: str, error: str) -> list[str]:
        if self.validator is None:
            return []
        self.conformance_errors.append(f"{where}: {error}")
        return [error]

    def _check(self, schema: str, body: Any, where: str) -> list[str]:
        if self.validator is None:
            return []
        errors = self.validator(schema, body)
        self.conformance_errors.extend(f"{where}: {error}" for error in errors)
        return errors

    async def _model_request(
        self, request: RecordedRequest, http: HTTPConnection, path: str, body: Any
    ) -> None:
        schema = "CreateResponse" if path == "/responses" else "CreateChatCompletionRequest"
        errors = self._check(schema, body, f"request POST {path}")
        if errors:
            await self._send_error(http, ErrorReply(400, "; ".join(errors)[:2000]))
            return
        problem = self._state_problem(body) if path == "/responses" else None
        if problem is not None:
            await self._send_error(http, problem)
            return
        reply = self.responder(request) if self.responder is not None else None
        if reply is None:
            if not self._replies:
                message = (
                    f"The fake OpenAI server has no scripted reply left for POST {request.path} "
                    f"(request #{self._request_count})."
                )
                await self._send_error(http, ErrorReply(400, message, code="fake_server_script"))
                return
            reply = self._replies.popleft()
        if isinstance(reply, ModelReply) and not self.allow_unoffered_calls:
            problem_text = unoffered_call(path, body, self._output(reply, 0))
            if problem_text is not None:
                self.script_errors.append(problem_text)
                await self._send_error(
                    http, ErrorReply(400, problem_text, code="fake_server_unoffered_call")
                )
                return
        if reply.delay:
            await asyncio.sleep(reply.delay)
        if isinstance(reply, ModelReply):
            if path == "/responses":
                await self._send_response(http, body, reply)
            else:
                await self._send_chat(http, body, reply)
        elif isinstance(reply, ErrorReply):
            await self._send_error(http, reply)
        elif isinstance(reply, RawReply):
            raw = reply.body.encode() if isinstance(reply.body, str) else reply.body
            await http.send_body(
                reply.status,
                raw,
                content_type=reply.content_type,
                headers=reply.headers,
                cut=reply.cut,
            )
        else:
            await self._send_stream_reply(http, path, reply)

    def _state_problem(self, body: dict[str, Any]) -> ErrorReply | None:
        previous = body.get("previous_response_id")
        if previous is not None and previous not in self.stored_responses:
            return ErrorReply(
                400,
                f"Previous response with id '{previous}' not found.",
                param="previous_response_id",
            )
        conversation = body.get("conversation")
        conversation_id = conversation.get("id") if isinstance(conversation, dict) else conversation
        if conversation_id is not None and conversation_id not in self.conversations:
            return ErrorReply(404, f"Conversation with id '{conversation_id}' not found.")
        return None

    # ------------------------------------------------------------------------------- replies

    async def _send_json(
        self, http: HTTPConnection, status: int, body: Any, schema: str | None
    ) -> None:
        if schema is not None:
            self._check(schema, body, f"response {schema}")
        await http.send_body(status, json.dumps(body).encode())

    async def _send_error(self, http: HTTPConnection, reply: ErrorReply) -> None:
        body = {
            "error": {
                "message": reply.message,
                "type": reply.type
                or ("server_error" if reply.status >= 500 else "invalid_request_error"),
                "param": reply.param,
                "code": reply.code,
            }
        }
        self._check("ErrorResponse", body, "error body")
        headers = dict(reply.headers)
        if reply.retry_after is not None:
            headers["retry-after"] = str(reply.retry_after)
        if reply.retry_after_ms is not None:
            headers["retry-after-ms"] = str(reply.retry_after_ms)
        await http.send_body(reply.status, json.dumps(body).encode(), headers=headers)

    @staticmethod
    def _output(reply: ModelReply, number: int) -> list[dict[str, Any]]:
        items = [reply.output] if isinstance(reply.output, str) else reply.output
        return [_output_json(item, number) for item in items]

    def _finished_response(self, request: dict[str, Any], reply: ModelReply) -> dict[str, Any]:
        number = next(self._ids)
        output = self._output(reply, number)
        response_id = reply.response_id or f"resp_fake_{number}"
        failed = reply.status == "failed"
        response = response_object(
            response_id=response_id,
            request=request,
            output=output,
            usage=usage_json(reply.usage) if not failed else None,
            status=reply.status,
            created_at=int(time.time()),
            error=dict(reply.error or {"code": "server_error", "message": "The model failed."})
            if failed
            else None,
            incomplete_details={"reason": reply.incomplete_reason}
            if reply.status == "incomplete"
            else None,
        )
        self.stored_responses[response_id] = response
        conversation = request.get("conversation")
        if conversation is not None and reply.status == "completed":
            conversation_id = (
                conversation.get("id") if isinstance(conversation, dict) else conversation
            )
            self.conversations.record_turn(str(conversation_id), request.get("input"), output)
        return response

    async def _send_response(
        self, http: HTTPConnection, request: dict[str, Any], reply: ModelReply
    ) -> None:
        response = self._finished_response(request, reply)
        if not request.get("stream"):
            await self._send_json(http, 200, response, "Response")
            return
        terminal = {"completed": "response.completed", "failed": "response.failed"}.get(
            reply.status, "response.incomplete"
        )
        events = response_events(response, terminal=terminal)
        for event in events:
            self._check("ResponseStreamEvent", event, f"event {event['type']}")
        await http.send_stream(
            [sse_event(event) for event in events],
            headers=reply.headers,
            cut_after=reply.cut_after,
            pause_after=reply.pause_after,
            gate=reply.gate,
            interval=self.event_interval,
        )

    async def _send_chat(
        self, http: HTTPConnection, request: dict[str, Any], reply: ModelReply
    ) -> None:
        number = next(self._ids)
        output = self._output(reply, number)
        usage = usage_json(reply.usage)
        model = request.get("model", "gpt-4.1")
        completion_id = reply.response_id or f"chatcmpl-fake{number}"
        if not request.get("stream"):
            body = chat_completion(
                completion_id=completion_id, model=model, output=output, usage=usage
            )
            await self._send_json(http, 200, body, "CreateChatCompletionResponse")
            return
        include_usage = bool((request.get("stream_options") or {}).get("include_usage"))
        chunks = chat_chunks(
            completion_id=completion_id,
            model=model,
            output=output,
            usage=usage,
            include_usage=include_usage,
        )
        for chunk in chunks:
            self._check("CreateChatCompletionStreamResponse", chunk, "chat chunk")
        events = [sse_event(chunk, named=False) for chunk in chunks] + [sse_event("[DONE]")]
        await http.send_stream(
            events,
            headers=reply.headers,
            cut_after=reply.cut_after,
            pause_after=reply.pause_after,
            gate=reply.gate,
            interval=self.event_interval,
        )

    async def _send_stream_reply(self, http: HTTPConnection, path: str, reply: StreamReply) -> None:
        schema = (
            "ResponseStreamEvent" if path == "/responses" else "CreateChatCompletionStreamResponse"
        )
        events: list[bytes] = []
        for event in reply.events:
            if isinstance(event, bytes):
                events.append(event)
            elif isinstance(event, str):
                events.append(event.encode())
            else:
                self._check(schema, dict(event), "scripted event")
                events.append(sse_event(event, named=path == "/responses"))
        if reply.done:
            events.append(sse_event("[DONE]"))
        await http.send_stream(
            events,
            headers=reply.headers,
            cut_after=len(events) if reply.end == "cut" else None,
            pause_after=reply.pause_after,
            gate=reply.gate,
            interval=self.event_interval,
        )
