"""Handoffs between realtime agents."""

from ._agents.handoffs import collect_enabled_handoffs as collect_enabled_handoffs
from ._agents.handoffs import filter_enabled_handoffs as filter_enabled_handoffs
from ._agents.handoffs import realtime_handoff as realtime_handoff

__all__ = (
    "collect_enabled_handoffs",
    "filter_enabled_handoffs",
    "realtime_handoff",
)
