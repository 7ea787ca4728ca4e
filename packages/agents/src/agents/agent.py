"""Agents (from ``agents_core.agent``)."""

from agents_core.agent import *  # noqa: F403
from agents_core.agent import __all__ as __all__
