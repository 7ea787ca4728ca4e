"""Tracing (from ``agents_core.tracing``)."""

from agents_core.tracing import *  # noqa: F403
from agents_core.tracing import __all__ as __all__
