"""The run context (from ``agents_core.run_context``)."""

from agents_core.run_context import *  # noqa: F403
from agents_core.run_context import __all__ as __all__
