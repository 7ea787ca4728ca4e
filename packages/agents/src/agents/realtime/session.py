"""``agents.realtime.session``: the realtime session.

Re-exports ``agents_realtime.session``; needs ``pip install 'agents[realtime]'``.
"""

from ._require import missing_realtime

try:
    from agents_realtime.session import (
        DEFAULT_APPROVAL_REJECTION_MESSAGE as DEFAULT_APPROVAL_REJECTION_MESSAGE,
    )
    from agents_realtime.session import REJECTION_MESSAGE as REJECTION_MESSAGE
    from agents_realtime.session import BackgroundToolResult as BackgroundToolResult
    from agents_realtime.session import RealtimeSession as RealtimeSession
except ModuleNotFoundError as exc:  # pragma: no cover - depends on what is installed
    raise missing_realtime(exc) from exc

__all__ = (
    "DEFAULT_APPROVAL_REJECTION_MESSAGE",
    "REJECTION_MESSAGE",
    "BackgroundToolResult",
    "RealtimeSession",
)
