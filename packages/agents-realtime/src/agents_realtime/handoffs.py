"""Handoffs between realtime agents."""

from ._agents.handoffs import OnHandoffWithInput as OnHandoffWithInput
from ._agents.handoffs import OnHandoffWithoutInput as OnHandoffWithoutInput
from ._agents.handoffs import collect_enabled_handoffs as collect_enabled_handoffs
from ._agents.handoffs import filter_enabled_handoffs as filter_enabled_handoffs
from ._agents.handoffs import realtime_handoff as realtime_handoff

__all__ = (
    "OnHandoffWithInput",
    "OnHandoffWithoutInput",
    "collect_enabled_handoffs",
    "filter_enabled_handoffs",
    "realtime_handoff",
)
