"""Spans (from ``agents_core.tracing.spans``)."""

from agents_core.tracing.spans import *  # noqa: F403
from agents_core.tracing.spans import __all__ as __all__
