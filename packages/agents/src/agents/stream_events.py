"""Stream events (from ``agents_core.stream_events``)."""

from agents_core.stream_events import *  # noqa: F403
from agents_core.stream_events import __all__ as __all__
