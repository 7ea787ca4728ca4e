"""``MCPServerManager``: connect many MCP servers at once and keep going when some fail."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Any

from .._base.logging import log
from ..exceptions import MCPConnectionError
from ._server import MCPServer

__all__ = ("MCPServerManager",)


class MCPServerManager:
    """Connects a set of servers (concurrently by default) and cleans them all up.

    Use as ``async with MCPServerManager(servers) as manager:`` and give
    ``manager.active_servers`` to your agent. A server that fails to connect is reported in
    ``failed_servers`` and ``errors`` and left out (``drop_failed_servers``); with ``strict``
    the first failure is raised instead.
    """

    def __init__(
        self,
        servers: Iterable[MCPServer],
        *,
        connect_timeout_seconds: float | None = 10.0,
        cleanup_timeout_seconds: float | None = 10.0,
        drop_failed_servers: bool = True,
        strict: bool = False,
        suppress_cancelled_error: bool = True,
        connect_in_parallel: bool = True,
    ) -> None:
        self.all_servers = list(servers)
        self.connect_timeout_seconds = connect_timeout_seconds
        self.cleanup_timeout_seconds = cleanup_timeout_seconds
        self.drop_failed_servers = drop_failed_servers
        self.strict = strict
        self.suppress_cancelled_error = suppress_cancelled_error
        """Treat a cancellation raised inside a server's connect or cleanup (not one of the
        calling task) as that server failing, instead of letting it propagate."""
        self.connect_in_parallel = connect_in_parallel
        self.errors: dict[MCPServer, BaseException] = {}
        self._connected: list[MCPServer] = []

    @property
    def active_servers(self) -> list[MCPServer]:
        """The servers to use: the connected ones (or all, without ``drop_failed_servers``)."""
        if not self.drop_failed_servers:
            return list(self.all_servers)
        return [server for server in self.all_servers if server in self._connected]

    @property
    def failed_servers(self) -> list[MCPServer]:
        """The servers that failed to connect."""
        return [server for server in self.all_servers if server in self.errors]

    async def _connect_one(self, server: MCPServer) -> None:
        try:
            await asyncio.wait_for(server.connect(), self.connect_timeout_seconds)
        except asyncio.CancelledError as cancelled:
            if not self._suppressible(cancelled):
                raise
            self.errors[server] = MCPConnectionError(server.name, "connecting was cancelled")
            log().warning("mcp server connect was cancelled", server=server.name)
            return
        except Exception as exc:
            error = exc
            if isinstance(exc, TimeoutError):
                error = MCPConnectionError(server.name, "connecting timed out")
            self.errors[server] = error
            log().warning("mcp server failed to connect", server=server.name)
            return
        self.errors.pop(server, None)
        if server not in self._connected:
            self._connected.append(server)

    def _suppressible(self, cancelled: asyncio.CancelledError) -> bool:
        """Whether a cancellation came from inside a server rather than for the caller."""
        task = asyncio.current_task()
        return self.suppress_cancelled_error and task is not None and not task.cancelling()

    async def connect_all(self) -> list[MCPServer]:
        """Connect every server not yet connected; return the active ones."""
        pending = [server for server in self.all_servers if server not in self._connected]
        if self.connect_in_parallel:
            await asyncio.gather(*(self._connect_one(server) for server in pending))
        else:
            for server in pending:
                await self._connect_one(server)
        if self.strict and self.errors:
            await self.cleanup_all()
            server, error = next(iter(self.errors.items()))
            raise MCPConnectionError(server.name, f"failed to connect: {error}") from error
        return self.active_servers

    async def reconnect(self, *, failed_only: bool = True) -> list[MCPServer]:
        """Try the failed servers again (or, with ``failed_only=False``, every server)."""
        if not failed_only:
            await self.cleanup_all()
        return await self.connect_all()

    async def cleanup_all(self) -> None:
        """Clean up every connected server, each within ``cleanup_timeout_seconds``."""
        connected, self._connected = self._connected, []

        async def clean(server: MCPServer) -> None:
            try:
                await asyncio.wait_for(server.cleanup(), self.cleanup_timeout_seconds)
            except asyncio.CancelledError as cancelled:
                if not self._suppressible(cancelled):
                    raise
                log().warning("mcp server cleanup was cancelled", server=server.name)
            except Exception:
                log().warning("mcp server cleanup failed", server=server.name)

        await asyncio.gather(*(clean(server) for server in reversed(connected)))

    async def __aenter__(self) -> MCPServerManager:
        await self.connect_all()
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        await self.cleanup_all()
