"""Structured input of agents used as tools (from ``agents_core.agent_tool_input``)."""

from agents_core.agent_tool_input import *  # noqa: F403
from agents_core.agent_tool_input import __all__ as __all__
