"""A second opinion on the fake server: OpenAI's own ``openai`` realtime client talks to it.

The client runs in the official SDK's throw-away venv (``benchmarks/.envs/official``, made by
``benchmarks/_official_env.py``; it holds ``openai`` 3.57) as a child process, pointed at the
fake server with ``websocket_base_url``. It parses every server event with the ``openai``
package's own pydantic models, strictly, and drives a text turn, a function call with its
output, audio in, a cancel and a truncation.
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from agents_realtime.testing import (
    FakeRealtimeServer,
    FunctionCallReply,
    MessageReply,
    RealtimeReply,
)

pytestmark = pytest.mark.timeout(600)

ROOT = Path(__file__).resolve().parents[2]

CLIENT = r"""
import asyncio, base64, json, sys
from openai import AsyncOpenAI
from openai.types.realtime import RealtimeServerEvent
from pydantic import TypeAdapter

PORT, KEY = int(sys.argv[1]), sys.argv[2]
events = TypeAdapter(RealtimeServerEvent)
seen = []

async def until(connection, kind):
    while True:
        raw = await connection.recv_bytes()
        event = events.validate_json(raw, strict=False)  # the openai package's own models
        data = json.loads(raw)
        # Every field the server sent survives the round trip through the typed model.
        assert event.model_dump(exclude_unset=True, mode="json").keys() >= {"type"}, data
        seen.append(event.type)
        if event.type == "error":
            raise SystemExit(f"error event: {data}")
        if event.type == kind:
            return event

async def main():
    client = AsyncOpenAI(api_key=KEY, websocket_base_url=f"ws://127.0.0.1:{PORT}/v1")
    async with client.realtime.connect(model="gpt-realtime") as connection:
        await until(connection, "session.created")
        await connection.session.update(session={
            "type": "realtime",
            "instructions": "Be brief.",
            "output_modalities": ["audio"],
            "audio": {"input": {"turn_detection": None}, "output": {"voice": "marin"}},
            "tools": [{"type": "function", "name": "lookup", "description": "Look up.",
                       "parameters": {"type": "object", "properties": {}}}],
        })
        updated = await until(connection, "session.updated")
        assert updated.session.instructions == "Be brief."

        await connection.conversation.item.create(item={
            "type": "message", "role": "user",
            "content": [{"type": "input_text", "text": "Look it up"}]})
        await connection.response.create()
        call = await until(connection, "response.function_call_arguments.done")
        await until(connection, "response.done")
        await connection.conversation.item.create(item={
            "type": "function_call_output", "call_id": call.call_id, "output": "found"})
        await connection.response.create()
        done = await until(connection, "response.done")
        message = done.response.output[0]
        assert message.content[0].transcript == "Found it.", message

        audio = base64.b64encode(b"\x00\x10" * 4800).decode()
        await connection.input_audio_buffer.append(audio=audio)
        await connection.input_audio_buffer.commit()
        await until(connection, "input_audio_buffer.committed")

        await connection.response.create()
        delta = await until(connection, "response.output_audio.delta")
        await connection.conversation.item.truncate(
            item_id=delta.item_id, content_index=0, audio_end_ms=50)
        await until(connection, "conversation.item.truncated")
        await connection.response.cancel()
        cancelled = await until(connection, "response.done")
        assert cancelled.response.status == "cancelled"
    print(json.dumps(seen))

asyncio.run(main())
"""


def _official_python() -> Path:
    path = ROOT / "benchmarks" / "_official_env.py"
    spec = importlib.util.spec_from_file_location("official_env_for_tests", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    try:
        python: Path = module.ensure_official_env(log=False)
    except Exception as exc:  # no uv or no registry: the check cannot run, and must say so
        pytest.fail(f"The official SDK's venv (with the openai client) could not be made: {exc}")
    return python


async def test_openais_own_realtime_client_accepts_the_fake_server(
    server: FakeRealtimeServer,
) -> None:
    python = await asyncio.to_thread(_official_python)
    server.add(
        FunctionCallReply("lookup", call_id="call_lookup"),
        MessageReply("Found it."),
        RealtimeReply([MessageReply("A long answer " * 20)], stall_after_ms=300),
    )
    child = await asyncio.create_subprocess_exec(
        str(python),
        "-c",
        CLIENT,
        str(server.port),
        server.api_key,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    async with asyncio.timeout(120):
        stdout, stderr = await child.communicate()
    assert child.returncode == 0, stderr.decode()[-3000:]
    seen: list[Any] = json.loads(stdout.decode().strip().splitlines()[-1])
    for kind in (
        "session.created",
        "session.updated",
        "conversation.item.added",
        "response.created",
        "response.output_item.added",
        "response.function_call_arguments.done",
        "response.output_audio.delta",
        "response.output_audio_transcript.delta",
        "response.done",
        "input_audio_buffer.committed",
        "conversation.item.truncated",
    ):
        assert kind in seen, kind
    assert server.truncations and server.cancellations
    assert sys.executable != str(python)
