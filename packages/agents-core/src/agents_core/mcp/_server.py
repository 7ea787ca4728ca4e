"""Connections to MCP servers over stdio, SSE and streamable HTTP, on the official ``mcp`` SDK."""

from __future__ import annotations

import abc
import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, AsyncExitStack
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Literal, NotRequired, Protocol, Self, TypeVar

import anyio
import httpx2
import mcp.types as mcp_types
from mcp import ClientSession, MCPError, StdioServerParameters
from mcp.client.sse import sse_client
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamable_http_client
from typing_extensions import TypedDict

from .._base.logging import log
from .._base.run_context import RunContextWrapper
from ..exceptions import MCPConnectionError, MCPToolError, UserError

if TYPE_CHECKING:
    from .._agents.agent import Agent
    from .._tools.tool_guardrails import ToolInputGuardrail, ToolOutputGuardrail
    from .._tools.tools import ToolErrorFunction
    from ._tools import RequireApprovalSetting, ToolFilter

__all__ = (
    "HttpClientFactory",
    "MCPServer",
    "MCPServerSse",
    "MCPServerSseParams",
    "MCPServerStdio",
    "MCPServerStdioParams",
    "MCPServerStreamableHttp",
    "MCPServerStreamableHttpParams",
)


class HttpClientFactory(Protocol):
    """Makes the HTTP client of an MCP server's HTTP transport."""

    def __call__(
        self,
        headers: dict[str, str] | None = None,
        timeout: httpx2.Timeout | None = None,
        auth: httpx2.Auth | None = None,
    ) -> httpx2.AsyncClient: ...


class _Unset:
    """Marks an argument that was not given (``None`` means something else)."""


UNSET: Any = _Unset()


class MCPServer(abc.ABC):
    """A Model Context Protocol server whose tools, resources and prompts an agent can use.

    Give servers to ``Agent(mcp_servers=[...])``: each turn the agent's tools are its own plus
    those its servers list. Connect before running (``await server.connect()`` or
    ``async with server:``) and clean up after.
    """

    def __init__(
        self,
        use_structured_content: bool = False,
        require_approval: RequireApprovalSetting = None,
        failure_error_function: ToolErrorFunction | _Unset | None = UNSET,
        tool_meta_resolver: Any = None,
        custom_data_extractor: Any = None,
        *,
        tool_input_guardrails: list[ToolInputGuardrail[Any]] | None = None,
        tool_output_guardrails: list[ToolOutputGuardrail[Any]] | None = None,
        cache_tools_list: bool = False,
        tool_filter: ToolFilter = None,
    ) -> None:
        for option, value in (
            ("tool_meta_resolver", tool_meta_resolver),
            ("custom_data_extractor", custom_data_extractor),
        ):
            if value is not None:
                raise UserError(
                    f"MCP server option {option} is not supported yet (this library sends no "
                    "per-call MCP metadata and attaches no custom data); leave it unset."
                )
        self.use_structured_content = use_structured_content
        self.require_approval = require_approval
        self.failure_error_function = failure_error_function
        self.tool_meta_resolver = None
        self.custom_data_extractor = None
        self.tool_input_guardrails = tool_input_guardrails
        """Guardrails checking the arguments of every call to this server's tools."""
        self.tool_output_guardrails = tool_output_guardrails
        """Guardrails checking the output of every call to this server's tools."""
        self.cache_tools_list = cache_tools_list
        self.tool_filter = tool_filter

    @property
    def cached_tools(self) -> list[mcp_types.Tool] | None:
        """The tool list kept from the last listing (before filtering), if any."""
        return None

    @property
    @abc.abstractmethod
    def name(self) -> str:
        """A readable name for the server (in errors, and as a tool-name prefix if asked)."""

    @abc.abstractmethod
    async def connect(self) -> None:
        """Start or connect to the server and initialise the session."""

    @abc.abstractmethod
    async def cleanup(self) -> None:
        """Close the session and stop the server (idempotent)."""

    @abc.abstractmethod
    async def list_tools(
        self, run_context: RunContextWrapper[Any] | None = None, agent: Agent[Any] | None = None
    ) -> list[mcp_types.Tool]:
        """The server's tools after ``tool_filter`` (a dynamic one needs the context and agent)."""

    @abc.abstractmethod
    async def call_tool(
        self, tool_name: str, arguments: dict[str, Any] | None, meta: dict[str, Any] | None = None
    ) -> mcp_types.CallToolResult:
        """Call one tool."""

    @abc.abstractmethod
    async def list_prompts(self) -> mcp_types.ListPromptsResult:
        """The server's prompts."""

    @abc.abstractmethod
    async def get_prompt(
        self, name: str, arguments: dict[str, Any] | None = None
    ) -> mcp_types.GetPromptResult:
        """One prompt, rendered with ``arguments``."""

    @abc.abstractmethod
    async def list_resources(self, cursor: str | None = None) -> mcp_types.ListResourcesResult:
        """The server's resources (a page of them; follow ``next_cursor`` for more)."""

    @abc.abstractmethod
    async def list_resource_templates(
        self, cursor: str | None = None
    ) -> mcp_types.ListResourceTemplatesResult:
        """The server's resource templates."""

    @abc.abstractmethod
    async def read_resource(self, uri: str) -> mcp_types.ReadResourceResult:
        """The contents of one resource."""

    def invalidate_tools_cache(self) -> None:  # noqa: B027 - no cache by default
        """Forget the cached tool list, so the next listing asks the server again."""

    async def __aenter__(self) -> Self:
        await self.connect()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.cleanup()


TParams = TypeVar("TParams")


class _SessionServer(MCPServer, Generic[TParams]):
    """What the three transports share: the session's life, retries, caching, error translation.

    The transport and session live in one background task, which enters and leaves their
    contexts itself; that keeps the SDK's cancel scopes in a single task, lets ``cleanup()`` be
    called from anywhere, and makes a server that dies visible at once.
    """

    def __init__(
        self,
        params: TParams,
        cache_tools_list: bool = False,
        name: str | None = None,
        client_session_timeout_seconds: float | None = 5,
        tool_filter: ToolFilter = None,
        use_structured_content: bool = False,
        max_retry_attempts: int = 0,
        retry_backoff_seconds_base: float = 1.0,
        message_handler: Callable[..., Awaitable[None]] | None = None,
        require_approval: RequireApprovalSetting = None,
        failure_error_function: ToolErrorFunction | _Unset | None = UNSET,
        tool_meta_resolver: Any = None,
        custom_data_extractor: Any = None,
        retry_backoff_seconds_max: float | None = None,
        *,
        tool_input_guardrails: list[ToolInputGuardrail[Any]] | None = None,
        tool_output_guardrails: list[ToolOutputGuardrail[Any]] | None = None,
        max_list_pages: int | None = None,
    ) -> None:
        super().__init__(
            use_structured_content,
            require_approval,
            failure_error_function,
            tool_meta_resolver,
            custom_data_extractor,
            tool_input_guardrails=tool_input_guardrails,
            tool_output_guardrails=tool_output_guardrails,
            cache_tools_list=cache_tools_list,
            tool_filter=tool_filter,
        )
        if retry_backoff_seconds_max is not None and not 0 <= retry_backoff_seconds_max < float(
            "inf"
        ):
            raise UserError("retry_backoff_seconds_max must be a non-negative number of seconds.")
        if max_list_pages is not None and (
            isinstance(max_list_pages, bool)
            or not isinstance(max_list_pages, int)
            or max_list_pages < 1
        ):
            raise UserError(f"max_list_pages must be a positive integer, got {max_list_pages!r}.")
        self.retry_backoff_seconds_max = retry_backoff_seconds_max
        self.max_list_pages = max_list_pages
        self._name = name or self._default_name(params)
        self.params: Any = self._prepare(params)
        """How the server is reached (for stdio, the SDK's ``StdioServerParameters``)."""
        self.client_session_timeout_seconds = client_session_timeout_seconds
        self.max_retry_attempts = max_retry_attempts
        self.retry_backoff_seconds_base = retry_backoff_seconds_base
        self.message_handler = message_handler
        self.server_initialize_result: mcp_types.InitializeResult | None = None
        self._session: ClientSession | None = None
        self._owner: asyncio.Task[None] | None = None
        self._owner_scope: anyio.CancelScope | None = None
        self._stop: asyncio.Event | None = None
        self._ended: BaseException | None = None
        self._tools: list[mcp_types.Tool] | None = None

    @property
    def name(self) -> str:
        return self._name

    @abc.abstractmethod
    def _default_name(self, params: TParams) -> str:
        """The name used when none is given."""

    def _prepare(self, params: TParams) -> Any:
        """``params`` in the form the transport uses (as given, unless a transport converts)."""
        return params

    @abc.abstractmethod
    def _transport(self) -> AbstractAsyncContextManager[Any]:
        """The SDK transport context (yields the read and write streams first)."""

    # -- life ------------------------------------------------------------------------------

    async def connect(self) -> None:
        if self._session is not None:
            return
        attempt = 0
        while True:
            try:
                await self._start()
                return
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                if attempt >= self.max_retry_attempts:
                    raise MCPConnectionError(self.name, _describe(exc)) from exc
                delay = self.retry_backoff_seconds_base * (2**attempt)
                if self.retry_backoff_seconds_max is not None:
                    delay = min(delay, self.retry_backoff_seconds_max)
                attempt += 1
                log().info("mcp connect failed; retrying", server=self.name, attempt=attempt)
                await asyncio.sleep(delay)

    async def _start(self) -> None:
        ready: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._stop = asyncio.Event()
        self._ended = None
        self._owner = asyncio.create_task(self._own_session(ready, self._stop))
        try:
            await ready
        except BaseException:
            await self._stop_owner()
            raise

    async def _own_session(self, ready: asyncio.Future[None], stop: asyncio.Event) -> None:
        # Stopped through an anyio cancel scope, not task.cancel(): the SDK's transports shield
        # their shutdown (closing pipes, ending the subprocess) from anyio cancellation only.
        with anyio.CancelScope() as scope:
            self._owner_scope = scope
            await self._run_session(ready, stop)
        if scope.cancelled_caught and not ready.done():
            ready.cancel()

    async def _run_session(self, ready: asyncio.Future[None], stop: asyncio.Event) -> None:
        try:
            async with AsyncExitStack() as stack:
                streams = await stack.enter_async_context(self._transport())
                session = await stack.enter_async_context(
                    ClientSession(
                        streams[0],
                        streams[1],
                        read_timeout_seconds=self.client_session_timeout_seconds,
                        message_handler=self.message_handler,  # type: ignore[arg-type]
                    )
                )
                # anyio's deadline, in this task: asyncio.wait_for would move the call to a task
                # of its own, out of reach of this task's cancel scope.
                with anyio.fail_after(self.client_session_timeout_seconds):
                    self.server_initialize_result = await session.initialize()
                self._session = session
                ready.set_result(None)
                await stop.wait()
        except BaseException as exc:
            if not ready.done():
                if isinstance(exc, asyncio.CancelledError):
                    ready.cancel()
                else:
                    ready.set_exception(exc)
            elif not stop.is_set():
                self._ended = exc
                log().warning("mcp server stopped", server=self.name, error=type(exc).__name__)
            if isinstance(exc, asyncio.CancelledError):
                raise
        finally:
            self._session = None
            if ready.done() and not stop.is_set() and self._ended is None:
                self._ended = ConnectionError("the connection closed")

    async def _stop_owner(self) -> None:
        owner, self._owner = self._owner, None
        if owner is None:
            return
        if self._stop is not None:
            self._stop.set()
        if self._session is None and self._owner_scope is not None:
            # Still connecting (or already failed): nothing to finish politely.
            self._owner_scope.cancel()
        try:
            await asyncio.wait_for(asyncio.shield(owner), 10)
        except TimeoutError:
            owner.cancel()  # the last resort, if the transport does not wind down
            with contextlib.suppress(BaseException):
                await owner
        except BaseException:  # the owner recorded its own failure
            pass

    async def cleanup(self) -> None:
        await self._stop_owner()
        self._session = None

    # -- calls -----------------------------------------------------------------------------

    def _live_session(self, action: str) -> ClientSession:
        if self._session is not None:
            return self._session
        if self._ended is not None:
            raise MCPToolError(
                self.name, action, f"the server has stopped ({_describe(self._ended)})"
            )
        raise UserError(
            f"MCP server '{self.name}' is not connected: call 'await server.connect()' or use "
            "'async with server:' before running the agent."
        )

    async def _call(self, action: str, request: Callable[[ClientSession], Awaitable[Any]]) -> Any:
        session = self._live_session(action)
        owner = self._owner
        call = asyncio.ensure_future(request(session))
        try:
            if owner is not None:
                # If the server dies while the call waits, stop waiting at once.
                await asyncio.wait((call, owner), return_when=asyncio.FIRST_COMPLETED)
            if not call.done():
                call.cancel()
                with contextlib.suppress(BaseException):
                    await call
                raise MCPToolError(
                    self.name,
                    action,
                    f"the server stopped during the call ({_describe(self._ended)})",
                )
            return call.result()
        except MCPToolError:
            raise
        except asyncio.CancelledError:
            call.cancel()
            raise
        except MCPError as exc:
            if exc.code == mcp_types.CONNECTION_CLOSED:
                reason = "the server stopped (its connection closed)"
            elif exc.code == mcp_types.REQUEST_TIMEOUT:
                reason = f"no answer within {self.client_session_timeout_seconds} s (timed out)"
            else:
                reason = f"the server answered with an error: {exc}"
            raise MCPToolError(self.name, action, reason) from exc
        except Exception as exc:
            raise MCPToolError(self.name, action, _describe(exc)) from exc

    async def list_tools(
        self, run_context: RunContextWrapper[Any] | None = None, agent: Agent[Any] | None = None
    ) -> list[mcp_types.Tool]:
        if self._tools is None or not self.cache_tools_list:
            try:
                self._tools = await self._fetch_tools()
            except MCPToolError:
                if self._tools is None:
                    raise
                # The server stopped answering: keep offering the tools it had, so the run goes
                # on and each call to it tells the model what happened.
                log().warning("mcp tools unavailable; using the last list", server=self.name)
        from ._tools import filter_tools

        return await filter_tools(self, self._tools, run_context, agent)

    async def _fetch_tools(self) -> list[mcp_types.Tool]:
        tools: list[mcp_types.Tool] = []
        cursor: str | None = None
        seen: set[str] = set()
        while True:
            params = mcp_types.PaginatedRequestParams(cursor=cursor) if cursor else None
            page = await self._call("list_tools", _list_tools_page(params))
            tools.extend(page.tools)
            cursor = page.next_cursor
            if not cursor:
                return tools
            if cursor in seen:
                raise MCPToolError(self.name, "list_tools", "the server repeated a page cursor")
            seen.add(cursor)
            if self.max_list_pages is not None and len(seen) >= self.max_list_pages:
                raise MCPToolError(
                    self.name,
                    "list_tools",
                    f"more than max_list_pages={self.max_list_pages} pages of tools; raise "
                    "max_list_pages or check the server's pagination",
                )

    def invalidate_tools_cache(self) -> None:
        self._tools = None

    @property
    def cached_tools(self) -> list[mcp_types.Tool] | None:
        """The tool list kept from the last listing (before filtering), if any."""
        return self._tools

    async def call_tool(
        self, tool_name: str, arguments: dict[str, Any] | None, meta: dict[str, Any] | None = None
    ) -> mcp_types.CallToolResult:
        result = await self._call(
            tool_name,
            lambda s: s.call_tool(
                tool_name,
                arguments,
                read_timeout_seconds=self.client_session_timeout_seconds,
                meta=meta,  # type: ignore[arg-type]  # the SDK's meta is a plain mapping
            ),
        )
        if not isinstance(result, mcp_types.CallToolResult):
            raise MCPToolError(
                self.name, tool_name, "the server asked for more input, which is not supported"
            )
        return result

    async def list_prompts(self) -> mcp_types.ListPromptsResult:
        result: mcp_types.ListPromptsResult = await self._call(
            "list_prompts", lambda s: s.list_prompts()
        )
        return result

    async def get_prompt(
        self, name: str, arguments: dict[str, Any] | None = None
    ) -> mcp_types.GetPromptResult:
        strings = {k: v if isinstance(v, str) else str(v) for k, v in (arguments or {}).items()}
        result = await self._call(f"prompt {name}", lambda s: s.get_prompt(name, strings))
        if not isinstance(result, mcp_types.GetPromptResult):
            raise MCPToolError(self.name, f"prompt {name}", "the server asked for more input")
        return result

    async def list_resources(self, cursor: str | None = None) -> mcp_types.ListResourcesResult:
        params = mcp_types.PaginatedRequestParams(cursor=cursor) if cursor else None
        result: mcp_types.ListResourcesResult = await self._call(
            "list_resources", lambda s: s.list_resources(params=params)
        )
        return result

    async def list_resource_templates(
        self, cursor: str | None = None
    ) -> mcp_types.ListResourceTemplatesResult:
        params = mcp_types.PaginatedRequestParams(cursor=cursor) if cursor else None
        result: mcp_types.ListResourceTemplatesResult = await self._call(
            "list_resource_templates", lambda s: s.list_resource_templates(params=params)
        )
        return result

    async def read_resource(self, uri: str) -> mcp_types.ReadResourceResult:
        result = await self._call(f"resource {uri}", lambda s: s.read_resource(uri))
        if not isinstance(result, mcp_types.ReadResourceResult):
            raise MCPToolError(self.name, f"resource {uri}", "the server asked for more input")
        return result

    def __repr__(self) -> str:
        state = "connected" if self._session is not None else "not connected"
        return f"{type(self).__name__}(name={self.name!r}, {state})"


def _list_tools_page(
    params: mcp_types.PaginatedRequestParams | None,
) -> Callable[[ClientSession], Awaitable[mcp_types.ListToolsResult]]:
    return lambda session: session.list_tools(params=params)


def _describe(exc: BaseException | None) -> str:
    if exc is None:
        return "unknown reason"
    if isinstance(exc, TimeoutError):
        return "no answer in time (timed out)"
    if isinstance(exc, BaseExceptionGroup):
        return "; ".join(_describe(e) for e in exc.exceptions)
    text = str(exc) or type(exc).__name__
    return f"{type(exc).__name__}: {text}" if not text.startswith(type(exc).__name__) else text


def _seconds(value: timedelta | float | None, default: float) -> float:
    if value is None:
        return default
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class MCPServerStdioParams(TypedDict):
    """How to start a stdio server: the command, its arguments, environment and folder."""

    command: str
    args: NotRequired[list[str]]
    env: NotRequired[dict[str, str]]
    cwd: NotRequired[str | Path]
    encoding: NotRequired[str]
    encoding_error_handler: NotRequired[Literal["strict", "ignore", "replace"]]


class MCPServerStdio(_SessionServer[MCPServerStdioParams]):
    """An MCP server started as a subprocess and spoken to over its stdin and stdout."""

    def _default_name(self, params: Any) -> str:
        return f"stdio: {params['command']}"

    def _prepare(self, params: MCPServerStdioParams) -> StdioServerParameters:
        return StdioServerParameters(
            command=params["command"],
            args=list(params.get("args", [])),
            env=params.get("env"),
            cwd=params.get("cwd"),
            encoding=params.get("encoding", "utf-8"),
            encoding_error_handler=params.get("encoding_error_handler", "strict"),
        )

    def _transport(self) -> AbstractAsyncContextManager[Any]:
        return stdio_client(self.params)


class MCPServerSseParams(TypedDict):
    """Where an SSE server listens, and how to reach it."""

    url: str
    headers: NotRequired[dict[str, str]]
    timeout: NotRequired[float]
    sse_read_timeout: NotRequired[float]
    auth: NotRequired[httpx2.Auth]
    httpx_client_factory: NotRequired[HttpClientFactory]
    """Makes the ``httpx2.AsyncClient`` (from headers, timeout and auth): proxies, TLS, ..."""


class MCPServerSse(_SessionServer[MCPServerSseParams]):
    """An MCP server reached over HTTP with server-sent events (the older HTTP transport)."""

    def _default_name(self, params: Any) -> str:
        return f"sse: {params['url']}"

    def _transport(self) -> AbstractAsyncContextManager[Any]:
        params = self.params
        options: dict[str, Any] = {}
        if "httpx_client_factory" in params:
            options["httpx_client_factory"] = params["httpx_client_factory"]
        return sse_client(
            params["url"],
            headers=params.get("headers"),
            timeout=_seconds(params.get("timeout"), 5.0),
            sse_read_timeout=_seconds(params.get("sse_read_timeout"), 300.0),
            auth=params.get("auth"),
            **options,
        )


class MCPServerStreamableHttpParams(TypedDict):
    """Where a streamable HTTP server listens, and how to reach it."""

    url: str
    headers: NotRequired[dict[str, str]]
    timeout: NotRequired[timedelta | float]
    sse_read_timeout: NotRequired[timedelta | float]
    terminate_on_close: NotRequired[bool]
    auth: NotRequired[httpx2.Auth]
    httpx_client_factory: NotRequired[HttpClientFactory]
    """Makes the ``httpx2.AsyncClient`` (from headers, timeout and auth): proxies, TLS, ..."""


class MCPServerStreamableHttp(_SessionServer[MCPServerStreamableHttpParams]):
    """An MCP server reached over the streamable HTTP transport."""

    _session_id: str | None = None

    def _default_name(self, params: Any) -> str:
        return f"streamable http: {params['url']}"

    @contextlib.asynccontextmanager
    async def _streams(self) -> AsyncIterator[Any]:
        params = self.params
        timeout = _seconds(params.get("timeout"), 30.0)
        timeouts = httpx2.Timeout(timeout, read=_seconds(params.get("sse_read_timeout"), 300.0))
        factory = params.get("httpx_client_factory")
        if factory is not None:
            client = factory(
                headers=params.get("headers"), timeout=timeouts, auth=params.get("auth")
            )
        else:
            client = httpx2.AsyncClient(
                headers=params.get("headers"),
                timeout=timeouts,
                auth=params.get("auth"),
                follow_redirects=True,
            )

        async def note_session_id(response: httpx2.Response) -> None:
            session_id = response.headers.get("mcp-session-id")
            if session_id:
                self._session_id = session_id

        client.event_hooks.setdefault("response", []).append(note_session_id)
        try:
            async with (
                client,
                streamable_http_client(
                    params["url"],
                    http_client=client,
                    terminate_on_close=params.get("terminate_on_close", True),
                ) as streams,
            ):
                yield streams
        finally:
            self._session_id = None

    @property
    def session_id(self) -> str | None:
        """The session id the server gave this connection (``Mcp-Session-Id``; None when not
        connected, or for a server that keeps no sessions)."""
        return self._session_id

    def _transport(self) -> AbstractAsyncContextManager[Any]:
        return self._streams()
