"""AdvancedSQLiteSession: turns, branches, usage per turn, tool usage and search, on real files."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from agents_core import Agent, Runner, Usage, function_tool
from agents_core.testing import ModelStep, ScriptedModel, assistant_message, function_call
from agents_extensions.exceptions import SessionValueError
from agents_extensions.memory import AdvancedSQLiteSession


def user(text: str) -> dict[str, Any]:
    return {"role": "user", "content": text}


def assistant(text: str) -> dict[str, Any]:
    return {"role": "assistant", "content": [{"type": "output_text", "text": text}]}


def call(name: str, call_id: str) -> dict[str, Any]:
    return {"type": "function_call", "call_id": call_id, "name": name, "arguments": "{}"}


def output(call_id: str) -> dict[str, Any]:
    return {"type": "function_call_output", "call_id": call_id, "output": "ok"}


@pytest.fixture
async def session(tmp_path: Path) -> Any:
    opened = AdvancedSQLiteSession(
        session_id="s", db_path=tmp_path / "db.sqlite", create_tables=True
    )
    yield opened
    await opened.close()


async def conversation(session: AdvancedSQLiteSession) -> None:
    """Three user turns: weather (a tool call), a 100% discount question, and thanks."""
    await session.add_items([user("Weather in Oslo?"), call("weather", "c1"), output("c1")])
    await session.add_items([assistant("Sunny.")])
    await session.add_items([user("Is 100% off_sale real?"), assistant("No.")])
    await session.add_items(
        [user("Thanks"), call("weather", "c2"), output("c2"), call("map", "c3")]
    )


async def test_items_are_filed_under_user_turns(session: AdvancedSQLiteSession) -> None:
    await conversation(session)
    turns = await session.get_conversation_turns()
    assert [(t["turn"], t["content"], t["can_branch"]) for t in turns] == [
        (1, "Weather in Oslo?", True),
        (2, "Is 100% off_sale real?", True),
        (3, "Thanks", True),
    ]
    by_turn = await session.get_conversation_by_turns()
    assert by_turn[1] == [
        {"type": "user", "tool_name": None},
        {"type": "function_call", "tool_name": "weather"},
        {"type": "function_call_output", "tool_name": None},
        {"type": "assistant", "tool_name": None},
    ]
    assert await session.get_tool_usage() == [("weather", 1, 1), ("map", 1, 3), ("weather", 1, 3)]


async def test_search_matches_text_not_json_or_like_wildcards(
    session: AdvancedSQLiteSession,
) -> None:
    await conversation(session)
    assert [t["turn"] for t in await session.find_turns_by_content("oslo")] == [1]
    assert [t["turn"] for t in await session.find_turns_by_content("100%")] == [2]
    assert [t["turn"] for t in await session.find_turns_by_content("f_s")] == [2]
    assert await session.find_turns_by_content("%") != []
    assert await session.find_turns_by_content("content") == []  # a JSON key, not text
    assert await session.find_turns_by_content("x_y") == []


async def test_a_branch_shares_the_past_and_goes_its_own_way(
    session: AdvancedSQLiteSession, tmp_path: Path
) -> None:
    await conversation(session)
    main_items = await session.get_items()
    branch = await session.create_branch_from_turn(2, "alternative")
    assert branch == "alternative"
    assert await session.get_items() == main_items[:4]  # turn 1 only
    await session.add_items([user("A different question"), assistant("A different answer")])
    assert [t["content"] for t in await session.get_conversation_turns()] == [
        "Weather in Oslo?",
        "A different question",
    ]
    assert await session.get_items(branch_id="main") == main_items
    branches = {b["branch_id"]: b for b in await session.list_branches()}
    assert branches["main"]["message_count"] == len(main_items)
    assert branches["alternative"]["message_count"] == 6
    assert branches["alternative"]["is_current"] and not branches["main"]["is_current"]
    # Shared items are stored once.
    with sqlite3.connect(tmp_path / "db.sqlite") as db:
        assert (
            db.execute("SELECT COUNT(*) FROM agent_messages").fetchone()[0] == len(main_items) + 2
        )
    await session.switch_to_branch("main")
    assert await session.get_items() == main_items
    await session.delete_branch("alternative")
    assert [b["branch_id"] for b in await session.list_branches()] == ["main"]
    with sqlite3.connect(tmp_path / "db.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM agent_messages").fetchone()[0] == len(main_items)


async def test_branch_names_and_targets_are_checked(session: AdvancedSQLiteSession) -> None:
    await conversation(session)
    with pytest.raises(SessionValueError, match="does not contain a user message"):
        await session.create_branch_from_turn(7)
    with pytest.raises(ValueError, match="cannot be empty"):
        await session.create_branch_from_turn(2, "  ")
    generated = await session.create_branch_from_content("off_sale")
    assert generated.startswith("branch_from_turn_2_")
    await session.delete_branch(generated, force=True)
    assert (await session.list_branches())[0]["is_current"]
    with pytest.raises(SessionValueError, match="already been used"):
        await session.create_branch_from_turn(2, generated)  # names are never reused
    with pytest.raises(SessionValueError, match="does not exist"):
        await session.switch_to_branch("nowhere")
    with pytest.raises(SessionValueError, match="'main' branch cannot be deleted"):
        await session.delete_branch("main")
    other = await session.create_branch_from_turn(3, "other")
    with pytest.raises(SessionValueError, match="current branch"):
        await session.delete_branch(other)
    with pytest.raises(SessionValueError, match="No user turn"):
        await session.create_branch_from_content("nothing like this")


async def test_run_usage_is_recorded_per_turn(session: AdvancedSQLiteSession) -> None:
    @function_tool
    def weather(city: str) -> str:
        return "sunny"

    usage = Usage(requests=1, input_tokens=10, output_tokens=5, total_tokens=15)
    model = ScriptedModel(
        [
            ModelStep(
                output=[function_call("weather", {"city": "Oslo"}, call_id="c")], usage=usage
            ),
            ModelStep(output=[assistant_message("Sunny.")], usage=usage),
            ModelStep(output=[assistant_message("Bye.")], usage=usage),
        ]
    )
    agent = Agent(name="a", model=model, tools=[weather])
    await session.store_run_usage(await Runner.run(agent, "Weather?", session=session))
    await session.store_run_usage(await Runner.run(agent, "Bye", session=session))
    turns = await session.get_turn_usage()
    assert isinstance(turns, list)
    assert [(t["user_turn_number"], t["requests"], t["total_tokens"]) for t in turns] == [
        (1, 2, 30),
        (2, 1, 15),
    ]
    assert turns[0]["input_tokens_details"] == {"cached_tokens": 0}
    assert await session.get_turn_usage(2) == {
        "requests": 1,
        "input_tokens": 10,
        "output_tokens": 5,
        "total_tokens": 15,
        "input_tokens_details": {"cached_tokens": 0},
        "output_tokens_details": {"reasoning_tokens": 0},
    }
    assert await session.get_session_usage() == {
        "requests": 3,
        "input_tokens": 30,
        "output_tokens": 15,
        "total_tokens": 45,
        "total_turns": 2,
    }
    assert await session.get_tool_usage() == [("weather", 1, 1)]
    # Popping the last turn's items drops its usage.
    await session.pop_item()
    await session.pop_item()
    remaining = await session.get_turn_usage()
    assert isinstance(remaining, list) and [t["user_turn_number"] for t in remaining] == [1]


async def test_clearing_in_one_object_sends_another_back_to_main(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    first = AdvancedSQLiteSession(session_id="s", db_path=path, create_tables=True)
    second = AdvancedSQLiteSession(session_id="s", db_path=path)
    await first.add_items([user("one"), assistant("1"), user("two")])
    await second.create_branch_from_turn(2, "b")
    await first.clear_session()
    await second.add_items([user("fresh")])
    assert await first.get_items() == [user("fresh")]
    assert [b["branch_id"] for b in await second.list_branches()] == ["main"]
    await first.close()
    await second.close()


async def test_a_file_without_the_tables_needs_create_tables(tmp_path: Path) -> None:
    session = AdvancedSQLiteSession(session_id="s", db_path=tmp_path / "db")
    with pytest.raises(SessionValueError, match="create_tables=True"):
        await session.get_items()
    await session.close()
