"""How an agent uses the tools of its MCP servers (defined apart, so agents need no MCP SDK)."""

from __future__ import annotations

from typing import NotRequired

from typing_extensions import TypedDict

from .tools import ToolErrorFunction

__all__ = ("MCPConfig",)


class MCPConfig(TypedDict):
    """How an agent uses its MCP servers' tools (``Agent(mcp_config=...)``).

    ``convert_schemas_to_strict`` (default True) makes tool schemas strict where they can be:
    optional arguments become nullable and are left out of the call when the model sends null.
    ``include_server_in_tool_names`` prefixes each tool with its server's name, which settles
    name collisions between servers. ``failure_error_function`` turns a failed call into the
    tool output the model sees (``None``: the run raises).
    """

    convert_schemas_to_strict: NotRequired[bool]
    include_server_in_tool_names: NotRequired[bool]
    failure_error_function: NotRequired[ToolErrorFunction | None]
