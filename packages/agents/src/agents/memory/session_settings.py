"""Session settings (from ``agents_core.memory.session_settings``)."""

from agents_core.memory.session_settings import *  # noqa: F403
from agents_core.memory.session_settings import __all__ as __all__
