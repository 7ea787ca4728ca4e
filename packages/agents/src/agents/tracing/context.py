"""The trace of a run (from ``agents_core.tracing.context``)."""

from agents_core.tracing.context import *  # noqa: F403
from agents_core.tracing.context import __all__ as __all__
