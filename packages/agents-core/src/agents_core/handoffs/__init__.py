"""Handoffs: an agent passing the conversation to another agent."""

from .._agents.handoffs import Handoff as Handoff
from .._agents.handoffs import HandoffInputData as HandoffInputData
from .._agents.handoffs import HandoffInputFilter as HandoffInputFilter
from .._agents.handoffs import handoff as handoff

__all__ = (
    "Handoff",
    "HandoffInputData",
    "HandoffInputFilter",
    "handoff",
)
