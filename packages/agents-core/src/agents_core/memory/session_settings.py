"""How a session is read."""

from .._memory.session import SessionSettings as SessionSettings

__all__ = ("SessionSettings",)
