"""The default model and the settings each model starts with (from ``agents_core``)."""

from agents_core.models.default_models import *  # noqa: F403
from agents_core.models.default_models import __all__ as __all__
