"""The MCP server manager (from ``agents_core.mcp.manager``)."""

from agents_core.mcp.manager import *  # noqa: F403
from agents_core.mcp.manager import __all__ as __all__
