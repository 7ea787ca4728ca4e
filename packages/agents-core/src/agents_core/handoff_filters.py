"""Handoff input filters: rewrite what the next agent sees of the conversation."""

from ._agents.handoff_filters import fold_history as fold_history
from ._agents.handoff_filters import remove_all_tools as remove_all_tools

__all__ = ("fold_history", "remove_all_tools")
