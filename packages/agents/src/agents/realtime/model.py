"""``agents.realtime.model``: the realtime model interface and the playback tracker.

Re-exports ``agents_realtime.model``; needs ``pip install 'agents[realtime]'``.
"""

from ._require import missing_realtime

try:
    from agents_realtime.model import RealtimeModel as RealtimeModel
    from agents_realtime.model import RealtimeModelConfig as RealtimeModelConfig
    from agents_realtime.model import RealtimeModelListener as RealtimeModelListener
    from agents_realtime.model import RealtimePlaybackState as RealtimePlaybackState
    from agents_realtime.model import RealtimePlaybackTracker as RealtimePlaybackTracker
except ModuleNotFoundError as exc:  # pragma: no cover - depends on what is installed
    raise missing_realtime(exc) from exc

__all__ = (
    "RealtimeModel",
    "RealtimeModelConfig",
    "RealtimeModelListener",
    "RealtimePlaybackState",
    "RealtimePlaybackTracker",
)
