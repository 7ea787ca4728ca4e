"""The library's logger (from ``agents_core.logger``)."""

from agents_core.logger import *  # noqa: F403
from agents_core.logger import __all__ as __all__
