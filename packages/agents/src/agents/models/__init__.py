"""Models (from ``agents_core.models``)."""

from agents_core.models import *  # noqa: F403
from agents_core.models import __all__ as __all__
