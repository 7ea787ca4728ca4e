"""Structured output schemas (from ``agents_core.agent_output``)."""

from agents_core.agent_output import *  # noqa: F403
from agents_core.agent_output import __all__ as __all__
