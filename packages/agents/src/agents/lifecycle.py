"""Run and agent hooks (from ``agents_core.lifecycle``)."""

from agents_core.lifecycle import *  # noqa: F403
from agents_core.lifecycle import __all__ as __all__
