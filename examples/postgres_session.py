"""PostgreSQL session: one conversation held across two processes, through SQLAlchemy.

    DATABASE_URL=postgresql+asyncpg://user:pass@host/db uv run python examples/postgres_session.py

The first process tells the agent a favourite city; then a second process (this script again,
with ``--second-turn``) opens the same session in PostgreSQL and asks about it: its model
receives the whole conversation the first process stored. The tables are created on first use.
Needs a PostgreSQL server (``DATABASE_URL``, an asyncpg URL) and the ``sqlalchemy`` extra.

With ``OPENAI_API_KEY`` set it talks to OpenAI; without, to the fake OpenAI server from
``agents_openai.testing`` on 127.0.0.1 (offline), which answers from the history it is sent.
"""

from __future__ import annotations

import asyncio
import os
import sys
import uuid

from agents import Agent, Runner, set_default_openai_base_url, set_default_openai_key
from agents.extensions.memory import SQLAlchemySession
from agents_openai.testing import FakeOpenAIServer, ModelReply, RecordedRequest

AGENT = Agent(name="Assistant", instructions="Remember what the user tells you.", model="gpt-4.1")


def answer_from_history(request: RecordedRequest) -> ModelReply:
    """The offline model: it can only know the city if the history reached it."""
    said = [item["content"] for item in request.json["input"] if item.get("role") == "user"]
    if len(said) == 1:
        return ModelReply(["Noted!"])
    city = said[0].rsplit(" ", 1)[-1].rstrip(".")
    return ModelReply([f"Your favourite city is {city}."])


def open_session(session_id: str) -> SQLAlchemySession:
    return SQLAlchemySession.from_url(
        session_id, url=os.environ["DATABASE_URL"], create_tables=True
    )


async def turn(session_id: str, text: str) -> None:
    session = open_session(session_id)
    result = await Runner.run(AGENT, text, session=session)
    stored = len(await session.get_items())
    print(
        f"[process {os.getpid()}] User: {text}\n[process {os.getpid()}] Assistant: "
        f"{result.final_output} ({stored} items in PostgreSQL)"
    )
    await session.close()


async def first_process() -> None:
    session_id = f"user-{uuid.uuid4().hex[:8]}"
    await turn(session_id, "My favourite city is Lisbon.")
    second = await asyncio.create_subprocess_exec(
        sys.executable, __file__, "--second-turn", session_id, env=dict(os.environ)
    )
    if await second.wait() != 0:
        raise SystemExit("the second process failed")
    cleanup = open_session(session_id)
    await cleanup.clear_session()
    await cleanup.close()


async def main() -> None:
    if "DATABASE_URL" not in os.environ:
        raise SystemExit(
            "Set DATABASE_URL to a PostgreSQL database, such as "
            "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres."
        )
    if "--second-turn" in sys.argv:
        await turn(sys.argv[-1], "What is my favourite city?")
    elif os.environ.get("OPENAI_API_KEY"):
        await first_process()
    else:
        async with FakeOpenAIServer(responder=answer_from_history) as fake:
            print(f"No OPENAI_API_KEY: offline, with the fake OpenAI server at {fake.base_url}.")
            # The second process reaches the same fake server through the usual variables.
            os.environ["OPENAI_API_KEY"], os.environ["OPENAI_BASE_URL"] = (
                fake.api_key,
                fake.base_url,
            )
            set_default_openai_key(fake.api_key)
            set_default_openai_base_url(fake.base_url)
            await first_process()


if __name__ == "__main__":
    asyncio.run(main())
