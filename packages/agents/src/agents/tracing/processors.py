"""Tracing processors and exporters (from ``agents_core.tracing.processors``)."""

from agents_core.tracing.processors import *  # noqa: F403
from agents_core.tracing.processors import __all__ as __all__
