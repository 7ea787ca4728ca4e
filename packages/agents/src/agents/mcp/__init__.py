"""MCP servers as tool sources (from ``agents_core.mcp``)."""

from agents_core.mcp import *  # noqa: F403
from agents_core.mcp import __all__ as __all__
