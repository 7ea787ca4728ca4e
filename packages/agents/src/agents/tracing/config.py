"""Per-run tracing settings (from ``agents_core.tracing.config``)."""

from agents_core.tracing.config import *  # noqa: F403
from agents_core.tracing.config import __all__ as __all__
