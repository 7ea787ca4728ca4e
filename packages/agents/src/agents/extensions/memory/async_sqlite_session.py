"""``AsyncSQLiteSession``, at its official path (extra ``extensions``)."""

from .._optional import missing_distribution

try:
    from agents_extensions.memory.async_sqlite_session import (
        AsyncSQLiteSession as AsyncSQLiteSession,
    )
except ModuleNotFoundError as exc:
    missing_distribution(exc, __name__, "extensions")

__all__ = ("AsyncSQLiteSession",)
