"""Nested handoff history: the conversation so far folded into one message."""

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

__all__ = (
    "default_handoff_history_mapper",
    "get_conversation_history_wrappers",
    "nest_handoff_history",
    "reset_conversation_history_wrappers",
    "set_conversation_history_wrappers",
)
