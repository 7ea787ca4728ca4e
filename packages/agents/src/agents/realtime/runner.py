"""``agents.realtime.runner``: the realtime runner.

Re-exports ``agents_realtime.runner``; needs ``pip install 'agents[realtime]'``.
"""

from ._require import missing_realtime

try:
    from agents_realtime.runner import RealtimeRunner as RealtimeRunner
except ModuleNotFoundError as exc:  # pragma: no cover - depends on what is installed
    raise missing_realtime(exc) from exc

__all__ = ("RealtimeRunner",)
