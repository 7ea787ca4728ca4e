"""Conversation memory: the session protocol and the sessions of this package."""

from .._memory.history import SessionInputCallback as SessionInputCallback
from .._memory.session import MemorySession as MemorySession
from .._memory.session import Session as Session
from .._memory.session import SessionABC as SessionABC
from .._memory.session import SessionSettings as SessionSettings
from .._memory.sqlite_session import SQLiteSession as SQLiteSession

__all__ = (
    "MemorySession",
    "SQLiteSession",
    "Session",
    "SessionABC",
    "SessionInputCallback",
    "SessionSettings",
)
