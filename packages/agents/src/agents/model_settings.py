"""Model settings (from ``agents_core.model_settings``)."""

from agents_core.model_settings import *  # noqa: F403
from agents_core.model_settings import __all__ as __all__
