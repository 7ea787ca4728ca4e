"""``AsyncSQLiteSession``: the SQLite session with an awaitable ``close()``.

It stores exactly what ``agents_core.SQLiteSession`` stores (the tables of OpenAI's Agents SDK)
and runs on the core's session: SQLite calls on a worker thread, one transaction per turn, WAL so
that several processes share a file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from agents_core import SessionSettings, SQLiteSession, TResponseInputItem
from agents_core.memory import SessionABC

from ._common import check_session_id, coerce_settings

__all__ = ("AsyncSQLiteSession",)


class AsyncSQLiteSession(SessionABC):
    """A session in a SQLite file (or, by default, in memory), closed with ``await close()``.

    The same layout as ``SQLiteSession``: both (and OpenAI's Agents SDK) read each other's files.
    """

    def __init__(
        self,
        session_id: str,
        db_path: str | Path = ":memory:",
        sessions_table: str = "agent_sessions",
        messages_table: str = "agent_messages",
        session_settings: SessionSettings | dict[str, Any] | None = None,
    ) -> None:
        self.session_id = check_session_id(session_id, "AsyncSQLiteSession")
        self.db_path = db_path
        self.sessions_table = sessions_table
        self.messages_table = messages_table
        self._session = SQLiteSession(
            session_id,
            db_path,
            sessions_table,
            messages_table,
            session_settings=coerce_settings(session_settings),
        )

    def __repr__(self) -> str:
        return f"AsyncSQLiteSession(session_id={self.session_id!r}, db_path={str(self.db_path)!r})"

    @property
    def session_settings(self) -> SessionSettings:
        """How the session is read (``limit``)."""
        return self._session.session_settings

    @session_settings.setter
    def session_settings(self, value: SessionSettings | None) -> None:
        self._session.session_settings = value or SessionSettings()

    async def get_items(self, limit: int | None = None) -> list[TResponseInputItem]:
        """The stored items, oldest first; with ``limit``, only the latest ``limit`` items."""
        return await self._session.get_items(limit)

    async def add_items(self, items: list[TResponseInputItem]) -> None:
        """Append items in one transaction: all of them are stored, or none."""
        await self._session.add_items(items)

    async def pop_item(self) -> TResponseInputItem | None:
        """Remove and return the latest item, or None when the session is empty."""
        return await self._session.pop_item()

    async def clear_session(self) -> None:
        """Remove every item of this session, and the session's row."""
        await self._session.clear_session()

    async def close(self) -> None:
        """Release the database (work already submitted still completes)."""
        self._session.close()
