"""MCP: tools, resources and prompts from Model Context Protocol servers.

Needs the ``mcp`` extra (``pip install 'agents-core[mcp]'``; the ``agents`` package includes
it). Connect a server, give it to an agent, and its tools are the agent's tools::

    async with MCPServerStdio(params={"command": "npx", "args": [...]}) as server:
        agent = Agent(name="files", mcp_servers=[server])
        result = await Runner.run(agent, "What is in notes.txt?")
"""

try:
    import mcp as _mcp  # noqa: F401
except ModuleNotFoundError as exc:  # pragma: no cover - depends on what is installed
    if exc.name != "mcp":
        raise
    raise ModuleNotFoundError(
        "agents_core.mcp needs the official MCP SDK: pip install 'agents-core[mcp]' "
        "(the 'agents' package includes it)",
        name="mcp",
    ) from exc

from .._tools.mcp_config import MCPConfig as MCPConfig
from ..exceptions import MCPConnectionError as MCPConnectionError
from ..exceptions import MCPServerError as MCPServerError
from ..exceptions import MCPToolError as MCPToolError
from ._manager import MCPServerManager as MCPServerManager
from ._server import MCPServer as MCPServer
from ._server import MCPServerSse as MCPServerSse
from ._server import MCPServerSseParams as MCPServerSseParams
from ._server import MCPServerStdio as MCPServerStdio
from ._server import MCPServerStdioParams as MCPServerStdioParams
from ._server import MCPServerStreamableHttp as MCPServerStreamableHttp
from ._server import MCPServerStreamableHttpParams as MCPServerStreamableHttpParams
from ._tools import LocalMCPApprovalCallable as LocalMCPApprovalCallable
from ._tools import RequireApprovalSetting as RequireApprovalSetting
from ._tools import ToolFilter as ToolFilter
from ._tools import ToolFilterCallable as ToolFilterCallable
from ._tools import ToolFilterContext as ToolFilterContext
from ._tools import ToolFilterStatic as ToolFilterStatic
from ._tools import create_static_tool_filter as create_static_tool_filter
from ._tools import prompt_instructions as prompt_instructions
from ._tools import tool_output_from_result as tool_output_from_result

__all__ = (
    "LocalMCPApprovalCallable",
    "MCPConfig",
    "MCPConnectionError",
    "MCPServer",
    "MCPServerError",
    "MCPServerManager",
    "MCPServerSse",
    "MCPServerSseParams",
    "MCPServerStdio",
    "MCPServerStdioParams",
    "MCPServerStreamableHttp",
    "MCPServerStreamableHttpParams",
    "MCPToolError",
    "RequireApprovalSetting",
    "ToolFilter",
    "ToolFilterCallable",
    "ToolFilterContext",
    "ToolFilterStatic",
    "create_static_tool_filter",
    "prompt_instructions",
    "tool_output_from_result",
)
