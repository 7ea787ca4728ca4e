"""``AsyncSQLiteSession``: the SQLite session with an awaitable ``close()``."""

from .._memory._async_sqlite import AsyncSQLiteSession as AsyncSQLiteSession

__all__ = ("AsyncSQLiteSession",)
