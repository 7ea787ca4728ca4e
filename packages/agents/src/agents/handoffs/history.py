"""Nested handoff history (from ``agents_core.handoffs.history``)."""

from agents_core.handoffs.history import *  # noqa: F403
from agents_core.handoffs.history import __all__ as __all__
