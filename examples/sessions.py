"""Sessions: a conversation kept across two runs of this script in a SQLite file.

Run ``uv run python examples/sessions.py`` twice. The first run tells the agent a name; the
second asks for it, and the agent's model sees the first run's conversation, loaded from
``conversation.db``. ``--reset`` clears the conversation. Offline, with the scripted test model.
"""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from agents import Agent, Runner, SQLiteSession
from agents.testing import ScriptedModel


async def main(db_path: Path, reset: bool) -> None:
    session = SQLiteSession("user-42", db_path)
    try:
        if reset:
            await session.clear_session()
            print("Conversation cleared.")
            return
        history = await session.get_items()
        if not history:
            question, reply = "Hi! My name is Ada.", "Nice to meet you, Ada."
        else:
            question, reply = "What is my name?", "Your name is Ada."
        model = ScriptedModel([reply])
        agent = Agent(name="Assistant", instructions="Be friendly and brief.", model=model)
        result = await Runner.run(agent, question, session=session)
        print(f"History loaded from {db_path.name}: {len(history)} item(s)")
        print(f"The model saw {len(model.last_call.input)} input item(s).")
        print(f"User: {question}\nAssistant: {result.final_output}")
    finally:
        session.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("conversation.db"))
    parser.add_argument("--reset", action="store_true")
    args = parser.parse_args()
    print("Running offline against a scripted model.")
    asyncio.run(main(args.db, args.reset))
