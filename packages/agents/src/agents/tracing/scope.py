"""The current trace and span (from ``agents_core.tracing.scope``)."""

from agents_core.tracing.scope import *  # noqa: F403
from agents_core.tracing.scope import __all__ as __all__
