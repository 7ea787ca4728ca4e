"""Conversation memory in SQLite."""

from .._memory.sqlite_session import SQLiteSession as SQLiteSession

__all__ = ("SQLiteSession",)
