"""Runs a plan of session operations and prints their results as JSON, under either library.

    python session_plan.py PLAN_JSON

The same script runs under our interpreter and under the official SDK's (both import as
``agents``), so the tests can write with one library and read with the other. The plan is
``{"backend": ..., "session_id": ..., "options": {...}, "ops": [...]}``; each op is
``{"op": "add", "items": [...]}``, ``{"op": "get", "limit": N}``, ``{"op": "pop"}``,
``{"op": "clear"}``, or for the advanced session ``turns``, ``branch`` (``turn``, ``name``),
``switch`` (``branch``), ``branches``, ``tools`` and ``by_turns``.
"""

from __future__ import annotations

import asyncio
import json
import sys
from typing import Any


def open_session(backend: str, session_id: str, options: dict[str, Any]) -> Any:
    if backend == "redis":
        from agents.extensions.memory import RedisSession

        return RedisSession.from_url(session_id, **options)
    if backend == "sqlalchemy":
        from agents.extensions.memory import SQLAlchemySession

        return SQLAlchemySession.from_url(session_id, **options)
    if backend == "async_sqlite":
        from agents.extensions.memory import AsyncSQLiteSession

        return AsyncSQLiteSession(session_id, options["db_path"])
    if backend == "advanced_sqlite":
        from agents.extensions.memory import AdvancedSQLiteSession

        return AdvancedSQLiteSession(session_id=session_id, **options)
    assert backend == "encrypted_sqlite"
    from agents import SQLiteSession
    from agents.extensions.memory import EncryptedSession

    inner = SQLiteSession(session_id, options["db_path"])
    return EncryptedSession(
        session_id=session_id,
        underlying_session=inner,
        encryption_key=options["key"],
        ttl=options.get("ttl", 600),
    )


async def run_op(session: Any, op: dict[str, Any]) -> Any:
    kind = op["op"]
    if kind == "add":
        await session.add_items(op["items"])
        return None
    if kind == "get":
        return await session.get_items(op.get("limit"))
    if kind == "pop":
        return await session.pop_item()
    if kind == "clear":
        await session.clear_session()
        return None
    if kind == "turns":
        return [(t["turn"], t["full_content"]) for t in await session.get_conversation_turns()]
    if kind == "branch":
        return await session.create_branch_from_turn(op["turn"], op.get("name"))
    if kind == "switch":
        await session.switch_to_branch(op["branch"])
        return None
    if kind == "branches":
        return sorted(b["branch_id"] for b in await session.list_branches())
    if kind == "tools":
        return [list(row) for row in await session.get_tool_usage()]
    assert kind == "by_turns"
    return {str(k): v for k, v in (await session.get_conversation_by_turns()).items()}


async def execute(plan: dict[str, Any]) -> list[Any]:
    """Open the session, run the operations, close it; the results as plain JSON."""
    session = open_session(plan["backend"], plan["session_id"], plan.get("options", {}))
    results = [await run_op(session, op) for op in plan["ops"]]
    close = getattr(session, "close", None)
    if close is not None:
        outcome = close()
        if asyncio.iscoroutine(outcome):
            await outcome
    plain: list[Any] = json.loads(json.dumps(results))
    return plain


if __name__ == "__main__":
    print(json.dumps(asyncio.run(execute(json.loads(sys.argv[1])))))
