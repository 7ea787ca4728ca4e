"""Realtime agents and their lifecycle hooks."""

from ._agents.agent import RealtimeAgent as RealtimeAgent
from ._agents.agent import RealtimeAgentHooks as RealtimeAgentHooks
from ._agents.agent import RealtimeRunHooks as RealtimeRunHooks

__all__ = ("RealtimeAgent", "RealtimeAgentHooks", "RealtimeRunHooks")
