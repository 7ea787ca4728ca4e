"""``AdvancedSQLiteSession``: a SQLite session with turns, branches and usage per turn.

Every item is filed under the user turn it belongs to (a user message starts a turn). A branch is
a copy of a conversation's structure up to a chosen user turn, which can then go another way
while sharing the stored items of its past; sessions switch between branches, list, search and
delete them. ``store_run_usage(result)`` records a run's requests and tokens against the current
turn. The tables are those of OpenAI's Agents SDK (see ``_advanced_sql``): either library reads
what the other wrote.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from agents_core import RunResult, SessionSettings, TResponseInputItem
from agents_core.memory import SessionABC

from .._logging import logger as package_logger
from ..exceptions import SessionValueError
from ._advanced_sql import (
    TOOL_CALL_TYPES,
    classify,
    content_preview,
    create_structure_statements,
    is_user_message,
    tool_name,
)
from ._common import (
    check_items,
    check_session_id,
    coerce_settings,
    decode_items,
    encode_items,
    resolve_limit,
)
from ._sqlite_connection import SQLiteConnection, check_identifier, write_transaction

__all__ = ("AdvancedSQLiteSession",)

_T = TypeVar("_T")
_TOOL_TYPES_SQL = ", ".join(f"'{kind}'" for kind in TOOL_CALL_TYPES)


class AdvancedSQLiteSession(SessionABC):
    """A SQLite session that knows its turns, can branch, and records usage per turn.

    ``create_tables=True`` creates the structure tables when missing (a file opened without it
    must already have them). ``logger`` receives branch events (default: this package's
    logger). ``sessions_table`` and ``messages_table`` may be given as keyword arguments.
    """

    def __init__(
        self,
        *,
        session_id: str,
        db_path: str | Path = ":memory:",
        create_tables: bool = False,
        logger: logging.Logger | None = None,
        session_settings: SessionSettings | dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        self.session_id = check_session_id(session_id, "AdvancedSQLiteSession")
        self.db_path = db_path
        self.sessions_table = check_identifier(
            kwargs.pop("sessions_table", "agent_sessions"), "AdvancedSQLiteSession"
        )
        self.messages_table = check_identifier(
            kwargs.pop("messages_table", "agent_messages"), "AdvancedSQLiteSession"
        )
        if kwargs:
            raise SessionValueError(f"Unknown AdvancedSQLiteSession options: {sorted(kwargs)}.")
        self.session_settings = coerce_settings(session_settings)
        self._create_tables = create_tables
        self._logger = logger
        self._db = SQLiteConnection(db_path)
        self._ready = False
        self._branch = "main"
        self._generation = 0

    def __repr__(self) -> str:
        return (
            f"AdvancedSQLiteSession(session_id={self.session_id!r}, "
            f"db_path={str(self.db_path)!r}, branch={self._branch!r})"
        )

    def _log(self, event: str, **fields: Any) -> None:
        if self._logger is not None:
            self._logger.info("%s %s", event, fields)
        else:
            package_logger().info(event, **fields)

    # --------------------------------------------------------------------------- plumbing

    def _prepare(self, connection: sqlite3.Connection) -> None:
        """Create the tables (or check the structure tables exist), once per session object."""
        if self._ready:
            return
        sessions, messages = self.sessions_table, self.messages_table
        with write_transaction(connection):
            connection.execute(
                f"CREATE TABLE IF NOT EXISTS {sessions} (session_id TEXT PRIMARY KEY, "
                "created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, "
                "updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)"
            )
            connection.execute(
                f"CREATE TABLE IF NOT EXISTS {messages} (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                "session_id TEXT NOT NULL, message_data TEXT NOT NULL, "
                "created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, "
                f"FOREIGN KEY (session_id) REFERENCES {sessions} (session_id) ON DELETE CASCADE)"
            )
            connection.execute(
                f"CREATE INDEX IF NOT EXISTS idx_{messages}_session_id "
                f"ON {messages} (session_id, id)"
            )
            if self._create_tables:
                for statement in create_structure_statements(sessions, messages):
                    connection.execute(statement)
            else:
                present = {
                    row[0]
                    for row in connection.execute(
                        "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN "
                        "('message_structure', 'turn_usage')"
                    )
                }
                if len(present) < 2:
                    raise SessionValueError(
                        f"{self.db_path} has no branch and usage tables yet: create this "
                        "AdvancedSQLiteSession with create_tables=True."
                    )
                # Older files may lack the two bookkeeping tables.
                for statement in create_structure_statements(sessions, messages)[2:4]:
                    connection.execute(statement)
        self._ready = True

    def _sync_generation(self, connection: sqlite3.Connection) -> None:
        """Back to 'main' when another session object cleared this session meanwhile."""
        row = connection.execute(
            "SELECT generation FROM session_clear_generations WHERE session_id = ?",
            (self.session_id,),
        ).fetchone()
        generation = row[0] if row is not None else 0
        if generation != self._generation:
            self._generation = generation
            self._branch = "main"

    async def _read(self, job: Callable[[sqlite3.Connection], _T]) -> _T:
        def run(connection: sqlite3.Connection) -> _T:
            self._prepare(connection)
            self._sync_generation(connection)
            return job(connection)

        return await self._db.run(run)

    async def _write(self, job: Callable[[sqlite3.Connection], _T]) -> _T:
        def run(connection: sqlite3.Connection) -> _T:
            self._prepare(connection)
            with write_transaction(connection):
                self._sync_generation(connection)
                return job(connection)

        return await self._db.run(run)

    def _branch_or_current(self, branch_id: str | None) -> str:
        return self._branch if branch_id is None else branch_id

    # ------------------------------------------------------------------ the session protocol

    async def get_items(
        self, limit: int | None = None, branch_id: str | None = None
    ) -> list[TResponseInputItem]:
        """The items of the current branch (or ``branch_id``), oldest first; with ``limit``,
        only the latest ``limit`` items (default: ``session_settings.limit``)."""
        limit = resolve_limit(limit, self.session_settings)
        if limit is not None and limit <= 0:
            return []
        sql = (
            f"SELECT m.message_data FROM {self.messages_table} m "
            "JOIN message_structure s ON m.id = s.message_id "
            "WHERE s.session_id = ? AND s.branch_id = ? ORDER BY s.sequence_number"
        )

        def read(connection: sqlite3.Connection) -> list[str]:
            branch = self._branch_or_current(branch_id)
            if limit is None:
                rows = connection.execute(sql, (self.session_id, branch)).fetchall()
            else:
                rows = connection.execute(
                    sql + " DESC LIMIT ?", (self.session_id, branch, limit)
                ).fetchall()[::-1]
            return [row[0] for row in rows]

        return decode_items(await self._read(read))

    async def add_items(self, items: list[TResponseInputItem]) -> None:
        """Append items to the current branch, filed under their turns, in one transaction."""
        if not items:
            return
        check_items(items)
        encoded = encode_items(items)
        await self._write(lambda connection: self._insert(connection, items, encoded))

    def _insert(
        self, connection: sqlite3.Connection, items: list[TResponseInputItem], encoded: list[str]
    ) -> None:
        session_id, branch = self.session_id, self._branch
        connection.execute(
            f"INSERT INTO {self.sessions_table} (session_id) VALUES (?) "
            "ON CONFLICT (session_id) DO UPDATE SET updated_at = CURRENT_TIMESTAMP",
            (session_id,),
        )
        insert = (
            f"INSERT INTO {self.messages_table} (session_id, message_data) VALUES (?, ?) "
            "RETURNING id"
        )
        ids = [connection.execute(insert, (session_id, text)).fetchone()[0] for text in encoded]
        sequence = connection.execute(
            "SELECT COALESCE(MAX(sequence_number), 0) FROM message_structure WHERE session_id = ?",
            (session_id,),
        ).fetchone()[0]
        turn, branch_turn = connection.execute(
            "SELECT COALESCE(MAX(user_turn_number), 0), COALESCE(MAX(branch_turn_number), 0) "
            "FROM message_structure WHERE session_id = ? AND branch_id = ?",
            (session_id, branch),
        ).fetchone()
        rows = []
        for item, message_id in zip(items, ids, strict=True):
            if is_user_message(item):
                turn, branch_turn = turn + 1, branch_turn + 1
            sequence += 1
            rows.append(
                (
                    session_id,
                    message_id,
                    branch,
                    classify(item),
                    sequence,
                    turn,
                    branch_turn,
                    tool_name(item),
                )
            )
        connection.executemany(
            "INSERT INTO message_structure (session_id, message_id, branch_id, message_type, "
            "sequence_number, user_turn_number, branch_turn_number, tool_name) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        connection.execute(
            "INSERT OR IGNORE INTO branch_reservations (session_id, branch_id) VALUES (?, ?)",
            (session_id, branch),
        )

    async def pop_item(self) -> TResponseInputItem | None:
        """Remove and return the latest item of the current branch (None when it is empty).

        The stored item goes too unless another branch shares it; a turn left empty loses its
        usage row.
        """
        while True:
            popped = await self._write(self._pop)
            if popped is None:
                return None
            if popped[0] is not None:
                items = decode_items([popped[0]])
                if items:
                    return items[0]

    def _pop(self, connection: sqlite3.Connection) -> tuple[str | None] | None:
        session_id, branch = self.session_id, self._branch
        row = connection.execute(
            "DELETE FROM message_structure WHERE id = (SELECT id FROM message_structure "
            "WHERE session_id = ? AND branch_id = ? ORDER BY sequence_number DESC LIMIT 1) "
            "RETURNING message_id, user_turn_number",
            (session_id, branch),
        ).fetchone()
        if row is None:
            return None
        message_id, turn = row
        data = connection.execute(
            f"SELECT message_data FROM {self.messages_table} WHERE id = ?", (message_id,)
        ).fetchone()
        self._delete_orphans(connection)
        if turn is not None:
            connection.execute(
                "DELETE FROM turn_usage WHERE session_id = ? AND branch_id = ? AND "
                "user_turn_number = ? AND NOT EXISTS (SELECT 1 FROM message_structure WHERE "
                "session_id = ? AND branch_id = ? AND user_turn_number = ?)",
                (session_id, branch, turn, session_id, branch, turn),
            )
        return (None if data is None else data[0],)

    def _delete_orphans(self, connection: sqlite3.Connection) -> int:
        cursor = connection.execute(
            f"DELETE FROM {self.messages_table} WHERE session_id = ? AND id NOT IN "
            "(SELECT message_id FROM message_structure WHERE session_id = ?)",
            (self.session_id, self.session_id),
        )
        return cursor.rowcount

    async def clear_session(self) -> None:
        """Remove every item, branch and usage row of this session (branch names stay used)."""

        def clear(connection: sqlite3.Connection) -> int:
            session_id = self.session_id
            connection.execute(
                "INSERT OR IGNORE INTO branch_reservations (session_id, branch_id) "
                "SELECT DISTINCT session_id, branch_id FROM message_structure "
                "WHERE session_id = ?",
                (session_id,),
            )
            for table in ("message_structure", "turn_usage", self.messages_table):
                connection.execute(f"DELETE FROM {table} WHERE session_id = ?", (session_id,))
            connection.execute(
                f"DELETE FROM {self.sessions_table} WHERE session_id = ?", (session_id,)
            )
            connection.execute(
                "INSERT INTO session_clear_generations (session_id, generation) VALUES (?, 1) "
                "ON CONFLICT (session_id) DO UPDATE SET generation = generation + 1",
                (session_id,),
            )
            generation: int = connection.execute(
                "SELECT generation FROM session_clear_generations WHERE session_id = ?",
                (session_id,),
            ).fetchone()[0]
            return generation

        self._generation = await self._write(clear)
        self._branch = "main"

    async def close(self) -> None:
        """Release the database (work already submitted still completes)."""
        self._db.close()

    # ------------------------------------------------------------------------------ usage

    async def store_run_usage(self, result: RunResult) -> None:
        """Record the run's usage (requests, tokens) against the current branch's latest turn.

        Failures are logged, never raised: usage is bookkeeping, not part of the conversation.
        """
        usage = result.context_wrapper.usage
        details_in = json.dumps({"cached_tokens": usage.input_tokens_details.cached_tokens})
        details_out = json.dumps({"reasoning_tokens": usage.output_tokens_details.reasoning_tokens})

        def store(connection: sqlite3.Connection) -> None:
            session_id, branch = self.session_id, self._branch
            turn = connection.execute(
                "SELECT COALESCE(MAX(user_turn_number), 0) FROM message_structure "
                "WHERE session_id = ? AND branch_id = ?",
                (session_id, branch),
            ).fetchone()[0]
            if not turn:
                return
            connection.execute(
                "INSERT OR REPLACE INTO turn_usage (session_id, branch_id, user_turn_number, "
                "requests, input_tokens, output_tokens, total_tokens, input_tokens_details, "
                "output_tokens_details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    session_id,
                    branch,
                    turn,
                    usage.requests,
                    usage.input_tokens,
                    usage.output_tokens,
                    usage.total_tokens,
                    details_in,
                    details_out,
                ),
            )

        try:
            await self._write(store)
        except Exception as exc:
            package_logger().error(
                "session usage not stored", session_id=self.session_id, error=type(exc).__name__
            )

    async def get_session_usage(self, branch_id: str | None = None) -> dict[str, int] | None:
        """Requests, tokens and turns summed over every branch (or one), None if none stored."""
        where, parameters = "session_id = ?", [self.session_id]
        if branch_id:
            where, parameters = where + " AND branch_id = ?", [*parameters, branch_id]

        def read(connection: sqlite3.Connection) -> tuple[Any, ...]:
            row: tuple[Any, ...] = connection.execute(
                "SELECT SUM(requests), SUM(input_tokens), SUM(output_tokens), SUM(total_tokens), "
                f"COUNT(*) FROM turn_usage WHERE {where}",
                parameters,
            ).fetchone()
            return row

        row = await self._read(read)
        if row[0] is None:
            return None
        keys = ("requests", "input_tokens", "output_tokens", "total_tokens", "total_turns")
        return {key: value or 0 for key, value in zip(keys, row, strict=True)}

    async def get_turn_usage(
        self, user_turn_number: int | None = None, branch_id: str | None = None
    ) -> list[dict[str, Any]] | dict[str, Any]:
        """Usage per turn of the current branch (or ``branch_id``), with token details; with
        ``user_turn_number``, that turn's usage alone (``{}`` when none was stored)."""
        columns = (
            "user_turn_number, requests, input_tokens, output_tokens, total_tokens, "
            "input_tokens_details, output_tokens_details"
        )

        def read(connection: sqlite3.Connection) -> list[tuple[Any, ...]]:
            sql = f"SELECT {columns} FROM turn_usage WHERE session_id = ? AND branch_id = ?"
            parameters: list[Any] = [self.session_id, self._branch_or_current(branch_id)]
            if user_turn_number is not None:
                sql, parameters = sql + " AND user_turn_number = ?", [*parameters, user_turn_number]
            return connection.execute(sql + " ORDER BY user_turn_number", parameters).fetchall()

        rows = [_usage_row(row) for row in await self._read(read)]
        if user_turn_number is None:
            return rows
        if not rows:
            return {}
        single = rows[0]
        del single["user_turn_number"]
        return single

    # ---------------------------------------------------------------------- turns and tools

    async def get_conversation_turns(self, branch_id: str | None = None) -> list[dict[str, Any]]:
        """The user turns of the current branch (or ``branch_id``): ``turn``, ``content`` (a
        preview), ``full_content``, ``timestamp`` and ``can_branch``."""
        return [
            _turn(number, data, created_at, 100)
            for number, data, created_at in await self._user_turns(branch_id, None)
        ]

    async def find_turns_by_content(
        self, search_term: str, branch_id: str | None = None
    ) -> list[dict[str, Any]]:
        """The user turns whose text contains ``search_term`` (ASCII letters case-insensitive)."""
        pattern = re.compile(re.escape(search_term), re.IGNORECASE | re.ASCII)
        matches = []
        for number, data, created_at in await self._user_turns(branch_id, search_term):
            content = _user_content(data)
            texts = (
                [content]
                if isinstance(content, str)
                else [part.get("text", "") for part in content if isinstance(part, dict)]
            )
            if any(isinstance(text, str) and pattern.search(text) for text in texts):
                matches.append(_turn(number, data, created_at, None))
        return matches

    async def _user_turns(
        self, branch_id: str | None, search_term: str | None
    ) -> list[tuple[int, str, str]]:
        like, parameters = "", []
        if search_term is not None:
            # Match inside the stored JSON text, where the term is JSON-escaped too.
            term = json.dumps(search_term)[1:-1]
            for char in ("\\", "%", "_"):
                term = term.replace(char, "\\" + char)
            like, parameters = " AND m.message_data LIKE ? ESCAPE '\\'", [f"%{term}%"]

        def read(connection: sqlite3.Connection) -> list[tuple[int, str, str]]:
            rows: list[tuple[int, str, str]] = connection.execute(
                "SELECT s.branch_turn_number, m.message_data, s.created_at "
                f"FROM message_structure s JOIN {self.messages_table} m ON s.message_id = m.id "
                "WHERE s.session_id = ? AND s.branch_id = ? AND s.message_type = 'user'"
                f"{like} ORDER BY s.branch_turn_number",
                [self.session_id, self._branch_or_current(branch_id), *parameters],
            ).fetchall()
            return rows

        rows: list[tuple[int, str, str]] = await self._read(read)
        return [row for row in rows if _user_content(row[1]) is not None]

    async def get_conversation_by_turns(
        self, branch_id: str | None = None
    ) -> dict[int, list[dict[str, str | None]]]:
        """Each user turn of the branch and its items' ``type`` and ``tool_name``, in order."""

        def read(connection: sqlite3.Connection) -> list[tuple[int, str, str | None]]:
            rows: list[tuple[int, str, str | None]] = connection.execute(
                "SELECT user_turn_number, message_type, tool_name FROM message_structure "
                "WHERE session_id = ? AND branch_id = ? ORDER BY sequence_number",
                (self.session_id, self._branch_or_current(branch_id)),
            ).fetchall()
            return rows

        turns: dict[int, list[dict[str, str | None]]] = {}
        for number, kind, tool in await self._read(read):
            turns.setdefault(number, []).append({"type": kind, "tool_name": tool})
        return turns

    async def get_tool_usage(self, branch_id: str | None = None) -> list[tuple[str, int, int]]:
        """``(tool name, calls, user turn)`` for every tool called in the branch, by turn."""

        def read(connection: sqlite3.Connection) -> list[tuple[str, int, int]]:
            branch = self._branch_or_current(branch_id)
            rows: list[tuple[str, int, int]] = connection.execute(
                "SELECT tool, COUNT(*), turn FROM ("
                " SELECT COALESCE(tool_name, CASE WHEN message_type IN "
                "  ('shell_call', 'apply_patch_call') THEN message_type END) AS tool,"
                "  user_turn_number AS turn FROM message_structure"
                f"  WHERE session_id = ? AND branch_id = ? AND message_type IN ({_TOOL_TYPES_SQL})"
                " UNION ALL"
                " SELECT s.tool_name, s.user_turn_number FROM message_structure s"
                "  WHERE s.session_id = ? AND s.branch_id = ?"
                "  AND s.message_type = 'tool_search_output' AND NOT EXISTS ("
                "   SELECT 1 FROM message_structure c WHERE c.session_id = s.session_id"
                "   AND c.branch_id = s.branch_id AND c.user_turn_number = s.user_turn_number"
                "   AND c.tool_name = s.tool_name AND c.message_type = 'tool_search_call'))"
                " GROUP BY tool, turn ORDER BY turn",
                (self.session_id, branch, self.session_id, branch),
            ).fetchall()
            return rows

        return await self._read(read)

    # ---------------------------------------------------------------------------- branches

    async def create_branch_from_turn(
        self, turn_number: int, branch_name: str | None = None
    ) -> str:
        """Start a branch from user turn ``turn_number`` of the current branch and switch to it.

        The branch holds everything before that turn; the next items go on from there. Returns
        the branch's id (``branch_name``, or a generated one; names are never reused).
        """
        if branch_name is not None and not branch_name.strip():
            raise SessionValueError("A branch name cannot be empty.")

        def copy(connection: sqlite3.Connection) -> str:
            return self._copy_branch(connection, turn_number, branch_name)

        source = self._branch
        branch = await self._write(copy)
        self._branch = branch
        self._log("branch created", branch=branch, from_turn=turn_number, source=source)
        return branch

    def _copy_branch(
        self, connection: sqlite3.Connection, turn_number: int, branch_name: str | None
    ) -> str:
        session_id, source = self.session_id, self._branch
        found = connection.execute(
            "SELECT 1 FROM message_structure WHERE session_id = ? AND branch_id = ? "
            "AND branch_turn_number = ? AND message_type = 'user'",
            (session_id, source, turn_number),
        ).fetchone()
        if found is None:
            raise SessionValueError(
                f"Turn {turn_number} does not contain a user message in branch '{source}'."
            )
        connection.execute(
            "INSERT OR IGNORE INTO branch_reservations (session_id, branch_id) "
            "SELECT DISTINCT session_id, branch_id FROM message_structure WHERE session_id = ?",
            (session_id,),
        )
        branch = self._reserve(connection, branch_name, turn_number)
        start = connection.execute(
            "SELECT COALESCE(MAX(sequence_number), 0) FROM message_structure WHERE session_id = ?",
            (session_id,),
        ).fetchone()[0]
        connection.execute(
            "INSERT INTO message_structure (session_id, message_id, branch_id, message_type, "
            "sequence_number, user_turn_number, branch_turn_number, tool_name) "
            "SELECT session_id, message_id, ?, message_type, "
            "? + ROW_NUMBER() OVER (ORDER BY sequence_number), user_turn_number, "
            "branch_turn_number, tool_name FROM message_structure "
            "WHERE session_id = ? AND branch_id = ? AND branch_turn_number < ? "
            "ORDER BY sequence_number",
            (branch, start, session_id, source, turn_number),
        )
        return branch

    def _reserve(self, connection: sqlite3.Connection, name: str | None, turn: int) -> str:
        insert = "INSERT OR IGNORE INTO branch_reservations (session_id, branch_id) VALUES (?, ?)"
        if name is not None:
            if connection.execute(insert, (self.session_id, name)).rowcount == 0:
                raise SessionValueError(
                    f"Branch id '{name}' has already been used in this session; choose another."
                )
            return name
        base = f"branch_from_turn_{turn}_{int(time.time())}"
        candidate, suffix = base, 1
        while connection.execute(insert, (self.session_id, candidate)).rowcount == 0:
            suffix += 1
            candidate = f"{base}_{suffix}"
        return candidate

    async def create_branch_from_content(
        self, search_term: str, branch_name: str | None = None
    ) -> str:
        """Branch from the first user turn whose text contains ``search_term``."""
        matches = await self.find_turns_by_content(search_term)
        if not matches:
            raise SessionValueError(f"No user turn contains {search_term!r}.")
        return await self.create_branch_from_turn(matches[0]["turn"], branch_name)

    async def switch_to_branch(self, branch_id: str) -> None:
        """Make ``branch_id`` (which must hold items) the current branch."""

        def check(connection: sqlite3.Connection) -> bool:
            row = connection.execute(
                "SELECT 1 FROM message_structure WHERE session_id = ? AND branch_id = ? LIMIT 1",
                (self.session_id, branch_id),
            ).fetchone()
            return row is not None

        if not await self._read(check):
            raise SessionValueError(f"Branch '{branch_id}' does not exist.")
        previous, self._branch = self._branch, branch_id
        self._log("branch switched", source=previous, branch=branch_id)

    async def delete_branch(self, branch_id: str, force: bool = False) -> None:
        """Delete a branch, its usage and the items no other branch shares.

        'main' cannot be deleted; the current branch only with ``force=True`` (the session then
        returns to 'main'). The name stays used.
        """
        if not branch_id or not branch_id.strip():
            raise SessionValueError("A branch id cannot be empty.")
        if branch_id == "main":
            raise SessionValueError("The 'main' branch cannot be deleted.")
        if branch_id == self._branch and not force:
            raise SessionValueError(
                f"'{branch_id}' is the current branch: switch branches first, or pass force=True."
            )

        def delete(connection: sqlite3.Connection) -> tuple[int, int]:
            session_id = self.session_id
            connection.execute(
                "INSERT OR IGNORE INTO branch_reservations (session_id, branch_id) "
                "SELECT DISTINCT session_id, branch_id FROM message_structure "
                "WHERE session_id = ?",
                (session_id,),
            )
            removed = connection.execute(
                "DELETE FROM message_structure WHERE session_id = ? AND branch_id = ?",
                (session_id, branch_id),
            ).rowcount
            if not removed:
                raise SessionValueError(f"Branch '{branch_id}' does not exist.")
            connection.execute(
                "DELETE FROM turn_usage WHERE session_id = ? AND branch_id = ?",
                (session_id, branch_id),
            )
            return removed, self._delete_orphans(connection)

        removed, orphans = await self._write(delete)
        if branch_id == self._branch:
            self._branch = "main"
        self._log("branch deleted", branch=branch_id, entries=removed, items=orphans)

    async def list_branches(self) -> list[dict[str, Any]]:
        """Every branch: ``branch_id``, ``message_count``, ``user_turns``, ``is_current`` and
        ``created_at``, oldest first."""

        def read(connection: sqlite3.Connection) -> list[tuple[Any, ...]]:
            rows: list[tuple[Any, ...]] = connection.execute(
                "SELECT branch_id, COUNT(*), COUNT(CASE WHEN message_type = 'user' THEN 1 END), "
                "MIN(created_at) AS first FROM message_structure WHERE session_id = ? "
                "GROUP BY branch_id ORDER BY first, MIN(sequence_number)",
                (self.session_id,),
            ).fetchall()
            return rows

        return [
            {
                "branch_id": branch,
                "message_count": count,
                "user_turns": turns,
                "is_current": branch == self._branch,
                "created_at": created_at,
            }
            for branch, count, turns, created_at in await self._read(read)
        ]


def _user_content(data: str) -> Any:
    try:
        item = json.loads(data)
    except ValueError:
        return None
    return item.get("content", "") if isinstance(item, dict) else None


def _turn(number: int, data: str, created_at: str, preview: int | None) -> dict[str, Any]:
    content = _user_content(data)
    return {
        "turn": number,
        "content": content_preview(content, preview),
        "full_content": content,
        "timestamp": created_at,
        "can_branch": True,
    }


def _usage_row(row: tuple[Any, ...]) -> dict[str, Any]:
    def details(text: str | None) -> Any:
        if not text:
            return None
        try:
            return json.loads(text)
        except ValueError:
            return None

    return {
        "user_turn_number": row[0],
        "requests": row[1],
        "input_tokens": row[2],
        "output_tokens": row[3],
        "total_tokens": row[4],
        "input_tokens_details": details(row[5]),
        "output_tokens_details": details(row[6]),
    }
