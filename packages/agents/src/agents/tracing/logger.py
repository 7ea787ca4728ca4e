"""The tracing logger (from ``agents_core.tracing.logger``)."""

from agents_core.tracing.logger import *  # noqa: F403
from agents_core.tracing.logger import __all__ as __all__
