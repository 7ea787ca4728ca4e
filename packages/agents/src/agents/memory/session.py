"""The session protocol (from ``agents_core.memory.session``)."""

from agents_core.memory.session import *  # noqa: F403
from agents_core.memory.session import __all__ as __all__
