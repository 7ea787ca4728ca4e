"""SQLAlchemySession on a real PostgreSQL and on SQLite files: the official table layout, one
transaction per turn, errors, many processes writing at once, a writer killed mid-turn."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from agents_core.exceptions import SessionError
from agents_extensions.memory import SQLAlchemySession


def message(text: str) -> dict[str, Any]:
    return {"role": "user", "content": text}


async def _layout(engine: AsyncEngine, sessions: str, messages: str) -> dict[str, Any]:
    def inspect(connection: Any) -> dict[str, Any]:
        inspector = sa.inspect(connection)
        return {
            "sessions": [c["name"] for c in inspector.get_columns(sessions)],
            "messages": [c["name"] for c in inspector.get_columns(messages)],
            "foreign_keys": [
                (fk["referred_table"], fk["constrained_columns"], fk["options"].get("ondelete"))
                for fk in inspector.get_foreign_keys(messages)
            ],
            "indexes": {i["name"]: i["column_names"] for i in inspector.get_indexes(messages)},
            "primary": inspector.get_pk_constraint(sessions)["constrained_columns"],
        }

    async with engine.connect() as connection:
        return await connection.run_sync(inspect)


@pytest.mark.parametrize("database", ["postgres", "sqlite"])
async def test_create_tables_makes_the_official_layout(
    database: str, request: pytest.FixtureRequest, tmp_path: Path, unique: str
) -> None:
    url = (
        request.getfixturevalue("postgres_url")
        if database == "postgres"
        else f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite'}"
    )
    session = SQLAlchemySession.from_url(
        "s",
        url=url,
        create_tables=True,
        sessions_table=f"{unique}_s",
        messages_table=f"{unique}_m",
    )
    await session.add_items([message("a")])
    layout = await _layout(session.engine, f"{unique}_s", f"{unique}_m")
    assert layout["sessions"] == ["session_id", "created_at", "updated_at"]
    assert layout["messages"] == ["id", "session_id", "message_data", "created_at"]
    assert layout["primary"] == ["session_id"]
    assert layout["foreign_keys"] == [(f"{unique}_s", ["session_id"], "CASCADE")]
    assert layout["indexes"] == {f"idx_{unique}_m_session_time": ["session_id", "created_at", "id"]}
    await session.close()


async def test_missing_tables_are_a_session_error_naming_the_problem(
    postgres_engine: AsyncEngine, unique: str
) -> None:
    session = SQLAlchemySession("s", engine=postgres_engine, messages_table=f"{unique}_none")
    with pytest.raises(SessionError, match=f'relation "{unique}_none" does not exist') as caught:
        await session.get_items()
    assert "[SQL:" not in str(caught.value)
    with pytest.raises(SessionError) as caught:
        await session.add_items([message("secret text")])
    assert "secret text" not in str(caught.value)  # the items never appear in a message


@pytest.mark.parametrize(("ensure_ascii", "stored"), [(True, '"caf\\u00e9"'), (False, '"café"')])
async def test_ensure_ascii_decides_how_text_is_stored(
    postgres_engine: AsyncEngine, unique: str, ensure_ascii: bool, stored: str
) -> None:
    session = SQLAlchemySession(
        "s",
        engine=postgres_engine,
        create_tables=True,
        ensure_ascii=ensure_ascii,
        sessions_table=f"{unique}_s",
        messages_table=f"{unique}_m",
    )
    await session.add_items([{"content": "café"}])
    async with postgres_engine.connect() as connection:
        text = (await connection.execute(sa.text(f"SELECT message_data FROM {unique}_m"))).scalar()
    assert text == '{"content":' + stored + "}"
    assert await session.get_items() == [{"content": "café"}]


async def test_a_turn_is_one_transaction_of_two_statements(
    postgres_engine: AsyncEngine, unique: str
) -> None:
    session = SQLAlchemySession(
        "s",
        engine=postgres_engine,
        create_tables=True,
        sessions_table=f"{unique}_s",
        messages_table=f"{unique}_m",
    )
    await session.get_items()  # tables created
    seen: list[str] = []
    sync = postgres_engine.sync_engine
    statement = lambda conn, cursor, sql, *args: seen.append(sql.split()[0])  # noqa: E731
    begin, commit = (lambda conn: seen.append("BEGIN")), (lambda conn: seen.append("COMMIT"))
    sa.event.listen(sync, "before_cursor_execute", statement)
    sa.event.listen(sync, "begin", begin)
    sa.event.listen(sync, "commit", commit)
    try:
        await session.add_items([message(str(n)) for n in range(4)])
    finally:
        sa.event.remove(sync, "before_cursor_execute", statement)
        sa.event.remove(sync, "begin", begin)
        sa.event.remove(sync, "commit", commit)
    assert seen == ["BEGIN", "INSERT", "INSERT", "COMMIT"]  # upsert of the session, the items


async def test_turns_read_in_the_order_they_committed(
    postgres_engine: AsyncEngine, unique: str
) -> None:
    # A writer whose transaction began first but waited for the session's lock commits second;
    # its turn is read second too (created_at is taken after the lock).
    tables: dict[str, Any] = {"sessions_table": f"{unique}_s", "messages_table": f"{unique}_m"}
    first = SQLAlchemySession("s", engine=postgres_engine, create_tables=True, **tables)
    await first.add_items([message("0")])
    async with postgres_engine.connect() as holder:
        await holder.execute(sa.text(f"SELECT 1 FROM {unique}_s WHERE session_id = 's' FOR UPDATE"))
        other = create_async_engine(postgres_engine.url)
        waiting = asyncio.create_task(
            SQLAlchemySession("s", engine=other, **tables).add_items([message("late")])
        )
        await _until_a_backend_waits_for_a_lock(postgres_engine)
        # Stored after the waiting writer's transaction began, and committed before it.
        await holder.execute(
            sa.text(
                f"INSERT INTO {unique}_m (session_id, message_data, created_at) "
                "VALUES ('s', :d, clock_timestamp())"
            ),
            {"d": '{"role":"user","content":"early"}'},
        )
        await holder.commit()
    await waiting
    await other.dispose()
    assert [i["content"] for i in await first.get_items()] == ["0", "early", "late"]


async def _until_a_backend_waits_for_a_lock(engine: AsyncEngine) -> None:
    query = sa.text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")

    async def poll() -> None:
        async with engine.connect() as connection:
            while not (await connection.execute(query)).scalar():
                await connection.rollback()  # a fresh snapshot of the statistics
                await asyncio.sleep(0.01)

    await asyncio.wait_for(poll(), 30)


async def test_from_url_owns_its_engine(tmp_path: Path) -> None:
    session = SQLAlchemySession.from_url(
        "s", url=f"sqlite+aiosqlite:///{tmp_path / 'db'}", create_tables=True
    )
    await session.add_items([message("a")])
    await session.close()
    reopened = SQLAlchemySession.from_url("s", url=f"sqlite+aiosqlite:///{tmp_path / 'db'}")
    assert await reopened.get_items() == [message("a")]
    await reopened.close()


async def test_a_connection_opened_while_another_writes_waits_instead_of_failing(
    tmp_path: Path,
) -> None:
    # Switching a file to WAL fails at once, without SQLite's busy handler, while another
    # connection holds the write lock; the session must still wait its turn and store the turn.
    path = tmp_path / "db"
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("CREATE TABLE unrelated (x)")
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO unrelated VALUES (1)")
    session = SQLAlchemySession.from_url("s", url=f"sqlite+aiosqlite:///{path}", create_tables=True)
    writing = asyncio.create_task(session.add_items([message("a")]))
    await asyncio.sleep(0.3)
    assert not writing.done()  # waiting for the lock, not failed
    other.execute("COMMIT")
    await asyncio.wait_for(writing, 30)
    assert await session.get_items() == [message("a")]
    await session.close()
    other.close()
    # A later connection, with the file free, switches it to WAL.
    reopened = SQLAlchemySession.from_url("s", url=f"sqlite+aiosqlite:///{path}")
    assert await reopened.get_items() == [message("a")]
    await reopened.close()
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


async def test_several_processes_write_one_session(
    postgres_url: str,
    postgres_engine: AsyncEngine,
    unique: str,
    writers: Any,
    check_whole_turns: Any,
) -> None:
    # Every writer also creates the tables at the same moment.
    children = [
        await writers.start("sqlalchemy", postgres_url, "shared", unique, n) for n in range(4)
    ]
    for child in children:
        await child.send("many 40")
    assert [await child.read_line() for child in children] == ["done"] * 4
    for child in children:
        await child.finish()
    session = SQLAlchemySession(
        "shared",
        engine=postgres_engine,
        sessions_table=f"{unique}_sessions",
        messages_table=f"{unique}_messages",
    )
    items = await session.get_items()
    assert check_whole_turns(items) == {(w, t) for w in range(4) for t in range(40)}
    for writer in range(4):
        assert [i["turn"] for i in items if i["writer"] == writer][::4] == list(range(40))


async def test_a_writer_killed_mid_turn_stores_nothing_of_that_turn(
    postgres_url: str,
    postgres_engine: AsyncEngine,
    unique: str,
    writers: Any,
    wire_cutter: Any,
    check_whole_turns: Any,
) -> None:
    port = int(postgres_url.rsplit(":", 1)[1].split("/")[0])
    cutter = await wire_cutter(port)
    proxied = postgres_url.replace(f":{port}/", f":{cutter.port}/")
    child = await writers.start("sqlalchemy", proxied, "victim", unique, 0, size=50_000)
    for number in range(3):
        await child.send(f"turn {number}")
        assert await child.read_line() == f"stored {number}"
    cutter.cut_after(20_000)
    await child.send("turn 3")
    await asyncio.wait_for(cutter.cut.wait(), 30)
    child.kill()
    await child.process.wait()
    await cutter.sever()
    session = SQLAlchemySession(
        "victim",
        engine=postgres_engine,
        sessions_table=f"{unique}_sessions",
        messages_table=f"{unique}_messages",
    )
    assert check_whole_turns(await session.get_items()) == {(0, 0), (0, 1), (0, 2)}
    await session.add_items([message("after")])  # the killed transaction's lock is gone
    assert (await session.get_items())[-1] == message("after")
