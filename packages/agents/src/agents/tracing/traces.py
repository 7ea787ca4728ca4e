"""Traces (from ``agents_core.tracing.traces``)."""

from agents_core.tracing.traces import *  # noqa: F403
from agents_core.tracing.traces import __all__ as __all__
