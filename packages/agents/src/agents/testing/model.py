"""``ScriptedModel`` and its steps (from ``agents_core.testing``)."""

from agents_core.testing.model import *  # noqa: F403
from agents_core.testing.model import __all__ as __all__
