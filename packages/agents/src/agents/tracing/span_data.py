"""Span data (from ``agents_core.tracing.span_data``)."""

from agents_core.tracing.span_data import *  # noqa: F403
from agents_core.tracing.span_data import __all__ as __all__
