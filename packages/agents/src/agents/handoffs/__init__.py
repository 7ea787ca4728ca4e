"""Handoffs (from ``agents_core.handoffs``)."""

from agents_core.handoffs import *  # noqa: F403
from agents_core.handoffs import __all__ as __all__
