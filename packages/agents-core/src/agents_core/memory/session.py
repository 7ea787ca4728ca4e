"""The session protocol."""

from .._memory.session import MemorySession as MemorySession
from .._memory.session import Session as Session
from .._memory.session import SessionABC as SessionABC

__all__ = (
    "MemorySession",
    "Session",
    "SessionABC",
)
