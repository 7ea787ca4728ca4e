"""Data written by OpenAI's Agents SDK reads in ours and the other way round, for every session.

The official SDK (with its redis, sqlalchemy and encrypt extras) lives in a throwaway venv,
``benchmarks/.envs/official-extensions``, made on first use with uv. Both sides run the same
script, ``session_plan.py``: a plan of session operations in, their results out as JSON.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[2]
PLAN = Path(__file__).resolve().parent / "session_plan.py"

pytestmark = pytest.mark.timeout(900)


def _load_plan_runner() -> Any:
    spec = importlib.util.spec_from_file_location("session_plan", PLAN)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.execute


_execute = _load_plan_runner()


async def run_ours(plan: dict[str, Any]) -> list[Any]:
    """Run the plan with our library, in this process."""
    results: list[Any] = await _execute(plan)
    return results


def run_plan(python: Path | str, plan: dict[str, Any]) -> list[Any]:
    """Run the plan under ``python`` and return the results of its operations."""
    environment = {"PATH": "/usr/bin:/bin", "LITELLM_LOCAL_MODEL_COST_MAP": "True"}
    done = subprocess.run(
        [str(python), str(PLAN), json.dumps(plan)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=environment,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    results: list[Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return results


def turn(text: str) -> list[dict[str, Any]]:
    return [
        {"role": "user", "content": f"{text} ✓"},
        {"type": "function_call", "call_id": f"c-{text}", "name": "lookup", "arguments": "{}"},
        {"type": "function_call_output", "call_id": f"c-{text}", "output": "ok"},
        {"role": "assistant", "content": [{"type": "output_text", "text": f"re {text}"}]},
    ]


async def exchange(official: Path, backend: str, options: dict[str, Any], session_id: str) -> None:
    """Official writes, ours reads and writes and pops, official reads what ours left."""
    plan = {"backend": backend, "session_id": session_id, "options": options}
    assert run_plan(official, {**plan, "ops": [{"op": "add", "items": turn("one")}]}) == [None]
    results = await run_ours(
        {
            **plan,
            "ops": [
                {"op": "get"},
                {"op": "get", "limit": 2},
                {"op": "add", "items": turn("two")},
                {"op": "pop"},
            ],
        },
    )
    assert results[0] == turn("one")
    assert results[1] == turn("one")[2:]
    assert results[3] == turn("two")[3]
    read = run_plan(official, {**plan, "ops": [{"op": "get"}, {"op": "pop"}, {"op": "clear"}]})
    assert read[0] == turn("one") + turn("two")[:3]
    assert read[1] == turn("two")[2]
    assert await run_ours({**plan, "ops": [{"op": "get"}]}) == [[]]


async def test_redis(official_python: Path, redis_url: str, unique: str) -> None:
    await exchange(official_python, "redis", {"url": redis_url, "key_prefix": unique}, "chat")


async def test_sqlalchemy_postgres_official_tables(
    official_python: Path, postgres_url: str, unique: str
) -> None:
    options = {
        "url": postgres_url,
        "create_tables": True,
        "sessions_table": f"{unique}_s",
        "messages_table": f"{unique}_m",
    }
    await exchange(official_python, "sqlalchemy", options, "chat")


async def test_sqlalchemy_postgres_tables_created_by_ours(
    official_python: Path, postgres_url: str, unique: str
) -> None:
    options = {
        "url": postgres_url,
        "create_tables": True,
        "sessions_table": f"{unique}_s",
        "messages_table": f"{unique}_m",
    }
    plan = {"backend": "sqlalchemy", "session_id": "first", "options": options}
    assert await run_ours({**plan, "ops": [{"op": "add", "items": turn("0")}]}) == [None]
    await exchange(official_python, "sqlalchemy", options, "chat")
    assert run_plan(official_python, {**plan, "ops": [{"op": "get"}]}) == [turn("0")]


async def test_sqlalchemy_sqlite(official_python: Path, tmp_path: Path) -> None:
    options = {"url": f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite'}", "create_tables": True}
    await exchange(official_python, "sqlalchemy", options, "chat")


async def test_async_sqlite(official_python: Path, tmp_path: Path) -> None:
    await exchange(
        official_python, "async_sqlite", {"db_path": str(tmp_path / "db.sqlite")}, "chat"
    )


async def test_encrypted_sqlite(official_python: Path, tmp_path: Path) -> None:
    options = {"db_path": str(tmp_path / "db.sqlite"), "key": Fernet.generate_key().decode()}
    await exchange(official_python, "encrypted_sqlite", options, "chat")
    # A raw passphrase derives the same keys in both libraries.
    await exchange(official_python, "encrypted_sqlite", {**options, "key": "a passphrase"}, "other")


async def test_advanced_sqlite_turns_and_branches(official_python: Path, tmp_path: Path) -> None:
    plan = {
        "backend": "advanced_sqlite",
        "session_id": "chat",
        "options": {"db_path": str(tmp_path / "db.sqlite"), "create_tables": True},
    }
    written = run_plan(
        official_python,
        {
            **plan,
            "ops": [
                {"op": "add", "items": turn("one")},
                {"op": "add", "items": turn("two")},
                {"op": "branch", "turn": 2, "name": "retry"},
                {"op": "add", "items": turn("again")},
            ],
        },
    )
    assert written[2] == "retry"
    ours = await run_ours(
        {
            **plan,
            "ops": [
                {"op": "turns"},
                {"op": "branches"},
                {"op": "tools"},
                {"op": "switch", "branch": "retry"},
                {"op": "get"},
                {"op": "turns"},
                {"op": "add", "items": turn("ours")},
                {"op": "by_turns"},
            ],
        },
    )
    assert ours[0] == [[1, "one ✓"], [2, "two ✓"]]
    assert ours[1] == ["main", "retry"]
    assert ours[2] == [["lookup", 1, 1], ["lookup", 1, 2]]
    assert ours[4] == turn("one") + turn("again")
    assert ours[5] == [[1, "one ✓"], [2, "again ✓"]]
    assert [entry["type"] for entry in ours[7]["3"]] == [
        "user",
        "function_call",
        "function_call_output",
        "assistant",
    ]
    back = run_plan(
        official_python,
        {**plan, "ops": [{"op": "switch", "branch": "retry"}, {"op": "get"}, {"op": "turns"}]},
    )
    assert back[1] == turn("one") + turn("again") + turn("ours")
    assert back[2] == [[1, "one ✓"], [2, "again ✓"], [3, "ours ✓"]]
