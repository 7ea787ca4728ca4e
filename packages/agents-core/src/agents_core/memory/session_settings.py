"""How a session is read."""

from .._memory.session import SessionSettings as SessionSettings
from .._memory.session import coerce_session_settings as coerce_session_settings
from .._memory.session import resolve_session_limit as resolve_session_limit

__all__ = ("SessionSettings", "coerce_session_settings", "resolve_session_limit")
