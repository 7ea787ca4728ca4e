"""Lifecycle callbacks of runs and agents."""

from ._agents.hooks import AgentHooks as AgentHooks
from ._agents.hooks import AgentHooksBase as AgentHooksBase
from ._agents.hooks import RunHooks as RunHooks
from ._agents.hooks import RunHooksBase as RunHooksBase

__all__ = (
    "AgentHooks",
    "AgentHooksBase",
    "RunHooks",
    "RunHooksBase",
)
