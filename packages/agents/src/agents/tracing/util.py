"""Ids and timestamps (from ``agents_core.tracing.util``)."""

from agents_core.tracing.util import *  # noqa: F403
from agents_core.tracing.util import __all__ as __all__
