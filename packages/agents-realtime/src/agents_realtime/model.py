"""The realtime model interface, its listeners, and the playback tracker."""

from ._model.interface import RealtimeModel as RealtimeModel
from ._model.interface import RealtimeModelConfig as RealtimeModelConfig
from ._model.interface import RealtimeModelListener as RealtimeModelListener
from ._model.interface import RealtimePlaybackState as RealtimePlaybackState
from ._model.interface import RealtimePlaybackTracker as RealtimePlaybackTracker

__all__ = (
    "RealtimeModel",
    "RealtimeModelConfig",
    "RealtimeModelListener",
    "RealtimePlaybackState",
    "RealtimePlaybackTracker",
)
