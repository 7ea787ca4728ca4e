"""MCP servers: stdio, SSE and streamable HTTP."""

from ._server import MCPServer as MCPServer
from ._server import MCPServerSse as MCPServerSse
from ._server import MCPServerSseParams as MCPServerSseParams
from ._server import MCPServerStdio as MCPServerStdio
from ._server import MCPServerStdioParams as MCPServerStdioParams
from ._server import MCPServerStreamableHttp as MCPServerStreamableHttp
from ._server import MCPServerStreamableHttpParams as MCPServerStreamableHttpParams

__all__ = (
    "MCPServer",
    "MCPServerSse",
    "MCPServerSseParams",
    "MCPServerStdio",
    "MCPServerStdioParams",
    "MCPServerStreamableHttp",
    "MCPServerStreamableHttpParams",
)
