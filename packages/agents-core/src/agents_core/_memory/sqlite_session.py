"""``SQLiteSession``: conversation memory in a SQLite database, the embedded default.

One table holds the sessions and one the items (the canonical item shape, as JSON text), with the
same layout as OpenAI's Agents SDK, so either library can read a file the other wrote. The
database is in WAL mode; every write is one ``BEGIN IMMEDIATE`` transaction, so a run's items are
stored all or nothing and several processes can share one file (they wait for each other up to
``busy_timeout`` seconds).

SQLite calls never run on the event loop. Each database file gets one worker thread holding one
connection, shared by every ``SQLiteSession`` of this process that opens the file; the event loop
hands it jobs and awaits their futures. ``":memory:"`` gives each session object a private
database that lives as long as the object.

The schema is versioned in a small table (``agents_schema_versions``) that names each of the
tables and the layout version it was created with; a database written by a newer, unknown layout
is refused with ``SessionSchemaError`` rather than misread.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import queue
import re
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from .._base.logging import log
from .._items.items import TResponseInputItem
from ..exceptions import SessionError, SessionSchemaError, UserError
from .session import SessionABC, SessionSettings

__all__ = ("SCHEMA_VERSION", "SQLiteSession", "SessionError", "SessionSchemaError")

SCHEMA_VERSION = 1
"""The table layout this module writes and understands."""

_VERSIONS_TABLE = "agents_schema_versions"
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_MEMORY = ":memory:"

_T = TypeVar("_T")


# --------------------------------------------------------------------------------------------
# The worker: one thread and one connection per database file.


class _Job:
    """One unit of work for the worker, and where to deliver its outcome."""

    __slots__ = ("function", "future", "loop")

    def __init__(
        self,
        function: Callable[[sqlite3.Connection], Any],
        loop: asyncio.AbstractEventLoop,
        future: asyncio.Future[Any],
    ) -> None:
        self.function = function
        self.loop = loop
        self.future = future


def _settle(future: asyncio.Future[Any], result: Any, error: BaseException | None) -> None:
    if future.cancelled():
        return  # the caller stopped waiting; the job itself already committed or rolled back
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)


class _Worker:
    """Runs every SQLite call for one database file on its own thread, in submission order."""

    def __init__(self, path: str, *, busy_timeout: float, durable: bool) -> None:
        self.path = path
        self.pid = os.getpid()
        self._busy_timeout = busy_timeout
        self._durable = durable
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._connection: sqlite3.Connection | None = None
        # Table pairs whose schema this connection has created or checked.
        self.prepared: set[tuple[str, str]] = set()
        self._thread = threading.Thread(
            target=self._serve, name=f"agents-sqlite-session:{path}", daemon=True
        )
        self._thread.start()

    def submit(self, function: Callable[[sqlite3.Connection], _T]) -> asyncio.Future[_T]:
        """Queue ``function(connection)``; the returned future settles on the caller's loop."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[_T] = loop.create_future()
        self._jobs.put(_Job(function, loop, future))
        return future

    def stop(self) -> None:
        """Finish the queued jobs, then close the connection and end the thread."""
        self._jobs.put(None)

    def _serve(self) -> None:
        while (job := self._jobs.get()) is not None:
            result: Any = None
            error: BaseException | None = None
            try:
                result = job.function(self._connect())
            except sqlite3.Error as exc:
                error = SessionError(f"SQLite error on {self.path}: {exc}")
                error.__cause__ = exc
            except Exception as exc:
                error = exc
            # A closed loop (RuntimeError) means nobody is waiting for this outcome any more.
            with contextlib.suppress(RuntimeError):
                job.loop.call_soon_threadsafe(_settle, job.future, result, error)
        if self._connection is not None:
            self._connection.close()

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            # isolation_level=None: this module issues BEGIN IMMEDIATE / COMMIT itself.
            connection = sqlite3.connect(
                self.path,
                timeout=self._busy_timeout,
                isolation_level=None,
                check_same_thread=False,
            )
            try:
                if self.path != _MEMORY:
                    _enable_wal(connection, self._busy_timeout)
                connection.execute(f"PRAGMA synchronous={'FULL' if self._durable else 'NORMAL'}")
                connection.execute("PRAGMA foreign_keys=ON")
            except BaseException:
                connection.close()
                raise
            self._connection = connection
        return self._connection


def _enable_wal(connection: sqlite3.Connection, busy_timeout: float) -> None:
    # Switching the journal mode takes a lock that SQLite does not always wait for through the
    # busy handler, so two processes opening a new file at once may need a few tries.
    deadline = time.monotonic() + busy_timeout
    while True:
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.005)


_workers: dict[tuple[str, float, bool], tuple[_Worker, int]] = {}
_workers_lock = threading.Lock()


def _lock_for_fork() -> None:
    _workers_lock.acquire()


def _unlock_after_fork() -> None:
    _workers_lock.release()


def _fresh_lock_in_child() -> None:
    # Another thread may have held the lock when the process forked; the child has no such
    # thread, so it gets a lock of its own (the table stays consistent: it was locked).
    global _workers_lock
    _workers_lock = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(
        before=_lock_for_fork,
        after_in_parent=_unlock_after_fork,
        after_in_child=_fresh_lock_in_child,
    )


def _acquire_worker(path: str, busy_timeout: float, durable: bool) -> tuple[_Worker, Any]:
    """The shared worker of a file (started if needed) and the key to release it with."""
    if path == _MEMORY:
        return _Worker(path, busy_timeout=busy_timeout, durable=durable), None
    key = (os.path.realpath(path), busy_timeout, durable)
    with _workers_lock:
        entry = _workers.get(key)
        if entry is None or entry[0].pid != os.getpid():  # a forked child starts its own
            entry = (_Worker(key[0], busy_timeout=busy_timeout, durable=durable), 0)
        worker = entry[0]
        _workers[key] = (worker, entry[1] + 1)
    return worker, key


def _release_worker(worker: _Worker, key: Any) -> None:
    if key is None:
        worker.stop()
        return
    with _workers_lock:
        entry = _workers.get(key)
        if entry is None or entry[0] is not worker:  # replaced after a fork
            worker.stop()
            return
        count = entry[1]
        if count > 1:
            _workers[key] = (worker, count - 1)
            return
        del _workers[key]
    worker.stop()


# --------------------------------------------------------------------------------------------
# SQL: formatted once per pair of tables.


class _Statements:
    """The SQL for one sessions table and one messages table."""

    __slots__ = (
        "clear_messages",
        "clear_session",
        "create",
        "insert",
        "pop",
        "select_all",
        "select_latest",
        "tables",
        "touch_session",
    )

    def __init__(self, sessions: str, messages: str) -> None:
        for name in (sessions, messages):
            if not _IDENTIFIER.fullmatch(name):
                raise UserError(
                    f"SQLiteSession table names must be plain identifiers (letters, digits and "
                    f"underscores, not starting with a digit); got {name!r}."
                )
        self.tables = (sessions, messages)
        self.create = (
            f"CREATE TABLE IF NOT EXISTS {sessions} ("
            " session_id TEXT PRIMARY KEY,"
            " created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,"
            " updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)",
            f"CREATE TABLE IF NOT EXISTS {messages} ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " session_id TEXT NOT NULL,"
            " message_data TEXT NOT NULL,"
            " created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,"
            f" FOREIGN KEY (session_id) REFERENCES {sessions} (session_id) ON DELETE CASCADE)",
            f"CREATE INDEX IF NOT EXISTS idx_{messages}_session_id ON {messages} (session_id, id)",
        )
        self.touch_session = (
            f"INSERT INTO {sessions} (session_id) VALUES (?) "
            "ON CONFLICT (session_id) DO UPDATE SET updated_at = CURRENT_TIMESTAMP"
        )
        self.insert = f"INSERT INTO {messages} (session_id, message_data) VALUES (?, ?)"
        self.select_all = f"SELECT message_data FROM {messages} WHERE session_id = ? ORDER BY id"
        self.select_latest = (
            f"SELECT message_data FROM (SELECT id, message_data FROM {messages} "
            "WHERE session_id = ? ORDER BY id DESC LIMIT ?) ORDER BY id"
        )
        self.pop = (
            f"DELETE FROM {messages} WHERE id = (SELECT id FROM {messages} "
            "WHERE session_id = ? ORDER BY id DESC LIMIT 1) RETURNING message_data"
        )
        self.clear_messages = f"DELETE FROM {messages} WHERE session_id = ?"
        self.clear_session = f"DELETE FROM {sessions} WHERE session_id = ?"


def _prepare(worker: _Worker, connection: sqlite3.Connection, sql: _Statements) -> None:
    """Create the tables (or check their version) once per connection."""
    if sql.tables in worker.prepared:
        return
    with _transaction(connection):
        connection.execute(
            f"CREATE TABLE IF NOT EXISTS {_VERSIONS_TABLE} ("
            " table_name TEXT PRIMARY KEY, version INTEGER NOT NULL)"
        )
        for table in sql.tables:
            row = connection.execute(
                f"SELECT version FROM {_VERSIONS_TABLE} WHERE table_name = ?", (table,)
            ).fetchone()
            if row is not None and row[0] > SCHEMA_VERSION:
                raise SessionSchemaError(
                    f"Table '{table}' in {worker.path} has schema version {row[0]}, but this "
                    f"version of agents-core understands only up to {SCHEMA_VERSION}. Upgrade "
                    "agents-core, or use another file or other table names.",
                    table=table,
                    found_version=row[0],
                )
        for statement in sql.create:
            connection.execute(statement)
        connection.executemany(
            f"INSERT OR IGNORE INTO {_VERSIONS_TABLE} (table_name, version) VALUES (?, ?)",
            [(table, SCHEMA_VERSION) for table in sql.tables],
        )
    worker.prepared.add(sql.tables)


class _transaction:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, rolled back if the body raises.

    IMMEDIATE takes the write lock up front, so two writers never both read and then both fail
    to upgrade their lock; a busy database is waited for (the connection's busy timeout).
    """

    __slots__ = ("_connection",)

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def __enter__(self) -> None:
        self._connection.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, exc: object, traceback: object) -> None:
        if exc_type is None:
            self._connection.execute("COMMIT")
        elif self._connection.in_transaction:
            self._connection.execute("ROLLBACK")


def _decode_rows(rows: list[tuple[str]]) -> list[TResponseInputItem]:
    if not rows:
        return []
    try:
        # One parse for the whole history is several times faster than one per row.
        items = json.loads("[" + ",".join(row[0] for row in rows) + "]")
    except ValueError:
        items = None
    if not isinstance(items, list) or len(items) != len(rows):
        items = [_decode_one(row[0]) for row in rows]
    if all(isinstance(item, dict) for item in items):
        return items
    valid = [item for item in items if isinstance(item, dict)]
    log().warning("session rows skipped: not JSON objects", skipped=len(items) - len(valid))
    return valid


def _decode_one(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


def _encode(items: list[TResponseInputItem]) -> list[str]:
    encoded: list[str] = []
    for index, item in enumerate(items):
        try:
            encoded.append(json.dumps(item, ensure_ascii=False, separators=(",", ":")))
        except (TypeError, ValueError) as exc:
            raise UserError(
                f"Session item {index} cannot be stored: it is not plain JSON ({exc})."
            ) from exc
    return encoded


# --------------------------------------------------------------------------------------------
# The session.


class SQLiteSession(SessionABC):
    """A session stored in a SQLite database file (or, by default, in this object's memory).

    ``db_path`` is a file path, or ``":memory:"`` for a database private to this object. Many
    sessions (different ``session_id``s) can share one file and its tables; many asyncio tasks
    and several processes can use one file at once. ``close()`` when done (or let the object be
    garbage collected).

    ``busy_timeout`` is how long a write waits for another process's write before it fails with
    ``SessionError``. ``durable=False`` trades durability on power loss for speed (the database
    stays consistent either way, and a crash of the process loses nothing that was committed).
    """

    session_settings: SessionSettings

    def __init__(
        self,
        session_id: str,
        db_path: str | Path = _MEMORY,
        sessions_table: str = "agent_sessions",
        messages_table: str = "agent_messages",
        session_settings: SessionSettings | Mapping[str, Any] | None = None,
        *,
        busy_timeout: float = 30.0,
        durable: bool = True,
    ) -> None:
        if not isinstance(session_id, str) or not session_id:
            raise UserError(f"session_id must be a non-empty string, got {session_id!r}.")
        if isinstance(session_settings, Mapping):
            session_settings = SessionSettings(**session_settings)
        self.session_id = session_id
        self.db_path = db_path
        self.sessions_table = sessions_table
        self.messages_table = messages_table
        self.session_settings = session_settings or SessionSettings()
        self._sql = _Statements(sessions_table, messages_table)
        self._options = (str(db_path), busy_timeout, durable)
        self._worker: _Worker | None = None
        self._open()

    def _open(self) -> _Worker:
        worker, key = _acquire_worker(*self._options)
        self._worker = worker
        # Releases the worker on close() or when this object is collected, whichever is first.
        self._release = weakref.finalize(self, _release_worker, worker, key)
        return worker

    def _reopen_after_fork(self) -> _Worker:
        # The worker thread did not survive the fork, and SQLite connections must not cross one.
        if self._options[0] == _MEMORY:
            raise UserError(
                "A ':memory:' SQLiteSession cannot be used in a forked child process: its "
                "database lives in the parent. Use a file database to share sessions."
            )
        self._release.detach()  # the parent's worker is the parent's to release
        return self._open()

    def __repr__(self) -> str:
        return f"SQLiteSession(session_id={self.session_id!r}, db_path={str(self.db_path)!r})"

    async def _run(self, function: Callable[[_Worker, sqlite3.Connection], _T]) -> _T:
        worker = self._worker
        if worker is None:
            raise UserError(f"{self!r} is closed.")
        if worker.pid != os.getpid():
            worker = self._reopen_after_fork()
        return await worker.submit(lambda connection: function(worker, connection))

    async def get_items(self, limit: int | None = None) -> list[TResponseInputItem]:
        """The stored items, oldest first; with ``limit``, only the latest ``limit`` items.

        Without ``limit``, ``session_settings.limit`` applies.
        """
        if limit is None:
            limit = self.session_settings.limit
        if limit is not None and limit <= 0:
            return []
        sql, session_id = self._sql, self.session_id

        def read(worker: _Worker, connection: sqlite3.Connection) -> list[TResponseInputItem]:
            _prepare(worker, connection, sql)
            if limit is None:
                rows = connection.execute(sql.select_all, (session_id,)).fetchall()
            else:
                rows = connection.execute(sql.select_latest, (session_id, limit)).fetchall()
            return _decode_rows(rows)

        return await self._run(read)

    async def add_items(self, items: list[TResponseInputItem]) -> None:
        """Append items in one transaction: all of them are stored, or none."""
        if not items:
            return
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                raise UserError(
                    f"Session items must be dictionaries; item {index} is {type(item).__name__}."
                )
        items = list(items)
        sql, session_id = self._sql, self.session_id

        def write(worker: _Worker, connection: sqlite3.Connection) -> None:
            _prepare(worker, connection, sql)
            rows = [(session_id, text) for text in _encode(items)]
            with _transaction(connection):
                connection.execute(sql.touch_session, (session_id,))
                connection.executemany(sql.insert, rows)

        await self._run(write)

    async def pop_item(self) -> TResponseInputItem | None:
        """Remove and return the latest item, or None when the session is empty."""
        sql, session_id = self._sql, self.session_id

        def pop(worker: _Worker, connection: sqlite3.Connection) -> str | None:
            _prepare(worker, connection, sql)
            with _transaction(connection):
                row = connection.execute(sql.pop, (session_id,)).fetchone()
            return None if row is None else str(row[0])

        text = await self._run(pop)
        if text is None:
            return None
        item = _decode_one(text)
        if not isinstance(item, dict):
            log().warning("session row skipped: not a JSON object")
            return None
        return item

    async def clear_session(self) -> None:
        """Remove every item of this session, and the session's row."""
        sql, session_id = self._sql, self.session_id

        def clear(worker: _Worker, connection: sqlite3.Connection) -> None:
            _prepare(worker, connection, sql)
            with _transaction(connection):
                connection.execute(sql.clear_messages, (session_id,))
                connection.execute(sql.clear_session, (session_id,))

        await self._run(clear)

    def close(self) -> None:
        """Release the database: the worker thread ends once no other session of the file uses it.

        Work already submitted still completes. Using the session afterwards raises ``UserError``.
        """
        self._worker = None
        self._release()
