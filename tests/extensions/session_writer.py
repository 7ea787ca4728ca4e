"""A child process that writes four-item turns to one session, for the multi-process tests.

    python session_writer.py BACKEND URL SESSION_ID WRITER [SIZE]

BACKEND is ``redis`` or ``sqlalchemy`` (URL: the server, KEY: prefix or table prefix in the
session id's place). It prints ``ready`` once connected, then reads commands from stdin:
``turn N`` writes turn N and prints ``stored N``; ``many N`` writes turns 0..N-1 and prints
``done``; ``quit`` closes the session and exits.
"""

from __future__ import annotations

import asyncio
import sys
from typing import Any


def turn(writer: int, number: int, size: int) -> list[dict[str, Any]]:
    """Four items that say who wrote them, in which turn, and in what order."""
    return [
        {"role": "user", "content": "x" * size, "writer": writer, "turn": number, "part": part}
        for part in range(4)
    ]


def open_session(backend: str, url: str, session_id: str, namespace: str) -> Any:
    if backend == "redis":
        from agents_extensions.memory import RedisSession

        return RedisSession.from_url(session_id, url=url, key_prefix=namespace)
    from agents_extensions.memory import SQLAlchemySession

    return SQLAlchemySession.from_url(
        session_id,
        url=url,
        create_tables=True,
        sessions_table=f"{namespace}_sessions",
        messages_table=f"{namespace}_messages",
        engine_kwargs={"pool_size": 1, "max_overflow": 0},
    )


async def main(
    backend: str, url: str, session_id: str, namespace: str, writer: int, size: int
) -> None:
    session = open_session(backend, url, session_id, namespace)
    await session.get_items(limit=1)  # connected (and tables created) before the signal
    print("ready", flush=True)
    loop = asyncio.get_running_loop()
    while True:
        line = (await loop.run_in_executor(None, sys.stdin.readline)).split()
        if not line or line[0] == "quit":
            break
        if line[0] == "turn":
            await session.add_items(turn(writer, int(line[1]), size))
            print(f"stored {line[1]}", flush=True)
        elif line[0] == "many":
            for number in range(int(line[1])):
                await session.add_items(turn(writer, number, size))
            print("done", flush=True)
    await session.close()


if __name__ == "__main__":
    backend, url, session_id, namespace, writer = sys.argv[1:6]
    size = int(sys.argv[6]) if len(sys.argv) > 6 else 100
    asyncio.run(main(backend, url, session_id, namespace, int(writer), size))
