"""RedisSession against a real Redis: key layout, TTL, one atomic script per turn, errors, many
processes writing at once, and a writer killed half-way through sending a turn."""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

import pytest

from agents_core import UserError
from agents_core.exceptions import SessionError
from agents_extensions.memory import RedisSession


def message(text: str) -> dict[str, Any]:
    return {"role": "user", "content": text}


async def test_keys_and_values_have_the_official_layout(redis_client: Any, unique: str) -> None:
    session = RedisSession("chat", redis_client=redis_client, key_prefix=unique)
    await session.add_items([message("héllo"), {"type": "function_call", "name": "f"}])
    assert await redis_client.type(f"{unique}:chat") == b"hash"
    fields = await redis_client.hgetall(f"{unique}:chat")
    assert fields[b"session_id"] == b"chat"
    assert int(fields[b"created_at"]) == int(fields[b"updated_at"]) > 1_700_000_000
    stored = await redis_client.lrange(f"{unique}:chat:messages", 0, -1)
    assert [json.loads(raw) for raw in stored] == [
        message("héllo"),
        {"type": "function_call", "name": "f"},
    ]
    assert b" " not in stored[1]  # compact JSON
    assert await redis_client.ttl(f"{unique}:chat") == -1  # no TTL unless asked
    await session.clear_session()
    assert await redis_client.exists(f"{unique}:chat", f"{unique}:chat:messages") == 0


async def test_ttl_expires_every_key_of_the_session(redis_client: Any, unique: str) -> None:
    await redis_client.set(f"{unique}:s:counter", "7")  # a legacy counter expires with the rest
    session = RedisSession("s", redis_client=redis_client, key_prefix=unique, ttl=120)
    await session.add_items([message("a")])
    for key in (f"{unique}:s", f"{unique}:s:messages", f"{unique}:s:counter"):
        assert 110_000 < await redis_client.pttl(key) <= 120_000, key
    with pytest.raises(UserError, match="ttl"):
        RedisSession("s", redis_client=redis_client, ttl=0)


async def test_a_turn_is_one_script_call_and_no_transaction(redis_client: Any, unique: str) -> None:
    session = RedisSession("s", redis_client=redis_client, key_prefix=unique)
    await session.add_items([message("warm up")])  # loads the script

    async def calls() -> dict[str, int]:
        stats = await redis_client.info("commandstats")
        return {
            name: stats.get(f"cmdstat_{name}", {}).get("calls", 0)
            for name in ("evalsha", "eval", "multi", "watch")
        }

    before = await calls()
    await session.add_items([message(str(n)) for n in range(4)])
    after = await calls()
    assert after["evalsha"] - before["evalsha"] == 1 and after["eval"] == before["eval"]
    assert after["multi"] == before["multi"] and after["watch"] == before["watch"]


async def test_a_key_of_another_type_is_refused_untouched(redis_client: Any, unique: str) -> None:
    await redis_client.set(f"{unique}:s:messages", "not a list")
    session = RedisSession("s", redis_client=redis_client, key_prefix=unique)
    with pytest.raises(SessionError, match="WRONGTYPE"):
        await session.add_items([message("a")])
    with pytest.raises(SessionError, match="WRONGTYPE"):
        await session.clear_session()
    assert await redis_client.get(f"{unique}:s:messages") == b"not a list"
    assert await redis_client.exists(f"{unique}:s") == 0


async def test_an_unreachable_server_is_a_session_error(closed_port: int) -> None:
    session = RedisSession.from_url("s", url=f"redis://127.0.0.1:{closed_port}/0")
    with pytest.raises(SessionError, match="Redis could not read session 's'") as caught:
        await session.get_items()
    assert caught.value.__cause__ is not None
    assert await session.ping() is False
    await session.close()


async def test_from_url_owns_its_client_and_injected_clients_stay_open(
    redis_url: str, redis_client: Any, unique: str
) -> None:
    owned = RedisSession.from_url("s", url=redis_url, key_prefix=unique)
    assert await owned.ping()
    await owned.close()
    with pytest.raises(UserError, match="closed"):
        await owned.get_items()
    borrowed = RedisSession("s", redis_client=redis_client, key_prefix=unique)
    await borrowed.close()
    assert await borrowed.ping() and await redis_client.ping()


async def test_corrupted_entries_are_skipped_with_a_warning(
    redis_client: Any, unique: str, caplog: pytest.LogCaptureFixture
) -> None:
    session = RedisSession("s", redis_client=redis_client, key_prefix=unique)
    await session.add_items([message("1"), message("2")])
    await redis_client.rpush(f"{unique}:s:messages", b"{not json", b"[1, 2]")
    with caplog.at_level(logging.WARNING, logger="agents.extensions"):
        assert await session.get_items() == [message("1"), message("2")]
        assert await session.get_items(limit=1) == [message("2")]
        assert await session.pop_item() == message("2")  # the two bad entries go first
    assert "not a JSON object" in caplog.text
    assert await redis_client.llen(f"{unique}:s:messages") == 1


async def test_several_processes_write_one_session(
    redis_url: str, redis_client: Any, unique: str, writers: Any, check_whole_turns: Any
) -> None:
    children = [await writers.start("redis", redis_url, "shared", unique, n) for n in range(4)]
    for child in children:
        await child.send("many 40")
    assert [await child.read_line() for child in children] == ["done"] * 4
    for child in children:
        await child.finish()
    session = RedisSession("shared", redis_client=redis_client, key_prefix=unique)
    items = await session.get_items()
    assert check_whole_turns(items) == {(w, t) for w in range(4) for t in range(40)}
    for writer in range(4):
        assert [i["turn"] for i in items if i["writer"] == writer][::4] == list(range(40))


async def test_a_writer_killed_mid_turn_stores_nothing_of_that_turn(
    redis_url: str,
    redis_client: Any,
    unique: str,
    writers: Any,
    wire_cutter: Any,
    check_whole_turns: Any,
) -> None:
    port = int(redis_url.rsplit(":", 1)[1].split("/")[0])
    cutter = await wire_cutter(port)
    proxied = f"redis://127.0.0.1:{cutter.port}/0"
    child = await writers.start("redis", proxied, "victim", unique, 0, size=50_000)
    for number in range(3):
        await child.send(f"turn {number}")
        assert await child.read_line() == f"stored {number}"
    cutter.cut_after(20_000)  # a four-item turn is about 200 kB: the next one is cut short
    await child.send("turn 3")
    await asyncio.wait_for(cutter.cut.wait(), 30)
    child.kill()
    await child.process.wait()
    await cutter.sever()
    session = RedisSession("victim", redis_client=redis_client, key_prefix=unique)
    assert check_whole_turns(await session.get_items()) == {(0, 0), (0, 1), (0, 2)}
    await session.add_items([message("after")])  # the session is not left locked or broken
    assert (await session.get_items())[-1] == message("after")
