"""Agents: ``Agent`` and how a run ends after tool calls."""

from ._agents.agent import Agent as Agent
from ._agents.agent import AgentBase as AgentBase
from ._agents.agent import AgentToolStreamEvent as AgentToolStreamEvent
from ._agents.agent import StopAtTools as StopAtTools
from ._agents.agent import ToolsToFinalOutputFunction as ToolsToFinalOutputFunction
from ._agents.agent import ToolsToFinalOutputResult as ToolsToFinalOutputResult
from ._tools.mcp_config import MCPConfig as MCPConfig

__all__ = (
    "Agent",
    "AgentBase",
    "AgentToolStreamEvent",
    "MCPConfig",
    "StopAtTools",
    "ToolsToFinalOutputFunction",
    "ToolsToFinalOutputResult",
)
