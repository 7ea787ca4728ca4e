"""Managing the connections of several MCP servers."""

from ._manager import MCPServerManager as MCPServerManager

__all__ = ("MCPServerManager",)
