"""Handoffs: an agent passing the conversation to another agent."""

from .._agents.handoff_history import HandoffHistoryMapper as HandoffHistoryMapper
from .._agents.handoff_history import (
    default_handoff_history_mapper as default_handoff_history_mapper,
)
from .._agents.handoff_history import (
    get_conversation_history_wrappers as get_conversation_history_wrappers,
)
from .._agents.handoff_history import nest_handoff_history as nest_handoff_history
from .._agents.handoff_history import (
    reset_conversation_history_wrappers as reset_conversation_history_wrappers,
)
from .._agents.handoff_history import (
    set_conversation_history_wrappers as set_conversation_history_wrappers,
)
from .._agents.handoffs import Handoff as Handoff
from .._agents.handoffs import HandoffInputData as HandoffInputData
from .._agents.handoffs import HandoffInputFilter as HandoffInputFilter
from .._agents.handoffs import handoff as handoff

__all__ = (
    "Handoff",
    "HandoffHistoryMapper",
    "HandoffInputData",
    "HandoffInputFilter",
    "default_handoff_history_mapper",
    "get_conversation_history_wrappers",
    "handoff",
    "nest_handoff_history",
    "reset_conversation_history_wrappers",
    "set_conversation_history_wrappers",
)
