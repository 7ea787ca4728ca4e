"""One conformance suite that every session passes, core and extension alike.

Order, limits, pop, clear, isolation between ids, reopening, refused items, concurrent writers
and a real run: the same tests against MemorySession, SQLiteSession, AsyncSQLiteSession,
AdvancedSQLiteSession, RedisSession, SQLAlchemySession on SQLite and PostgreSQL, and
EncryptedSession over SQLite and Redis.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet

from agents_core import (
    Agent,
    MemorySession,
    Runner,
    Session,
    SessionSettings,
    SQLiteSession,
    UserError,
)
from agents_core.testing import ScriptedModel
from agents_extensions.memory import (
    AdvancedSQLiteSession,
    AsyncSQLiteSession,
    EncryptedSession,
    RedisSession,
    SQLAlchemySession,
)

Factory = Callable[..., Session]
KEY = Fernet.generate_key().decode()

BACKENDS = [
    "memory",
    "sqlite",
    "async_sqlite",
    "advanced_sqlite",
    "redis",
    "sqlalchemy_sqlite",
    "sqlalchemy_postgres",
    "encrypted_sqlite",
    "encrypted_redis",
]
# Backends whose sessions of one id, in separate objects, share their items.
SHARED = set(BACKENDS) - {"memory"}


async def _close(session: Any) -> None:
    inner = getattr(session, "underlying_session", None)
    close = getattr(inner if inner is not None else session, "close", None)
    if close is not None:
        result = close()
        if isinstance(result, Awaitable):
            await result


@pytest.fixture(params=BACKENDS)
async def make(
    request: pytest.FixtureRequest, tmp_path: Path, unique: str
) -> AsyncIterator[Factory]:
    """``make(session_id, settings=None)``: a new session object of the backend under test."""
    backend: str = request.param
    made: list[Any] = []
    engines: list[Any] = []

    def redis_session(session_id: str, settings: SessionSettings | None) -> RedisSession:
        url = request.getfixturevalue("redis_url")
        return RedisSession.from_url(
            session_id, url=url, key_prefix=unique, session_settings=settings
        )

    def sqlalchemy_session(session_id: str, settings: SessionSettings | None, url: str) -> Any:
        session = SQLAlchemySession.from_url(
            session_id,
            url=url,
            create_tables=True,
            sessions_table=f"{unique}_sessions",
            messages_table=f"{unique}_messages",
            session_settings=settings,
        )
        engines.append(session)
        return session

    def build(session_id: str, settings: SessionSettings | None = None) -> Any:
        database = tmp_path / "sessions.db"
        if backend == "memory":
            return MemorySession(session_id, settings=settings)
        if backend == "sqlite":
            return SQLiteSession(session_id, database, session_settings=settings)
        if backend == "async_sqlite":
            return AsyncSQLiteSession(session_id, database, session_settings=settings)
        if backend == "advanced_sqlite":
            return AdvancedSQLiteSession(
                session_id=session_id,
                db_path=database,
                create_tables=True,
                session_settings=settings,
            )
        if backend == "redis":
            return redis_session(session_id, settings)
        if backend == "sqlalchemy_sqlite":
            return sqlalchemy_session(session_id, settings, f"sqlite+aiosqlite:///{database}")
        if backend == "sqlalchemy_postgres":
            url = request.getfixturevalue("postgres_url")
            return sqlalchemy_session(session_id, settings, url)
        if backend == "encrypted_sqlite":
            inner = SQLiteSession(session_id, database, session_settings=settings)
            return EncryptedSession(session_id, inner, KEY, ttl=3600)
        assert backend == "encrypted_redis"
        return EncryptedSession(session_id, redis_session(session_id, settings), KEY, ttl=3600)

    def make_session(session_id: str, settings: SessionSettings | None = None) -> Session:
        session = build(session_id, settings)
        made.append(session)
        return session  # type: ignore[no-any-return]

    make_session.backend = backend  # type: ignore[attr-defined]
    yield make_session
    for session in made:
        await _close(session)


def message(text: str, **extra: Any) -> dict[str, Any]:
    return {"role": "user", "content": text, **extra}


async def test_satisfies_the_session_protocol(make: Factory) -> None:
    session = make("s")
    assert isinstance(session, Session)
    assert session.session_id == "s"


async def test_an_empty_session(make: Factory) -> None:
    session = make("empty")
    assert await session.get_items() == []
    assert await session.get_items(limit=3) == []
    assert await session.pop_item() is None
    await session.clear_session()
    await session.add_items([])
    assert await session.get_items() == []


async def test_items_come_back_in_order_and_unchanged(make: Factory) -> None:
    session = make("order")
    first = [message("héllo ☃", nested={"list": [1, 2.5, None, True], "text": '"q" \\n'})]
    second = [
        {"type": "function_call", "call_id": "c1", "name": "f", "arguments": '{"x": 1}'},
        {"type": "function_call_output", "call_id": "c1", "output": "ok"},
    ]
    third = [{"role": "assistant", "content": [{"type": "output_text", "text": "done"}]}]
    await session.add_items(first)
    await session.add_items(second)
    await session.add_items(third)
    assert await session.get_items() == first + second + third


async def test_limits_take_the_latest_items(make: Factory) -> None:
    session = make("limits")
    items = [message(str(n)) for n in range(7)]
    await session.add_items(items[:3])
    await session.add_items(items[3:])
    assert await session.get_items(limit=2) == items[-2:]
    assert await session.get_items(limit=1) == items[-1:]
    assert await session.get_items(limit=0) == []
    assert await session.get_items(limit=100) == items


async def test_settings_limit_is_the_default(make: Factory) -> None:
    session = make("settings", SessionSettings(limit=3))
    items = [message(str(n)) for n in range(5)]
    await session.add_items(items)
    assert await session.get_items() == items[-3:]
    assert await session.get_items(limit=5) == items


async def test_pop_removes_the_latest_item(make: Factory) -> None:
    session = make("pop")
    items = [message(str(n)) for n in range(3)]
    await session.add_items(items)
    assert await session.pop_item() == items[2]
    assert await session.get_items() == items[:2]
    assert await session.pop_item() == items[1]
    assert await session.pop_item() == items[0]
    assert await session.pop_item() is None
    await session.add_items([message("again")])
    assert await session.get_items() == [message("again")]


async def test_clear_removes_everything_and_the_session_stays_usable(make: Factory) -> None:
    session = make("clear")
    await session.add_items([message("a"), message("b")])
    await session.clear_session()
    assert await session.get_items() == []
    assert await session.pop_item() is None
    await session.add_items([message("c")])
    assert await session.get_items() == [message("c")]


async def test_sessions_with_different_ids_are_isolated(make: Factory) -> None:
    alice, bob = make("alice"), make("bob")
    await alice.add_items([message("a1"), message("a2")])
    await bob.add_items([message("b1")])
    assert await bob.pop_item() == message("b1")
    await bob.add_items([message("b2")])
    await alice.clear_session()
    assert await alice.get_items() == []
    assert await bob.get_items() == [message("b2")]
    assert await alice.pop_item() is None


@pytest.mark.parametrize("make", sorted(SHARED), indirect=True)
async def test_a_second_object_with_the_same_id_sees_the_same_items(make: Factory) -> None:
    writer = make("shared")
    await writer.add_items([message("kept")])
    reader = make("shared")
    assert await reader.get_items() == [message("kept")]
    assert await reader.pop_item() == message("kept")
    assert await writer.get_items() == []


@pytest.mark.parametrize("make", sorted(SHARED), indirect=True)
async def test_items_that_are_not_json_objects_are_refused_whole(make: Factory) -> None:
    session = make("refused")
    with pytest.raises(UserError):
        await session.add_items(["not a dict"])  # type: ignore[list-item]
    with pytest.raises(UserError):
        await session.add_items([message("valid"), {"bad": object()}])
    assert await session.get_items() == []


async def test_concurrent_writers_keep_whole_turns(make: Factory) -> None:
    sessions = [make("busy") for _ in range(5)]

    async def write(writer: int, session: Session) -> None:
        for number in range(8):
            await session.add_items(
                [message("x", writer=writer, turn=number, part=part) for part in range(4)]
            )

    if make.backend not in SHARED:  # type: ignore[attr-defined]
        sessions = [sessions[0]] * 5  # one object holds a MemorySession's items
    await asyncio.gather(*(write(n, session) for n, session in enumerate(sessions)))
    items = await sessions[0].get_items()
    assert len(items) == 5 * 8 * 4
    seen = set()
    for start in range(0, len(items), 4):
        chunk = items[start : start + 4]
        assert {(i["writer"], i["turn"]) for i in chunk} == {(chunk[0]["writer"], chunk[0]["turn"])}
        assert [i["part"] for i in chunk] == [0, 1, 2, 3]
        seen.add((chunk[0]["writer"], chunk[0]["turn"]))
    assert seen == {(w, t) for w in range(5) for t in range(8)}
    for writer in range(5):
        assert [i["turn"] for i in items if i["writer"] == writer][::4] == list(range(8))


async def test_runs_continue_the_stored_conversation(make: Factory) -> None:
    model = ScriptedModel(["Hello Ada.", "Your name is Ada."])
    agent = Agent(name="a", model=model)
    first = make("run")
    await Runner.run(agent, "My name is Ada.", session=first)
    # A new session object for the second run wherever the items outlive the object.
    session = make("run") if make.backend in SHARED else first  # type: ignore[attr-defined]
    result = await Runner.run(agent, "What is my name?", session=session)
    assert result.final_output == "Your name is Ada."
    sent = model.calls[1].input
    assert [item.get("role") for item in sent] == ["user", "assistant", "user"]
    assert sent[0]["content"] == "My name is Ada."
    assert len(await session.get_items()) == 4
