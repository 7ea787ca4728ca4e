"""Function schemas (from ``agents_core.function_schema``)."""

from agents_core.function_schema import *  # noqa: F403
from agents_core.function_schema import __all__ as __all__
