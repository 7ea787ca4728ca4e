"""``AdvancedSQLiteSession``, at its official path (extra ``extensions``)."""

from .._optional import missing_distribution

try:
    from agents_extensions.memory.advanced_sqlite_session import (
        AdvancedSQLiteSession as AdvancedSQLiteSession,
    )
except ModuleNotFoundError as exc:
    missing_distribution(exc, __name__, "extensions")

__all__ = ("AdvancedSQLiteSession",)
