"""``agents.extensions.memory``: session back ends (from ``agents_extensions.memory``).

Each class loads on first use; its back end is an extra: ``pip install 'agents[redis]'``,
``'agents[sqlalchemy]'`` or ``'agents[encrypt]'``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._optional import extensions_module

__all__ = (
    "AdvancedSQLiteSession",
    "AsyncSQLiteSession",
    "EncryptedSession",
    "RedisSession",
    "SQLAlchemySession",
)


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(extensions_module("agents_extensions.memory"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:
    from agents_extensions.memory import AdvancedSQLiteSession as AdvancedSQLiteSession
    from agents_extensions.memory import AsyncSQLiteSession as AsyncSQLiteSession
    from agents_extensions.memory import EncryptedSession as EncryptedSession
    from agents_extensions.memory import RedisSession as RedisSession
    from agents_extensions.memory import SQLAlchemySession as SQLAlchemySession
