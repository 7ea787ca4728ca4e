"""Paused runs (from ``agents_core.run_state``)."""

from agents_core.run_state import *  # noqa: F403
from agents_core.run_state import __all__ as __all__
