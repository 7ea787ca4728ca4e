"""Tracing processor and exporter interfaces (from ``agents_core.tracing``)."""

from agents_core.tracing.processor_interface import *  # noqa: F403
from agents_core.tracing.processor_interface import __all__ as __all__
