"""Run items and model responses (from ``agents_core.items``)."""

from agents_core.items import *  # noqa: F403
from agents_core.items import __all__ as __all__
