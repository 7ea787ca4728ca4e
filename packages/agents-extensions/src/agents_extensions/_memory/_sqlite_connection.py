"""One SQLite connection on a thread of its own, for sessions that run their own SQL.

SQLite calls block, so they never run on the event loop: each ``SQLiteConnection`` owns one
thread (a one-worker executor) that opens the connection and runs every job, in the order they
were submitted. The database is in WAL mode and writes are ``BEGIN IMMEDIATE`` transactions, so
several connections and processes can share a file (a writer waits up to ``busy_timeout``).
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from agents_core import UserError
from agents_core.exceptions import SessionError

__all__ = ("SQLiteConnection", "check_identifier", "write_transaction")

_T = TypeVar("_T")
_MEMORY = ":memory:"


def check_identifier(name: str, kind: str) -> str:
    """A table name that is safe to put in SQL text, or a ``UserError``."""
    if not name.isidentifier() or not name.isascii():
        raise UserError(
            f"{kind} table names must be plain identifiers (letters, digits and underscores, "
            f"not starting with a digit); got {name!r}."
        )
    return name


class SQLiteConnection:
    """A SQLite connection whose calls run, in order, on one thread of its own."""

    def __init__(self, db_path: str | Path, *, busy_timeout: float = 30.0) -> None:
        self.path = str(db_path)
        self._busy_timeout = busy_timeout
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="agents-sqlite")
        self._connection: sqlite3.Connection | None = None
        self._closed = False

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            connection = sqlite3.connect(
                self.path, timeout=self._busy_timeout, isolation_level=None
            )
            if self.path != _MEMORY:
                self._enable_wal(connection)
            connection.execute("PRAGMA foreign_keys=ON")
            self._connection = connection
        return self._connection

    def _enable_wal(self, connection: sqlite3.Connection) -> None:
        # Switching the journal mode can fail with 'locked' while another process does the same.
        deadline = time.monotonic() + self._busy_timeout
        while True:
            try:
                connection.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.005)

    async def run(self, job: Callable[[sqlite3.Connection], _T]) -> _T:
        """Run ``job(connection)`` on the connection's thread (SQLite errors: ``SessionError``)."""
        if self._closed:
            raise UserError(f"The SQLite session on {self.path} is closed.")

        def call() -> _T:
            try:
                return job(self._connect())
            except sqlite3.Error as exc:
                raise SessionError(f"SQLite error on {self.path}: {exc}") from exc

        return await asyncio.get_running_loop().run_in_executor(self._executor, call)

    def close(self) -> None:
        """Finish the submitted jobs, then close the connection and end the thread."""
        if self._closed:
            return
        self._closed = True

        def close_connection() -> None:
            if self._connection is not None:
                self._connection.close()

        self._executor.submit(close_connection)
        self._executor.shutdown(wait=False)


@contextmanager
def write_transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT`` (the write lock up front), rolled back on error."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
