"""``FakeRealtimeServer``: OpenAI's Realtime API (GA protocol) over websockets on 127.0.0.1.

Each connection is served by the handler of its intent (``?intent=transcription`` or, by
default, ``conversation``), so another intent can be added without touching this module.
"""

from __future__ import annotations

import asyncio
import json
from collections import deque
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeAlias, cast

from ._connection import FakeRealtimeConnection
from ._conversation import ConversationHandler, ConversationState
from ._replies import RealtimeReply, RealtimeResponder, as_reply

if TYPE_CHECKING:
    from websockets.asyncio.server import Server, ServerConnection
    from websockets.http11 import Request, Response

    from .._model.interface import RealtimeModelConfig

__all__ = ("FakeRealtimeServer", "IntentHandler", "Transcriber", "Validator")

Validator: TypeAlias = Callable[[str, Any], list[str]]
"""``(schema name, JSON body) -> errors``: checks frames against OpenAI's OpenAPI spec
(``RealtimeClientEvent`` for what the server receives, ``RealtimeServerEvent`` for what it
sends); an empty list means valid."""

IntentHandler: TypeAlias = Callable[[FakeRealtimeConnection], Awaitable[None]]
"""Serves one connection of an intent: iterate the connection for client events, ``send``
server events. It returns when the client goes away."""

Transcriber: TypeAlias = Callable[[bytes, int], str]
"""Turns committed input audio (PCM16 and its sample rate) into the transcript the server
reports."""


class FakeRealtimeServer:
    """A scripted stand-in for OpenAI's Realtime API on 127.0.0.1, for offline tests and demos.

    Script responses with ``add(...)`` (used in order, one per ``response.create`` or detected
    end of speech) or a ``responder``; transcripts of the user's audio with ``add_transcripts``
    or a ``transcriber``. Point a realtime model at it with ``model_config()`` (or
    ``url`` and ``api_key``). A ``validator`` checks every frame in both directions; failures
    land in ``conformance_errors``, and a client event that fails is answered with an
    ``error`` event, as the real service would. Connections are in ``connections``; each
    records its frames and injects faults (``drop``, ``close``, ``send_raw``, ``stall``).
    """

    def __init__(
        self,
        *,
        api_key: str = "sk-fake-realtime-key",
        require_api_key: bool = True,
        validator: Validator | None = None,
        responder: RealtimeResponder | None = None,
        transcriber: Transcriber | None = None,
        intents: Mapping[str, IntentHandler] | None = None,
        silence_duration_ms: int = 500,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.api_key = api_key
        self.require_api_key = require_api_key
        self.validator = validator
        self.responder = responder
        self.transcriber = transcriber
        self.silence_duration_ms = silence_duration_ms
        """How long a pause ends the user's turn when the session's VAD does not say."""
        self.intents: dict[str, IntentHandler] = {"conversation": ConversationHandler(self)}
        self.intents.update(intents or {})
        self.connections: list[FakeRealtimeConnection] = []
        self.conformance_errors: list[str] = []
        self.truncations: list[dict[str, Any]] = []
        """Every accepted ``conversation.item.truncate``, in order."""
        self.cancellations: list[str] = []
        """The ids of the responses that were cancelled (by the client or by speech)."""
        self.handshake_status: int | None = None
        """Set to refuse every handshake with this HTTP status (a server outage)."""
        self.mcp_outputs: dict[str, str] = {}
        """What hosted MCP tools return, by tool name."""
        self._replies: deque[RealtimeReply] = deque()
        self._transcripts: deque[str] = deque()
        self._host, self._port = host, port
        self._server: Server | None = None
        self._changed = asyncio.Event()

    # ------------------------------------------------------------------------ scripting

    def add(self, *replies: Any) -> None:
        """Queue responses: a ``RealtimeReply``, or shorthand (a string, an output, a list)."""
        self._replies.extend(as_reply(reply) for reply in replies)

    def add_transcripts(self, *transcripts: str) -> None:
        """Queue the transcripts of the next committed user audio, in order."""
        self._transcripts.extend(transcripts)

    @property
    def pending_replies(self) -> int:
        """How many scripted responses have not been used yet."""
        return len(self._replies)

    def assert_complete(self) -> None:
        """Raise ``AssertionError`` if scripted responses were left unused."""
        if self._replies:
            raise AssertionError(f"{len(self._replies)} scripted realtime replies were never used.")

    def next_reply(self, state: ConversationState) -> RealtimeReply | None:
        """The reply to the next response: the responder's, else the next scripted one."""
        if self.responder is not None:
            reply = self.responder(state)
            if reply is not None:
                return as_reply(reply)
        return self._replies.popleft() if self._replies else None

    def transcribe(self, pcm16: bytes, rate: int) -> str:
        """The transcript of committed audio: the transcriber's, else the next queued one."""
        if self.transcriber is not None:
            return self.transcriber(pcm16, rate)
        return self._transcripts.popleft() if self._transcripts else ""

    def mcp_output(self, name: str, arguments: str) -> str:
        """What a hosted MCP tool returns (``mcp_outputs``, else a JSON echo of the call)."""
        return self.mcp_outputs.get(name) or json.dumps({"tool": name, "arguments": arguments})

    # ------------------------------------------------------------------------ checking

    def check(self, schema: str, event: Any, *, direction: str) -> list[str]:
        """Validate a frame; failures are recorded in ``conformance_errors``."""
        if self.validator is None:
            return []
        errors = self.validator(schema, event)
        for error in errors:
            kind = event.get("type") if isinstance(event, dict) else None
            self.conformance_errors.append(f"{direction} {kind}: {error}")
        return errors

    def notify(self) -> None:
        """Wake whoever waits on the server's state (``wait_for``)."""
        self._changed.set()
        self._changed = asyncio.Event()

    async def wait_for(self, condition: Callable[[], Any], *, within: float = 10.0) -> Any:
        """Wait until ``condition()`` is truthy (checked as frames come and go); return it."""
        async with asyncio.timeout(within):
            while True:
                value = condition()
                if value:
                    return value
                await self._changed.wait()

    async def connection(self, index: int = 0, *, within: float = 10.0) -> FakeRealtimeConnection:
        """The ``index``-th connection, once a client has made it."""
        found: FakeRealtimeConnection = await self.wait_for(
            lambda: len(self.connections) > index and self.connections[index], within=within
        )
        return found

    def frames(self, kind: str | None = None) -> list[dict[str, Any]]:
        """Every client event received (over every connection), or those of one ``type``."""
        return [frame for connection in self.connections for frame in connection.frames(kind)]

    # ------------------------------------------------------------------------ lifecycle

    @property
    def port(self) -> int:
        """The port the server listens on."""
        if self._server is None:
            raise RuntimeError("The fake realtime server is not running.")
        port: int = next(iter(self._server.sockets)).getsockname()[1]
        return port

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT/v1``: what ``OPENAI_BASE_URL`` would hold."""
        return f"http://{self._host}:{self.port}/v1"

    @property
    def url(self) -> str:
        """``ws://127.0.0.1:PORT/v1/realtime``: the realtime endpoint (add ``?model=...``)."""
        return f"ws://{self._host}:{self.port}/v1/realtime"

    def model_config(self, **extra: Any) -> RealtimeModelConfig:
        """A ``RealtimeModelConfig`` pointed at this server (its URL and key), plus ``extra``."""
        config = {"url": f"{self.url}?model=gpt-realtime", "api_key": self.api_key, **extra}
        return cast("RealtimeModelConfig", config)

    async def start(self) -> FakeRealtimeServer:
        """Start listening on the running event loop."""
        from websockets.asyncio.server import serve

        self._server = await serve(
            self._serve,
            self._host,
            self._port,
            process_request=self._check_handshake,
            compression=None,
            max_size=None,
            ping_interval=None,
        )
        return self

    async def aclose(self) -> None:
        """Stop listening and close every connection."""
        if self._server is not None:
            for connection in self.connections:
                if connection.stalled and not connection.closed:
                    connection.drop()  # it would never answer a closing handshake
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    async def __aenter__(self) -> FakeRealtimeServer:
        return await self.start()

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    def _check_handshake(self, connection: ServerConnection, request: Request) -> Response | None:
        def refuse(status: int, message: str, code: str) -> Response:
            body = {"error": {"type": "invalid_request_error", "code": code, "message": message}}
            response = connection.respond(status, json.dumps(body))
            response.headers["Content-Type"] = "application/json"
            return response

        if self.handshake_status is not None:
            return refuse(self.handshake_status, "The server is unavailable.", "server_error")
        if not request.path.split("?")[0].rstrip("/").endswith("/realtime"):
            return refuse(
                404, f"No realtime endpoint at {request.path.split('?')[0]}.", "not_found"
            )
        if self.require_api_key:
            authorization = request.headers.get("Authorization", "")
            if authorization != f"Bearer {self.api_key}":
                return refuse(
                    401,
                    "Incorrect API key provided. You can find your API key at "
                    "https://platform.openai.com/account/api-keys.",
                    "invalid_api_key",
                )
        return None

    async def _serve(self, socket: ServerConnection) -> None:
        connection = FakeRealtimeConnection(self, socket)
        handler = self.intents.get(connection.intent)
        self.connections.append(connection)
        self.notify()
        if handler is None:
            await connection.send_error(
                "invalid_request_error", "invalid_intent", f"Unknown intent '{connection.intent}'."
            )
            await connection.close(1008, "unknown intent")
            return
        await handler(connection)
        self.notify()
