"""What a request offered the model, so the fake server never answers with a call it could not make.

A real model calls only the functions in the request's ``tools`` and uses only the hosted tools
listed there; a scripted reply that does otherwise would let a test pass that fails against the
real API (a handoff never offered, a tool dropped from the request).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ("unoffered_call",)

# Output item types a model emits only when the request lists a tool of one of these types.
_HOSTED_ITEM_TOOLS: dict[str, tuple[str, ...]] = {
    "web_search_call": ("web_search", "web_search_preview"),
    "file_search_call": ("file_search",),
    "code_interpreter_call": ("code_interpreter",),
    "image_generation_call": ("image_generation",),
    "computer_call": ("computer_use_preview", "computer"),
    "local_shell_call": ("local_shell",),
    "shell_call": ("shell",),
    "apply_patch_call": ("apply_patch",),
    "mcp_call": ("mcp",),
    "mcp_list_tools": ("mcp",),
    "mcp_approval_request": ("mcp",),
}


def _offered_functions(path: str, tools: list[Any]) -> list[str]:
    names: list[str] = []
    for tool in tools:
        if not isinstance(tool, Mapping):
            continue
        if path == "/chat/completions":
            function = tool.get("function")
            if isinstance(function, Mapping) and function.get("name"):
                names.append(str(function["name"]))
        elif tool.get("type") in ("function", "custom") and tool.get("name"):
            names.append(str(tool["name"]))
    return names


def _tool_type_offered(tools: list[Any], kinds: tuple[str, ...], item: Mapping[str, Any]) -> bool:
    for tool in tools:
        if not isinstance(tool, Mapping):
            continue
        kind = str(tool.get("type", ""))
        # Dated variants ("web_search_preview_2025_03_11") count as their base type.
        if not any(kind == base or kind.startswith(base + "_2") for base in kinds):
            continue
        if kinds == ("mcp",) and item.get("server_label") not in (None, tool.get("server_label")):
            continue
        return True
    return False


def unoffered_call(
    path: str, request: Mapping[str, Any], output: list[dict[str, Any]]
) -> str | None:
    """Why a reply with ``output`` could not come from the real API for ``request``, or None.

    A function call must name a function (or handoff) in the request's ``tools``; a hosted or
    local tool call needs its tool listed (an MCP call, the server with its label).
    """
    tools = request.get("tools") or []
    if not isinstance(tools, list):
        tools = []
    for item in output:
        kind = item.get("type")
        if kind in ("function_call", "custom_tool_call"):
            offered = _offered_functions(path, tools)
            if item.get("name") not in offered:
                return (
                    f"The scripted reply calls '{item.get('name')}', which the request did not "
                    f"offer (offered functions: {', '.join(offered) or 'none'}). A real model "
                    "can only call what it is offered: check the agent's tools and handoffs, or "
                    "create the server with allow_unoffered_calls=True to test a call to an "
                    "unknown tool."
                )
        elif isinstance(kind, str) and kind in _HOSTED_ITEM_TOOLS:
            kinds = _HOSTED_ITEM_TOOLS[kind]
            if path == "/chat/completions" or not _tool_type_offered(tools, kinds, item):
                offered_types = sorted(
                    {str(t.get("type")) for t in tools if isinstance(t, Mapping)}
                )
                return (
                    f"The scripted reply holds a '{kind}' item, but the request offered no "
                    f"'{kinds[0]}' tool"
                    + (f" for server '{item['server_label']}'" if item.get("server_label") else "")
                    + f" (offered tool types: {', '.join(offered_types) or 'none'}). Create the "
                    "server with allow_unoffered_calls=True to script it anyway."
                )
    return None
