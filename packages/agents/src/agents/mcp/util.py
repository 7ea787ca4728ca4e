"""MCP tool filters (from ``agents_core.mcp.util``)."""

from agents_core.mcp.util import *  # noqa: F403
from agents_core.mcp.util import __all__ as __all__
