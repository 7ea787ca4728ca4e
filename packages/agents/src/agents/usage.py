"""Usage (from ``agents_core.usage``)."""

from agents_core.usage import *  # noqa: F403
from agents_core.usage import __all__ as __all__
