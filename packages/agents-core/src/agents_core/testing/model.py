"""``ScriptedModel`` and its steps (the same names as ``agents_core.testing``)."""

from . import *  # noqa: F403
from . import __all__ as __all__
