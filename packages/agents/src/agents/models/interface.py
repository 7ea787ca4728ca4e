"""The model interface (from ``agents_core.models.interface``)."""

from agents_core.models.interface import *  # noqa: F403
from agents_core.models.interface import __all__ as __all__
