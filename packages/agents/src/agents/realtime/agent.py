"""``agents.realtime.agent``: realtime agents and their hooks.

Re-exports ``agents_realtime.agent``; needs ``pip install 'agents[realtime]'``.
"""

from ._require import missing_realtime

try:
    from agents_realtime.agent import RealtimeAgent as RealtimeAgent
    from agents_realtime.agent import RealtimeAgentHooks as RealtimeAgentHooks
    from agents_realtime.agent import RealtimeRunHooks as RealtimeRunHooks
except ModuleNotFoundError as exc:  # pragma: no cover - depends on what is installed
    raise missing_realtime(exc) from exc

__all__ = (
    "RealtimeAgent",
    "RealtimeAgentHooks",
    "RealtimeRunHooks",
)
