"""MCP servers (from ``agents_core.mcp.server``)."""

from agents_core.mcp.server import *  # noqa: F403
from agents_core.mcp.server import __all__ as __all__
