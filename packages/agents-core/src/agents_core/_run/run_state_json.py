"""Run items to and from plain JSON, and finding agents by name (for saved run states)."""

from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from .._items.items import (
    HandoffCallItem,
    HandoffOutputItem,
    MCPApprovalRequestItem,
    MCPApprovalResponseItem,
    MCPListToolsItem,
    MessageOutputItem,
    ReasoningItem,
    ResponseFunctionToolCall,
    ResponseOtherItem,
    ResponseOutputMessage,
    ResponseReasoningItem,
    RunItem,
    ToolApprovalItem,
    ToolCallItem,
    ToolCallOutputItem,
    output_item_adapter,
)
from ..exceptions import UserError

if TYPE_CHECKING:
    from .._agents.agent import Agent

__all__ = ("agents_by_name", "item_from_json", "item_to_json", "jsonable", "output_json")


def jsonable(value: Any) -> Any:
    """``value`` as plain JSON data: models and dataclasses dumped, anything else must be JSON."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return jsonable(dataclasses.asdict(value))
    try:
        return json.loads(json.dumps(value))
    except (TypeError, ValueError) as exc:
        raise UserError(
            f"Cannot save a {type(value).__name__} as JSON; pass context_serializer= to "
            "RunState.to_json()/to_string(), or use a dict, a dataclass or a pydantic model."
        ) from exc


def output_json(value: Any) -> Any:
    """``value`` as plain JSON, or its text when it has no JSON form (tool outputs, verdicts)."""
    try:
        return jsonable(value)
    except UserError:
        return str(value)  # a tool's return value survives as the text the model saw


def item_to_json(item: RunItem | ToolApprovalItem) -> dict[str, Any]:
    """One run item as plain JSON."""
    data: dict[str, Any] = {"type": item.type, "agent": item.agent.name}
    if isinstance(item, ToolCallOutputItem):
        data["raw_item"] = dict(item.raw_item)
        data["output"] = output_json(item.output)
    elif isinstance(item, MCPApprovalResponseItem):
        data["raw_item"] = dict(item.raw_item)
    elif isinstance(item, HandoffOutputItem):
        data["raw_item"] = dict(item.raw_item)
        data["source_agent"] = item.source_agent.name
        data["target_agent"] = item.target_agent.name
    elif isinstance(item, ToolApprovalItem):
        data["raw_item"] = item.raw_item.to_input_item()
        data["tool_name"] = item.tool_name
    else:
        data["raw_item"] = item.raw_item.to_input_item()
    return data


def _raw_output_item(data: dict[str, Any], expected: Any) -> Any:
    raw = output_item_adapter().validate_python(data["raw_item"])
    if not isinstance(raw, expected):
        raise ValueError(f"a {data['type']} holds a {type(raw).__name__}")
    return raw


def item_from_json(data: dict[str, Any], agents: dict[str, Agent[Any]]) -> Any:
    """Rebuild a run item; ``agents`` maps names to the agents of the graph (KeyError if absent)."""
    kind = data.get("type")
    agent = agents[data["agent"]]
    if kind == "message_output_item":
        return MessageOutputItem(agent, _raw_output_item(data, ResponseOutputMessage))
    if kind == "tool_call_item":
        raw = _raw_output_item(data, ResponseFunctionToolCall | ResponseOtherItem)
        return ToolCallItem(agent, raw)
    if kind == "reasoning_item":
        return ReasoningItem(agent, _raw_output_item(data, ResponseReasoningItem))
    if kind == "handoff_call_item":
        return HandoffCallItem(agent, _raw_output_item(data, ResponseFunctionToolCall))
    if kind == "mcp_list_tools_item":
        return MCPListToolsItem(agent, _raw_output_item(data, ResponseOtherItem))
    if kind == "mcp_approval_request_item":
        return MCPApprovalRequestItem(agent, _raw_output_item(data, ResponseOtherItem))
    if kind == "mcp_approval_response_item":
        if not isinstance(data["raw_item"], dict):
            raise ValueError("an mcp_approval_response_item needs a raw_item object")
        return MCPApprovalResponseItem(agent, dict(data["raw_item"]))
    if kind == "tool_approval_item":
        raw = _raw_output_item(data, ResponseFunctionToolCall | ResponseOtherItem)
        return ToolApprovalItem(agent, raw, tool_name=data.get("tool_name"))
    if kind in ("tool_call_output_item", "handoff_output_item"):
        raw_item = data["raw_item"]
        if not isinstance(raw_item, dict) or "call_id" not in raw_item:
            raise ValueError(f"a {kind} needs a raw_item with a call_id")
        if kind == "tool_call_output_item":
            return ToolCallOutputItem(agent, dict(raw_item), data.get("output"))
        source, target = agents[data["source_agent"]], agents[data["target_agent"]]
        return HandoffOutputItem(agent, dict(raw_item), source, target)
    raise ValueError(f"unknown run item type {kind!r}")


def agents_by_name(initial_agent: Agent[Any]) -> dict[str, Agent[Any]]:
    """Every agent reachable from ``initial_agent`` through handoffs and agent tools, by name."""
    from .._agents.handoffs import Handoff
    from .._tools.tools import FunctionTool

    found: dict[str, Agent[Any]] = {}
    pending = [initial_agent]
    while pending:
        agent = pending.pop()
        if agent.name in found:
            continue
        found[agent.name] = agent
        for target in agent.handoffs:
            if isinstance(target, Handoff):
                if target.agent is not None:
                    pending.append(target.agent)
            else:
                pending.append(target)
        for tool in agent.tools:
            if isinstance(tool, FunctionTool) and tool._agent_instance is not None:
                pending.append(tool._agent_instance)
    return found
