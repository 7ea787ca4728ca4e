"""``SQLAlchemySession``: conversation memory in any SQL database SQLAlchemy 2 drives async.

PostgreSQL (asyncpg) and SQLite (aiosqlite) are tested; MySQL and others work through the same
portable statements. The tables are those of OpenAI's Agents SDK, so either library reads what
the other wrote::

    agent_sessions (session_id PK, created_at, updated_at)
    agent_messages (id autoincrement PK, session_id FK -> agent_sessions ON DELETE CASCADE,
                    message_data TEXT (an item as JSON), created_at)
    index idx_agent_messages_session_time (session_id, created_at, id)

History is ordered by ``(created_at, id)``. Every write is one transaction whose first statement
locks the session's row (an upsert when storing a turn), so writers of one session, in any
number of processes, take turns: a turn is stored whole or not at all, and turns never
interleave. On PostgreSQL each turn's ``created_at`` is taken after that lock (the statement's
time rather than the transaction's), so the order of turns is the order in which they committed.
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import weakref
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from agents_core import SessionSettings, TResponseInputItem
from agents_core.exceptions import SessionError
from agents_core.memory import SessionABC

from .._optional import require
from ._common import (
    check_items,
    check_session_id,
    coerce_settings,
    decode_item,
    decode_items,
    encode_items,
    resolve_limit,
)

sa = require("sqlalchemy", feature="SQLAlchemySession", extra="sqlalchemy")
_sa_async = require("sqlalchemy.ext.asyncio", feature="SQLAlchemySession", extra="sqlalchemy")
_sa_exc = require("sqlalchemy.exc", feature="SQLAlchemySession", extra="sqlalchemy")

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

__all__ = ("SQLAlchemySession",)

_SQLITE_BUSY_TIMEOUT_MS = 30_000


@dataclass(frozen=True)
class _Tables:
    """The two tables and the statements a session runs on them (built once per name pair)."""

    metadata: Any
    sessions: Any
    messages: Any
    select_all: Any
    select_latest: Any
    lock_session: Any
    latest: Any
    delete_messages: Any
    delete_session: Any


_tables: dict[tuple[str, str], _Tables] = {}


def _build_tables(sessions_table: str, messages_table: str) -> _Tables:
    metadata = sa.MetaData()
    now = sa.text("CURRENT_TIMESTAMP")
    sessions = sa.Table(
        sessions_table,
        metadata,
        sa.Column("session_id", sa.String, primary_key=True),
        sa.Column("created_at", sa.TIMESTAMP(timezone=False), server_default=now, nullable=False),
        sa.Column("updated_at", sa.TIMESTAMP(timezone=False), server_default=now, nullable=False),
    )
    messages = sa.Table(
        messages_table,
        metadata,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "session_id",
            sa.String,
            sa.ForeignKey(f"{sessions_table}.session_id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("message_data", sa.Text, nullable=False),
        sa.Column("created_at", sa.TIMESTAMP(timezone=False), server_default=now, nullable=False),
        sa.Index(f"idx_{messages_table}_session_time", "session_id", "created_at", "id"),
        sqlite_autoincrement=True,
    )
    session_id = sa.bindparam("sid")
    by_session = messages.c.session_id == session_id
    newest_first = (messages.c.created_at.desc(), messages.c.id.desc())
    return _Tables(
        metadata=metadata,
        sessions=sessions,
        messages=messages,
        select_all=sa.select(messages.c.message_data)
        .where(by_session)
        .order_by(messages.c.created_at, messages.c.id),
        select_latest=sa.select(messages.c.message_data)
        .where(by_session)
        .order_by(*newest_first)
        .limit(sa.bindparam("limit")),
        # A write that takes the row lock (PostgreSQL) or the database's write lock (SQLite)
        # before anything is read, so writers queue instead of failing to upgrade a read lock.
        lock_session=sa.update(sessions)
        .where(sessions.c.session_id == session_id)
        .values(updated_at=now),
        latest=sa.select(messages.c.id, messages.c.message_data)
        .where(by_session)
        .order_by(*newest_first)
        .limit(1),
        delete_messages=sa.delete(messages).where(by_session),
        delete_session=sa.delete(sessions).where(sessions.c.session_id == session_id),
    )


def _tables_for(sessions_table: str, messages_table: str) -> _Tables:
    key = (sessions_table, messages_table)
    tables = _tables.get(key)
    if tables is None:
        tables = _tables[key] = _build_tables(*key)
    return tables


# Engines (by their sync engine) whose SQLite connections got a busy timeout and WAL.
_configured: weakref.WeakSet[Any] = weakref.WeakSet()
# Engines and table pairs whose tables this process created or found.
_created: weakref.WeakKeyDictionary[Any, set[tuple[str, str]]] = weakref.WeakKeyDictionary()


def _configure_sqlite(engine: AsyncEngine) -> None:
    """Make SQLite writers wait for each other instead of failing with 'database is locked'."""
    sync_engine = engine.sync_engine
    if engine.dialect.name != "sqlite" or sync_engine in _configured:
        return

    def on_connect(connection: Any, _record: Any) -> None:
        cursor = connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {_SQLITE_BUSY_TIMEOUT_MS}")
            if engine.url.database not in (None, "", ":memory:"):
                try:
                    cursor.execute("PRAGMA journal_mode = WAL")
                except sqlite3.OperationalError as exc:
                    # Switching modes fails at once, without the busy handler, while another
                    # connection writes. WAL only lets readers and a writer overlap: this
                    # connection works in the file's current mode (its writers still wait for
                    # each other), and a later connection switches.
                    if "locked" not in str(exc):
                        raise
        finally:
            cursor.close()

    sa.event.listen(sync_engine, "connect", on_connect)
    _configured.add(sync_engine)


@contextlib.contextmanager
def _translated(action: str, session_id: str) -> Iterator[None]:
    """Database errors become ``SessionError`` once, here; the driver's message is kept, the
    statement's parameters (the items) are not."""
    try:
        yield
    except _sa_exc.SQLAlchemyError as exc:
        cause = getattr(exc, "orig", None) or exc
        message = str(cause).split("\n[SQL:")[0].strip()
        raise SessionError(
            f"The database could not {action} session {session_id!r}: "
            f"{type(cause).__name__}: {message}"
        ) from exc


def _upsert_session(dialect: str, tables: _Tables) -> Any | None:
    """An insert of the session's row that touches (and so locks) it when it exists."""
    table = tables.sessions
    touch = {"updated_at": sa.text("CURRENT_TIMESTAMP")}
    if dialect in ("postgresql", "sqlite"):
        module = require(
            f"sqlalchemy.dialects.{dialect}", feature="SQLAlchemySession", extra="sqlalchemy"
        )
        return module.insert(table).on_conflict_do_update(index_elements=["session_id"], set_=touch)
    if dialect in ("mysql", "mariadb"):
        module = require(
            "sqlalchemy.dialects.mysql", feature="SQLAlchemySession", extra="sqlalchemy"
        )
        return module.insert(table).on_duplicate_key_update(**touch)
    return None


class SQLAlchemySession(SessionABC):
    """A session stored in a SQL database through a SQLAlchemy ``AsyncEngine``.

    Pass an engine your application manages (``engine=``), or use ``SQLAlchemySession.from_url``
    (``postgresql+asyncpg://user:pass@host/db``, ``sqlite+aiosqlite:///path.db``), whose engine
    ``close()`` disposes. ``create_tables=True`` creates the tables and index when missing (use
    your migrations instead in production). Many sessions share the tables; many processes can
    write one session at once. ``ensure_ascii`` escapes non-ASCII text in the stored JSON, as
    OpenAI's Agents SDK does by default.
    """

    def __init__(
        self,
        session_id: str,
        *,
        engine: AsyncEngine,
        create_tables: bool = False,
        sessions_table: str = "agent_sessions",
        messages_table: str = "agent_messages",
        session_settings: SessionSettings | dict[str, Any] | None = None,
        ensure_ascii: bool = True,
    ) -> None:
        self.session_id = check_session_id(session_id, "SQLAlchemySession")
        self.session_settings = coerce_settings(session_settings)
        self.sessions_table = sessions_table
        self.messages_table = messages_table
        self._engine = engine
        self._ensure_ascii = ensure_ascii
        self._create_tables = create_tables
        self._tables = _tables_for(sessions_table, messages_table)
        self._upsert = _upsert_session(engine.dialect.name, self._tables)
        self._statement_time = engine.dialect.name == "postgresql"
        self._owns_engine = False
        self._create_lock = asyncio.Lock()
        _configure_sqlite(engine)

    @classmethod
    def from_url(
        cls,
        session_id: str,
        *,
        url: str,
        engine_kwargs: dict[str, Any] | None = None,
        session_settings: SessionSettings | dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> SQLAlchemySession:
        """A session with its own engine for ``url`` (an async driver's URL).

        ``engine_kwargs`` go to ``create_async_engine``; other keyword arguments
        (``create_tables``, table names) to the constructor. ``close()`` disposes the engine.
        """
        engine = _sa_async.create_async_engine(url, **(engine_kwargs or {}))
        session = cls(session_id, engine=engine, session_settings=session_settings, **kwargs)
        session._owns_engine = True
        return session

    def __repr__(self) -> str:
        return (
            f"SQLAlchemySession(session_id={self.session_id!r}, "
            f"dialect={self._engine.dialect.name!r}, messages_table={self.messages_table!r})"
        )

    @property
    def engine(self) -> AsyncEngine:
        """The engine the session uses."""
        return self._engine

    async def close(self) -> None:
        """Dispose the engine if the session created it (``from_url``); otherwise do nothing."""
        if self._owns_engine:
            await self._engine.dispose()

    # ------------------------------------------------------------------------------ tables

    async def _ensure_tables(self) -> None:
        if not self._create_tables:
            return
        key = (self.sessions_table, self.messages_table)
        async with self._create_lock:
            done = _created.setdefault(self._engine.sync_engine, set())
            if key in done:
                self._create_tables = False
                return
            with _translated("create the tables of", self.session_id):
                await self._create_all()
            done.add(key)
            self._create_tables = False

    async def _create_all(self) -> None:
        for attempt in range(3):
            try:
                async with self._engine.begin() as connection:
                    if self._engine.dialect.name == "postgresql":
                        # Processes creating the same tables at once take turns.
                        await connection.execute(
                            sa.text("SELECT pg_advisory_xact_lock(hashtext(:name))"),
                            {"name": f"agents-session-tables:{self.messages_table}"},
                        )
                    await connection.run_sync(self._tables.metadata.create_all)
                return
            except _sa_exc.DBAPIError as exc:
                # Another process created them between our check and our CREATE.
                if "already exists" not in str(exc.orig) or attempt == 2:
                    raise

    @contextlib.asynccontextmanager
    async def _transaction(self, action: str) -> AsyncIterator[AsyncConnection]:
        await self._ensure_tables()
        with _translated(action, self.session_id):
            async with self._engine.begin() as connection:
                yield connection

    # ----------------------------------------------------------------------------- the API

    async def get_items(self, limit: int | None = None) -> list[TResponseInputItem]:
        """The stored items, oldest first; with ``limit``, only the latest ``limit`` items.

        Without ``limit``, ``session_settings.limit`` applies.
        """
        limit = resolve_limit(limit, self.session_settings)
        if limit is not None and limit <= 0:
            return []
        tables, parameters = self._tables, {"sid": self.session_id}
        await self._ensure_tables()
        with _translated("read", self.session_id):
            async with self._engine.connect() as connection:
                if limit is None:
                    result = await connection.execute(tables.select_all, parameters)
                    return decode_items(result.scalars().all())
                window = limit
                while True:  # widen the window while corrupted rows hide valid ones
                    result = await connection.execute(
                        tables.select_latest, {**parameters, "limit": window}
                    )
                    rows = result.scalars().all()
                    items = decode_items(rows[::-1])
                    if len(items) >= limit or len(rows) < window:
                        return items[-limit:]
                    window *= 2

    async def add_items(self, items: list[TResponseInputItem]) -> None:
        """Append items in one transaction: all of them are stored, or none."""
        if not items:
            return
        check_items(items)
        rows = [
            {"session_id": self.session_id, "message_data": text}
            for text in encode_items(items, ensure_ascii=self._ensure_ascii)
        ]
        insert = sa.insert(self._tables.messages)
        if self._statement_time:
            insert = insert.values(created_at=sa.func.statement_timestamp())
        async with self._transaction("write") as connection:
            await self._claim_session(connection)
            await connection.execute(insert, rows)

    async def _claim_session(self, connection: AsyncConnection) -> None:
        """Create the session's row, or lock it, as the transaction's first statement."""
        if self._upsert is not None:
            await connection.execute(self._upsert, {"session_id": self.session_id})
            return
        parameters = {"sid": self.session_id}
        if (await connection.execute(self._tables.lock_session, parameters)).rowcount:
            return
        try:
            async with connection.begin_nested():
                await connection.execute(
                    sa.insert(self._tables.sessions), {"session_id": self.session_id}
                )
        except _sa_exc.IntegrityError:  # another writer created it first
            await connection.execute(self._tables.lock_session, parameters)

    async def pop_item(self) -> TResponseInputItem | None:
        """Remove and return the latest item, or None when the session is empty."""
        tables, parameters = self._tables, {"sid": self.session_id}
        while True:
            async with self._transaction("pop from") as connection:
                if not (await connection.execute(tables.lock_session, parameters)).rowcount:
                    return None
                latest = (await connection.execute(tables.latest, parameters)).first()
                if latest is None:
                    return None
                await connection.execute(
                    sa.delete(tables.messages).where(tables.messages.c.id == latest[0])
                )
            text = latest[1]
            if text is not None and (item := decode_item(text)) is not None:
                return item

    async def clear_session(self) -> None:
        """Remove every item of this session, and the session's row, in one transaction."""
        parameters = {"sid": self.session_id}
        async with self._transaction("clear") as connection:
            await connection.execute(self._tables.lock_session, parameters)
            await connection.execute(self._tables.delete_messages, parameters)
            await connection.execute(self._tables.delete_session, parameters)
