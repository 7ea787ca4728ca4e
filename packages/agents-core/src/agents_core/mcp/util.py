"""Filtering the tools of MCP servers."""

from ._server import HttpClientFactory as HttpClientFactory
from ._tools import ToolFilter as ToolFilter
from ._tools import ToolFilterCallable as ToolFilterCallable
from ._tools import ToolFilterContext as ToolFilterContext
from ._tools import ToolFilterStatic as ToolFilterStatic
from ._tools import create_static_tool_filter as create_static_tool_filter

__all__ = (
    "HttpClientFactory",
    "ToolFilter",
    "ToolFilterCallable",
    "ToolFilterContext",
    "ToolFilterStatic",
    "create_static_tool_filter",
)
