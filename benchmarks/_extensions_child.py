"""Child of ``extensions_bench.py``: times one session back end of whichever ``agents`` it finds.

    python _extensions_child.py BACKEND TARGET ITERATIONS WARMUP HISTORY_ITEMS

BACKEND is ``redis`` (TARGET: a Redis URL), ``postgres`` (TARGET: an asyncpg SQLAlchemy URL) or
``encrypted_sqlite`` (TARGET: a folder for the database file). The same file runs under our
interpreter and the official SDK's, through the API both share. Each timed iteration takes a
fresh session already holding HISTORY_ITEMS items (stored before the clock starts), loads its
whole history, then stores a four-item turn. Prints one JSON object.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
import uuid
from pathlib import Path
from typing import Any

KEY = "9pW2Zl3iU2mQW1kqQm7s0YdVbKJqJ2c0bq9x1HhYQ3s="  # a Fernet key (benchmark data only)


def turn(number: int) -> list[dict[str, Any]]:
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


class Backend:
    """Makes sessions of one back end that share one client, engine or file."""

    def __init__(self, kind: str, target: str) -> None:
        self.kind, self.target = kind, target
        self.prefix = f"bench{uuid.uuid4().hex[:8]}"
        self.shared: Any = None

    def open(self, session_id: str) -> Any:
        if self.kind == "redis":
            import redis.asyncio

            from agents.extensions.memory import RedisSession

            if self.shared is None:
                self.shared = redis.asyncio.from_url(self.target)
            return RedisSession(session_id, redis_client=self.shared, key_prefix=self.prefix)
        if self.kind == "postgres":
            from sqlalchemy.ext.asyncio import create_async_engine

            from agents.extensions.memory import SQLAlchemySession

            if self.shared is None:
                self.shared = create_async_engine(self.target)
            return SQLAlchemySession(
                session_id,
                engine=self.shared,
                create_tables=True,
                sessions_table=f"{self.prefix}_sessions",
                messages_table=f"{self.prefix}_messages",
            )
        from agents import SQLiteSession
        from agents.extensions.memory import EncryptedSession

        inner = SQLiteSession(session_id, str(Path(self.target) / f"{self.prefix}.sqlite"))
        return EncryptedSession(
            session_id=session_id, underlying_session=inner, encryption_key=KEY, ttl=3600
        )

    async def close(self) -> None:
        if self.kind == "redis" and self.shared is not None:
            await self.shared.aclose()
        elif self.kind == "postgres" and self.shared is not None:
            await self.shared.dispose()


async def measure(
    kind: str, target: str, iterations: int, warmup: int, items: int
) -> dict[str, Any]:
    backend = Backend(kind, target)
    history = [item for number in range(items // 4) for item in turn(number)]
    new_turn = turn(items // 4)
    load_ms: list[float] = []
    store_ms: list[float] = []
    for index in range(warmup + iterations):
        session = backend.open(f"session-{index}")
        await session.add_items(history)  # not timed
        start = time.perf_counter()
        loaded = await session.get_items()
        middle = time.perf_counter()
        await session.add_items(new_turn)
        end = time.perf_counter()
        assert len(loaded) == items, len(loaded)
        if index >= warmup:
            load_ms.append((middle - start) * 1000)
            store_ms.append((end - middle) * 1000)
    name = type(backend.open("probe")).__module__
    await backend.close()
    return {"load_ms": load_ms, "store_ms": store_ms, "class": name}


if __name__ == "__main__":
    kind, target, iterations, warmup, items = sys.argv[1:6]
    result = asyncio.run(measure(kind, target, int(iterations), int(warmup), int(items)))
    print(json.dumps(result))
