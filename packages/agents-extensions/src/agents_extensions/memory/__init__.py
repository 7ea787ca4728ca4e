"""Session back ends beyond the core's memory and SQLite sessions.

Each class loads on first use, with the library it needs (a missing one raises
``MissingExtraError`` naming the extra to install):

- ``RedisSession`` (extra ``redis``): Redis, atomic turns, optional TTL.
- ``SQLAlchemySession`` (extra ``sqlalchemy``): PostgreSQL, SQLite, MySQL through SQLAlchemy 2.
- ``EncryptedSession`` (extra ``encrypt``): wraps any session; items encrypted, authenticated,
  expiring.
- ``AsyncSQLiteSession``: the SQLite session with an awaitable ``close()``.
- ``AdvancedSQLiteSession``: SQLite with turns, branches and usage per turn.

All store the layouts of OpenAI's Agents SDK, so data written by either library reads in the other.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__all__ = (
    "AdvancedSQLiteSession",
    "AsyncSQLiteSession",
    "EncryptedSession",
    "RedisSession",
    "SQLAlchemySession",
)

_EXPORTS: dict[str, str] = {
    "AdvancedSQLiteSession": "advanced_sqlite_session",
    "AsyncSQLiteSession": "async_sqlite_session",
    "EncryptedSession": "encrypt_session",
    "RedisSession": "redis_session",
    "SQLAlchemySession": "sqlalchemy_session",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:
    from .advanced_sqlite_session import AdvancedSQLiteSession as AdvancedSQLiteSession
    from .async_sqlite_session import AsyncSQLiteSession as AsyncSQLiteSession
    from .encrypt_session import EncryptedSession as EncryptedSession
    from .redis_session import RedisSession as RedisSession
    from .sqlalchemy_session import SQLAlchemySession as SQLAlchemySession
