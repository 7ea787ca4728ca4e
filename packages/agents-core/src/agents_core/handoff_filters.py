"""Handoff input filters: rewrite what the next agent sees of the conversation."""

from ._agents.handoff_filters import fold_history as fold_history
from ._agents.handoff_filters import remove_all_tools as remove_all_tools
from ._agents.handoff_history import (
    default_handoff_history_mapper as default_handoff_history_mapper,
)
from ._agents.handoff_history import nest_handoff_history as nest_handoff_history

__all__ = (
    "default_handoff_history_mapper",
    "fold_history",
    "nest_handoff_history",
    "remove_all_tools",
)
