"""Child of ``session_bench.py``: times ``SQLiteSession`` of whichever ``agents`` it finds.

The same file runs under both interpreters. Under the official SDK the class is
``agents.SQLiteSession``; ours is looked up there too and, until the facade re-exports it, in
``agents_core._memory.sqlite_session``. It prints one JSON object on stdout.

    python _session_child.py DB_FOLDER ITERATIONS WARMUP HISTORY_ITEMS [fast]

Each timed iteration takes a fresh session already holding ``HISTORY_ITEMS`` items (stored before
the clock starts), loads its whole history, then stores a four-item turn: the work a run does
with its session. ``fast`` passes ``durable=False`` (ours only).
"""

from __future__ import annotations

import asyncio
import importlib
import json
import sys
import time
from pathlib import Path
from typing import Any


def _session_class() -> tuple[Any, str]:
    facade = importlib.import_module("agents")
    found = getattr(facade, "SQLiteSession", None)
    if found is not None:
        return found, f"{facade.__name__}.SQLiteSession"
    module = importlib.import_module("agents_core._memory.sqlite_session")
    return module.SQLiteSession, "agents_core._memory.sqlite_session.SQLiteSession"


def _turn(number: int) -> list[dict[str, Any]]:
    """One turn as a run stores it: the input, a tool call, its output and the answer."""
    call_id = f"call_{number}"
    return [
        {"role": "user", "content": f"Question {number}: what is the weather in Oslo today?"},
        {
            "type": "function_call",
            "id": f"fc_{number}",
            "call_id": call_id,
            "name": "get_weather",
            "arguments": '{"city": "Oslo"}',
            "status": "completed",
        },
        {"type": "function_call_output", "call_id": call_id, "output": "Sunny, 21 degrees."},
        {
            "type": "message",
            "id": f"msg_{number}",
            "role": "assistant",
            "status": "completed",
            "content": [
                {
                    "type": "output_text",
                    "text": f"Answer {number}: it is sunny in Oslo, about 21 degrees.",
                    "annotations": [],
                    "logprobs": [],
                }
            ],
        },
    ]


async def _measure(
    folder: Path, iterations: int, warmup: int, history_items: int, fast: bool
) -> dict[str, Any]:
    session_class, name = _session_class()
    options = {"durable": False} if fast else {}
    history = [item for number in range(history_items // 4) for item in _turn(number)]
    new_turn = _turn(history_items // 4)
    path = folder / "sessions.sqlite"
    sessions = [
        session_class(f"session-{index}", path, **options) for index in range(warmup + iterations)
    ]
    for session in sessions:  # not timed: every session starts with the same history
        await session.add_items(history)
    load_ms: list[float] = []
    store_ms: list[float] = []
    for index, session in enumerate(sessions):
        started = time.perf_counter()
        loaded = await session.get_items()
        between = time.perf_counter()
        await session.add_items(new_turn)
        ended = time.perf_counter()
        if len(loaded) != len(history):
            raise AssertionError(f"loaded {len(loaded)} items, expected {len(history)}")
        if index >= warmup:
            load_ms.append((between - started) * 1000)
            store_ms.append((ended - between) * 1000)
    check = sessions[-1]
    if len(await check.get_items()) != len(history) + len(new_turn):
        raise AssertionError("the turn was not stored")
    for session in sessions:
        session.close()
    return {"class": name, "load_ms": load_ms, "store_ms": store_ms}


def main() -> None:
    folder, iterations, warmup, history_items = sys.argv[1:5]
    fast = sys.argv[5:] == ["fast"]
    figures = asyncio.run(
        _measure(Path(folder), int(iterations), int(warmup), int(history_items), fast)
    )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
