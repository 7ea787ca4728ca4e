"""Decorators for tools and guardrails (from ``agents_core.decorators``)."""

from agents_core.decorators import *  # noqa: F403
from agents_core.decorators import __all__ as __all__
