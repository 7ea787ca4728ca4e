"""SQLiteSession on real files: round trips, atomic turns, many tasks, many processes, a kill -9."""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import signal
import sqlite3
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from agents_core import Agent, Runner, Session, SessionSettings, UserError
from agents_core._memory.sqlite_session import (
    SCHEMA_VERSION,
    SessionSchemaError,
    SQLiteSession,
)
from agents_core.testing import ScriptedModel

TIMEOUT = 60.0


def turn(writer: int, number: int, *, size: int = 10) -> list[dict[str, Any]]:
    """A four-item turn whose items say who wrote them, in which turn, and in what order."""
    return [
        {"role": "user", "content": "x" * size, "writer": writer, "turn": number, "part": part}
        for part in range(4)
    ]


def assert_whole_turns(items: list[dict[str, Any]]) -> set[tuple[int, int]]:
    """Every run of four items is one complete turn, in order; returns the (writer, turn) seen."""
    assert len(items) % 4 == 0, len(items)
    seen: set[tuple[int, int]] = set()
    for start in range(0, len(items), 4):
        chunk = items[start : start + 4]
        keys = {(item["writer"], item["turn"]) for item in chunk}
        assert len(keys) == 1, chunk
        assert [item["part"] for item in chunk] == [0, 1, 2, 3]
        key = keys.pop()
        assert key not in seen, f"turn {key} stored twice"
        seen.add(key)
    return seen


def read_file(path: Path, session_id: str) -> list[dict[str, Any]]:
    """The items of a session, read with plain sqlite3 (no agents code involved)."""
    with sqlite3.connect(path) as connection:
        rows = connection.execute(
            "SELECT message_data FROM agent_messages WHERE session_id = ? ORDER BY id",
            (session_id,),
        ).fetchall()
    return [json.loads(row[0]) for row in rows]


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])


def worker_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("agents-sqlite-session:")]


_WRITER = """
import asyncio, sys
from agents_core._memory.sqlite_session import SQLiteSession

async def main(path, session_id, writer, turns, size):
    session = SQLiteSession(session_id, path, busy_timeout=60)
    await session.get_items()  # open the file before the signal to go
    print("ready", flush=True)
    sys.stdin.readline()
    for number in range(turns):
        await session.add_items([
            {"role": "user", "content": "x" * size, "writer": writer, "turn": number, "part": part}
            for part in range(4)
        ])
        print(number, flush=True)
    session.close()

asyncio.run(main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])))
"""

_READER = """
import asyncio, json, sys
from agents_core._memory.sqlite_session import SQLiteSession

async def main(path, session_id):
    session = SQLiteSession(session_id, path)
    print(json.dumps(await session.get_items()))
    session.close()

asyncio.run(main(sys.argv[1], sys.argv[2]))
"""


async def start_python(code: str, *args: object) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        code,
        *(str(arg) for arg in args),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def read_line(process: asyncio.subprocess.Process) -> str:
    assert process.stdout is not None
    line = await asyncio.wait_for(process.stdout.readline(), TIMEOUT)
    if not line and process.stderr is not None:
        raise AssertionError((await process.stderr.read()).decode())
    return line.decode().strip()


async def start_writers(
    path: Path, session_id: str, turns: int, size: int, *writers: int
) -> list[asyncio.subprocess.Process]:
    """Writer processes, released together once each has opened the file."""
    processes = [await start_python(_WRITER, path, session_id, w, turns, size) for w in writers]
    for process in processes:
        assert await read_line(process) == "ready"
    for process in processes:
        assert process.stdin is not None
        process.stdin.write(b"go\n")
        await process.stdin.drain()
    return processes


async def finish(process: asyncio.subprocess.Process) -> str:
    stdout, stderr = await asyncio.wait_for(process.communicate(), TIMEOUT)
    assert process.returncode == 0, stderr.decode()
    return stdout.decode()


# --- the basics ---------------------------------------------------------------------------------


async def test_round_trip_limit_pop_and_clear(tmp_path: Path) -> None:
    session = SQLiteSession("s", tmp_path / "db.sqlite")
    assert isinstance(session, Session)
    assert await session.get_items() == [] and await session.pop_item() is None
    items = [{"role": "user", "content": f"m{i}", "nested": {"list": [1, "é"]}} for i in range(6)]
    await session.add_items(items)
    assert await session.get_items() == items
    assert await session.get_items(limit=2) == items[-2:]
    assert await session.get_items(limit=0) == []
    assert await session.pop_item() == items[-1]
    assert await session.get_items() == items[:-1]
    await session.clear_session()
    assert await session.get_items() == []
    session.close()


async def test_settings_limit_applies_when_no_limit_is_given(tmp_path: Path) -> None:
    session = SQLiteSession("s", tmp_path / "db", session_settings=SessionSettings(limit=3))
    await session.add_items([{"role": "user", "content": str(i)} for i in range(5)])
    assert [item["content"] for item in await session.get_items()] == ["2", "3", "4"]
    assert len(await session.get_items(limit=5)) == 5
    session.close()
    by_dict = SQLiteSession("s", tmp_path / "db", session_settings={"limit": 1})
    assert [item["content"] for item in await by_dict.get_items()] == ["4"]
    by_dict.close()


async def test_sessions_sharing_a_file_are_isolated(tmp_path: Path) -> None:
    path = tmp_path / "db"
    alice, bob = SQLiteSession("alice", path), SQLiteSession("bob", path)
    await alice.add_items([{"role": "user", "content": "a"}])
    await bob.add_items([{"role": "user", "content": "b1"}, {"role": "user", "content": "b2"}])
    await alice.clear_session()
    assert await alice.get_items() == []
    assert [item["content"] for item in await bob.get_items()] == ["b1", "b2"]
    assert await alice.pop_item() is None
    alice.close()
    bob.close()


async def test_other_tables_in_the_same_file(tmp_path: Path) -> None:
    path = tmp_path / "db"
    default = SQLiteSession("s", path)
    custom = SQLiteSession("s", path, sessions_table="chats", messages_table="chat_items")
    await custom.add_items([{"role": "user", "content": "custom"}])
    assert await default.get_items() == []
    assert await custom.get_items() == [{"role": "user", "content": "custom"}]
    default.close()
    custom.close()


async def test_memory_databases_are_private_and_persist_within_the_object() -> None:
    first, second = SQLiteSession("s"), SQLiteSession("s")
    await first.add_items([{"role": "user", "content": "kept"}])
    assert await first.get_items() == [{"role": "user", "content": "kept"}]
    assert await second.get_items() == []
    first.close()
    second.close()


async def test_bad_arguments_and_items_are_user_errors(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="identifiers"):
        SQLiteSession("s", tmp_path / "db", messages_table="items; DROP TABLE x")
    with pytest.raises(UserError, match="session_id"):
        SQLiteSession("", tmp_path / "db")
    session = SQLiteSession("s", tmp_path / "db")
    with pytest.raises(UserError, match="dictionaries"):
        await session.add_items(["not a dict"])  # type: ignore[list-item]
    with pytest.raises(UserError, match="item 1 cannot be stored"):
        await session.add_items([{"ok": 1}, {"bad": object()}])
    assert await session.get_items() == []  # the valid first item was not stored either
    session.close()


async def test_closed_session_refuses_work_and_its_thread_ends(tmp_path: Path) -> None:
    before = set(worker_threads())
    session = SQLiteSession("s", tmp_path / "db")
    await session.add_items([{"role": "user", "content": "x"}])
    (thread,) = set(worker_threads()) - before
    session.close()
    session.close()  # closing twice is harmless
    thread.join(TIMEOUT)
    assert not thread.is_alive()
    with pytest.raises(UserError, match="closed"):
        await session.get_items()


async def test_one_worker_thread_per_file(tmp_path: Path) -> None:
    before = set(worker_threads())
    sessions = [SQLiteSession(f"s{i}", tmp_path / "db") for i in range(5)]
    other = SQLiteSession("s", tmp_path / "other")
    assert len(set(worker_threads()) - before) == 2
    for session in [*sessions, other]:
        session.close()


async def test_runs_continue_a_conversation_stored_in_a_file(tmp_path: Path) -> None:
    model = ScriptedModel(["Hello Ada.", "Your name is Ada."])
    agent = Agent(name="a", model=model)
    session = SQLiteSession("user-42", tmp_path / "db")
    await Runner.run(agent, "My name is Ada.", session=session)
    session.close()
    reopened = SQLiteSession("user-42", tmp_path / "db")
    result = await Runner.run(agent, "What is my name?", session=reopened)
    assert result.final_output == "Your name is Ada."
    assert [item.get("role") for item in model.calls[1].input] == ["user", "assistant", "user"]
    assert len(await reopened.get_items()) == 4
    reopened.close()


# --- schema -------------------------------------------------------------------------------------


async def test_a_newer_schema_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "db"
    session = SQLiteSession("s", path)
    await session.add_items([{"role": "user", "content": "x"}])
    session.close()
    with sqlite3.connect(path) as connection:
        versions = dict(connection.execute("SELECT * FROM agents_schema_versions").fetchall())
        assert versions == {"agent_sessions": SCHEMA_VERSION, "agent_messages": SCHEMA_VERSION}
        connection.execute(
            "UPDATE agents_schema_versions SET version = 99 WHERE table_name = 'agent_messages'"
        )
    newer = SQLiteSession("s", path)
    with pytest.raises(SessionSchemaError, match="schema version 99") as caught:
        await newer.get_items()
    assert caught.value.table == "agent_messages" and caught.value.found_version == 99
    newer.close()


async def test_tables_created_without_a_version_row_are_adopted(tmp_path: Path) -> None:
    # A file laid out by OpenAI's SDK (same tables, no version table) is read as version 1.
    path = tmp_path / "db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE agent_sessions (session_id TEXT PRIMARY KEY)")
        connection.execute(
            "CREATE TABLE agent_messages (id INTEGER PRIMARY KEY AUTOINCREMENT, "
            "session_id TEXT NOT NULL, message_data TEXT NOT NULL)"
        )
        connection.execute("INSERT INTO agent_sessions VALUES ('s')")
        connection.execute(
            "INSERT INTO agent_messages (session_id, message_data) VALUES ('s', ?)",
            (json.dumps({"role": "user", "content": "old"}),),
        )
    session = SQLiteSession("s", path)
    assert await session.get_items() == [{"role": "user", "content": "old"}]
    session.close()


async def test_rows_that_are_not_json_objects_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "db"
    session = SQLiteSession("s", path)
    await session.add_items([{"n": 1}, {"n": 2}])
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO agent_messages (session_id, message_data) VALUES ('s', 'not json')"
        )
        connection.execute(
            "INSERT INTO agent_messages (session_id, message_data) VALUES ('s', '3')"
        )
    assert await session.get_items() == [{"n": 1}, {"n": 2}]
    assert await session.pop_item() is None  # the latest row was not an object
    session.close()


# --- concurrency --------------------------------------------------------------------------------


async def test_many_tasks_writing_at_once_lose_and_duplicate_nothing(tmp_path: Path) -> None:
    path = tmp_path / "db"
    # 20 session objects over 4 session ids, all in one file, written by 20 tasks at once.
    sessions = [SQLiteSession(f"s{index % 4}", path) for index in range(20)]

    async def write(writer: int, session: SQLiteSession) -> None:
        for number in range(15):
            await session.add_items(turn(writer, number))

    await asyncio.gather(*(write(i, session) for i, session in enumerate(sessions)))
    for session_id in range(4):
        items = await sessions[session_id].get_items()
        seen = assert_whole_turns(items)
        writers = {writer for writer in range(20) if writer % 4 == session_id}
        assert seen == {(writer, number) for writer in writers for number in range(15)}
        for writer in writers:  # each writer's turns were stored in the order it wrote them
            assert [i["turn"] for i in items if i["writer"] == writer][::4] == list(range(15))
    for session in sessions:
        session.close()


async def test_the_event_loop_keeps_running_during_a_large_write(tmp_path: Path) -> None:
    session = SQLiteSession("big", tmp_path / "db")
    items = [{"role": "user", "content": "y" * 2000, "n": n} for n in range(20_000)]
    ticks = 0
    done = False

    async def heartbeat() -> None:
        nonlocal ticks
        while not done:
            ticks += 1
            await asyncio.sleep(0)

    beating = asyncio.create_task(heartbeat())
    started = time.perf_counter()
    await session.add_items(items)
    loaded = await session.get_items()
    elapsed = time.perf_counter() - started
    done = True
    await beating
    assert len(loaded) == 20_000
    # A loop blocked by SQLite would tick about once; here it runs all along (> 1 tick per ms).
    assert ticks > 1000 * min(elapsed, 0.05), (ticks, elapsed)
    session.close()


def _write_in_child(session: SQLiteSession, number: int) -> None:
    asyncio.run(session.add_items(turn(number, 0)))


@pytest.mark.skipif(sys.platform == "win32", reason="fork is POSIX")
# Python 3.12+ warns about forking with threads running; forking with one is the point here.
@pytest.mark.filterwarnings("ignore:.*multi-threaded.*fork:DeprecationWarning")
async def test_a_session_keeps_working_in_a_forked_child(tmp_path: Path) -> None:
    session = SQLiteSession("s", tmp_path / "db")
    await session.add_items(turn(0, 0))  # the parent's worker thread is running
    children = [
        multiprocessing.get_context("fork").Process(
            target=_write_in_child, args=(session, n), daemon=True
        )
        for n in (1, 2)
    ]
    for child in children:
        child.start()
    try:
        for child in children:
            await asyncio.to_thread(child.join, TIMEOUT)
            assert child.exitcode == 0, f"the forked child ended with {child.exitcode}"
    finally:
        for child in children:
            if child.is_alive():  # never leave a hung child behind
                child.kill()
    assert assert_whole_turns(await session.get_items()) == {(0, 0), (1, 0), (2, 0)}
    session.close()


# --- several processes --------------------------------------------------------------------------


async def test_several_processes_write_one_file_at_once(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite"
    writers = await start_writers(path, "shared", 150, 100, 0, 1, 2, 3)
    await asyncio.gather(*(finish(process) for process in writers))
    items = read_file(path, "shared")
    assert assert_whole_turns(items) == {(n, t) for n in range(4) for t in range(150)}
    turns_in_file_order = [(item["writer"], item["turn"]) for item in items[::4]]
    for n in range(4):  # each process's turns in its own order
        assert [t for w, t in turns_in_file_order if w == n] == list(range(150))
    assert integrity(path) == "ok"


async def test_a_file_written_by_one_process_is_read_by_another(tmp_path: Path) -> None:
    path = tmp_path / "db"
    (writer,) = await start_writers(path, "s", 3, 5, 7)
    await finish(writer)
    session = SQLiteSession("s", path)
    assert assert_whole_turns(await session.get_items()) == {(7, 0), (7, 1), (7, 2)}
    await session.add_items(turn(8, 0))
    session.close()
    output = await finish(await start_python(_READER, path, "s"))
    assert assert_whole_turns(json.loads(output)) == {(7, 0), (7, 1), (7, 2), (8, 0)}


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
async def test_a_writer_killed_mid_write_leaves_only_whole_turns(tmp_path: Path) -> None:
    path = tmp_path / "db"
    # A turn of four 200 kB items takes about 2 ms to store here; the kills land at points
    # spread over that time, so most of them hit a turn half-way through being written.
    delays = [0.0, 0.0005, 0.001, 0.0015, 0.002, 0.003]
    for writer_number, delay in enumerate(delays):
        (writer,) = await start_writers(path, "s", 100_000, 200_000, writer_number)
        for _ in range(3):
            assert (await read_line(writer)).isdigit()
        # Not a wait for state: this places the kill at an arbitrary point of the next turn.
        await asyncio.sleep(delay)
        writer.send_signal(signal.SIGKILL)
        await asyncio.wait_for(writer.wait(), TIMEOUT)
        assert writer.returncode == -signal.SIGKILL
    assert integrity(path) == "ok"
    session = SQLiteSession("s", path)
    items = await session.get_items()
    seen = assert_whole_turns(items)
    assert {writer for writer, _ in seen} == set(range(len(delays)))
    await session.add_items(turn(99, 0))  # the file is still writable
    assert len(await session.get_items()) == len(items) + 4
    session.close()
