"""Strict JSON schemas (from ``agents_core.strict_schema``)."""

from agents_core.strict_schema import *  # noqa: F403
from agents_core.strict_schema import __all__ as __all__
