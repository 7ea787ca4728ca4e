"""Stored prompts (from ``agents_core.prompts``)."""

from agents_core.prompts import *  # noqa: F403
from agents_core.prompts import __all__ as __all__
