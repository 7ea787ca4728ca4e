"""MCP servers: stdio, SSE and streamable HTTP."""

from ._server import MCPServer as MCPServer
from ._server import MCPServerSse as MCPServerSse
from ._server import MCPServerSseParams as MCPServerSseParams
from ._server import MCPServerStdio as MCPServerStdio
from ._server import MCPServerStdioParams as MCPServerStdioParams
from ._server import MCPServerStreamableHttp as MCPServerStreamableHttp
from ._server import MCPServerStreamableHttpParams as MCPServerStreamableHttpParams
from ._tools import LocalMCPApprovalCallable as LocalMCPApprovalCallable
from ._tools import RequireApprovalMapping as RequireApprovalMapping
from ._tools import RequireApprovalObject as RequireApprovalObject
from ._tools import RequireApprovalPolicy as RequireApprovalPolicy
from ._tools import RequireApprovalSetting as RequireApprovalSetting
from ._tools import RequireApprovalToolList as RequireApprovalToolList

__all__ = (
    "LocalMCPApprovalCallable",
    "MCPServer",
    "MCPServerSse",
    "MCPServerSseParams",
    "MCPServerStdio",
    "MCPServerStdioParams",
    "MCPServerStreamableHttp",
    "MCPServerStreamableHttpParams",
    "RequireApprovalMapping",
    "RequireApprovalObject",
    "RequireApprovalPolicy",
    "RequireApprovalSetting",
    "RequireApprovalToolList",
)
