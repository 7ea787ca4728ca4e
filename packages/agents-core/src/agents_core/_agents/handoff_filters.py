"""Ready-made handoff input filters (``handoff(agent, input_filter=...)``)."""

from __future__ import annotations

import json
from typing import Any

from .._items.items import (
    HandoffCallItem,
    HandoffOutputItem,
    ItemHelpers,
    RunItem,
    ToolCallItem,
    ToolCallOutputItem,
    TResponseInputItem,
)
from .handoffs import HandoffInputData

__all__ = ("fold_history", "remove_all_tools")

_TOOL_INPUT_TYPES = frozenset(
    {
        "function_call",
        "function_call_output",
        "computer_call",
        "computer_call_output",
        "file_search_call",
        "web_search_call",
        "code_interpreter_call",
        "image_generation_call",
        "local_shell_call",
        "local_shell_call_output",
        "mcp_call",
        "mcp_list_tools",
        "mcp_approval_request",
        "mcp_approval_response",
    }
)
_TOOL_RUN_ITEMS = (HandoffCallItem, HandoffOutputItem, ToolCallItem, ToolCallOutputItem)


def _without_tool_items(items: tuple[RunItem, ...]) -> tuple[RunItem, ...]:
    return tuple(item for item in items if not isinstance(item, _TOOL_RUN_ITEMS))


def remove_all_tools(handoff_input_data: HandoffInputData) -> HandoffInputData:
    """Drop every tool call and tool output (handoffs included), keeping the conversation itself."""
    history = handoff_input_data.input_history
    if not isinstance(history, str):
        history = tuple(item for item in history if item.get("type") not in _TOOL_INPUT_TYPES)
    return handoff_input_data.clone(
        input_history=history,
        pre_handoff_items=_without_tool_items(handoff_input_data.pre_handoff_items),
        new_items=_without_tool_items(handoff_input_data.new_items),
    )


def _describe(item: TResponseInputItem) -> str:
    kind = item.get("type", "message")
    if kind == "message" or "role" in item:
        content = item.get("content")
        if isinstance(content, list):
            content = "".join(
                str(part.get("text") or part.get("refusal") or "")
                for part in content
                if isinstance(part, dict)
            )
        return f"{item.get('role', 'assistant')}: {content}"
    if kind == "function_call":
        return f"tool call {item.get('name')}({item.get('arguments')})"
    if kind == "function_call_output":
        return f"tool output: {item.get('output')}"
    return f"{kind}: {json.dumps({k: v for k, v in item.items() if k != 'type'})[:500]}"


def fold_history(handoff_input_data: HandoffInputData) -> HandoffInputData:
    """Fold everything before the handoff into one message summarising the conversation so far.

    The next agent sees a single user message holding a transcript of the earlier conversation
    (messages, tool calls and outputs, one per line), followed by the handoff turn's own items.
    Long runs hand over a compact history this way instead of every raw item.
    """
    history = ItemHelpers.input_to_new_input_list(
        handoff_input_data.input_history
        if isinstance(handoff_input_data.input_history, str)
        else list(handoff_input_data.input_history)
    )
    history.extend(item.to_input_item() for item in handoff_input_data.pre_handoff_items)
    if not history:
        return handoff_input_data
    transcript = "\n".join(_describe(item) for item in history)
    summary: dict[str, Any] = {
        "role": "user",
        "content": f"Conversation so far, before the handoff:\n{transcript}",
    }
    return handoff_input_data.clone(input_history=(summary,), pre_handoff_items=())
