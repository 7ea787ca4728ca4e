"""The fake Realtime server refuses what the real service refuses, and serves intents by handler."""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import Callable
from typing import Any

import pytest
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import InvalidStatus

from agents_realtime.testing import (
    FakeRealtimeConnection,
    FakeRealtimeServer,
    FunctionCallReply,
    MessageReply,
    RealtimeReply,
)

pytestmark = pytest.mark.timeout(30)


class Client:
    """A bare websocket client speaking the GA protocol by hand."""

    def __init__(self, socket: ClientConnection) -> None:
        self.socket = socket

    async def send(self, event: dict[str, Any]) -> None:
        await self.socket.send(json.dumps(event))

    async def until(self, kind: str) -> dict[str, Any]:
        async with asyncio.timeout(10):
            while True:
                event: dict[str, Any] = json.loads(await self.socket.recv())
                if event["type"] == kind:
                    return event

    async def error(self, event: dict[str, Any]) -> dict[str, Any]:
        await self.send(event)
        error: dict[str, Any] = (await self.until("error"))["error"]
        return error


async def _client(server: FakeRealtimeServer) -> tuple[Client, ClientConnection]:
    socket = await connect(
        f"{server.url}?model=gpt-realtime",
        additional_headers={"Authorization": f"Bearer {server.api_key}"},
    )
    client = Client(socket)
    await client.until("session.created")
    return client, socket


async def test_the_handshake_needs_the_key_and_the_realtime_path(
    server: FakeRealtimeServer,
) -> None:
    with pytest.raises(InvalidStatus) as refused:
        await connect(server.url, additional_headers={"Authorization": "Bearer nope"})
    assert refused.value.response.status_code == 401
    body = json.loads(refused.value.response.body)
    assert body["error"]["code"] == "invalid_api_key"
    with pytest.raises(InvalidStatus) as missing:
        await connect(server.url.replace("/realtime", "/chat"))
    assert missing.value.response.status_code == 404


async def test_conversation_refusals(server: FakeRealtimeServer) -> None:
    server.add(RealtimeReply([MessageReply("Talking " * 20)], stall_after_ms=200))
    client, socket = await _client(server)
    async with socket:
        output = {"type": "function_call_output", "call_id": "call_missing", "output": "x"}
        error = await client.error({"type": "conversation.item.create", "item": output})
        assert error["code"] == "invalid_tool_call_id" and error["param"] == "item.call_id"

        assert (await client.error({"type": "response.cancel"}))[
            "code"
        ] == "response_cancel_not_active"
        assert (await client.error({"type": "output_audio_buffer.clear"}))[
            "code"
        ] == "invalid_value"

        short = base64.b64encode(bytes(480)).decode()  # 10 ms
        await client.send({"type": "input_audio_buffer.append", "audio": short})
        error = await client.error({"type": "input_audio_buffer.commit"})
        assert error["code"] == "input_audio_buffer_commit_empty"

        await client.send({"type": "response.create"})
        delta = await client.until("response.output_audio.delta")
        error = await client.error({"type": "response.create"})
        assert error["code"] == "conversation_already_has_active_response"
        error = await client.error(
            {
                "type": "session.update",
                "session": {"type": "realtime", "audio": {"output": {"voice": "ash"}}},
            }
        )
        assert error["code"] == "cannot_update_voice"
        error = await client.error(
            {
                "type": "conversation.item.truncate",
                "item_id": delta["item_id"],
                "content_index": 0,
                "audio_end_ms": 5000,
            }
        )
        assert error["param"] == "audio_end_ms" and "greater" in error["message"]
        error = await client.error(
            {
                "type": "conversation.item.truncate",
                "item_id": "item_nope",
                "content_index": 0,
                "audio_end_ms": 1,
            }
        )
        assert error["code"] == "item_not_found"
        error = await client.error({"type": "input_audio_buffer.append", "audio": "%%%"})
        assert error["param"] == "audio"
    assert server.conformance_errors == []


async def test_frames_off_the_spec_are_refused_and_recorded(
    spec_validator: Callable[[str, Any], list[str]] | None,
) -> None:
    if spec_validator is None:
        pytest.fail("This test needs AGENTS_OPENAI_SPEC (the spec to check frames against).")
    async with FakeRealtimeServer(validator=spec_validator) as server:
        client, socket = await _client(server)
        async with socket:
            error = await client.error(
                {"type": "conversation.item.create", "item": {"type": "message"}}
            )
        assert error["code"] == "invalid_value" and "conversation.item.create" in error["message"]
        assert server.conformance_errors and server.conformance_errors[0].startswith(
            "received conversation.item.create"
        )


async def test_a_function_call_and_its_output(server: FakeRealtimeServer) -> None:
    server.add(FunctionCallReply("lookup", {"q": "x"}, call_id="call_1"), "Done.")
    client, socket = await _client(server)
    async with socket:
        await client.send({"type": "response.create"})
        done = await client.until("response.function_call_arguments.done")
        assert (done["name"], done["arguments"], done["call_id"]) == (
            "lookup",
            '{"q": "x"}',
            "call_1",
        )
        await client.until("response.done")
        output = {"type": "function_call_output", "call_id": "call_1", "output": "found"}
        await client.send({"type": "conversation.item.create", "item": output})
        added = await client.until("conversation.item.added")
        assert added["item"]["call_id"] == "call_1"
        error = await client.error({"type": "conversation.item.create", "item": output})
        assert error["code"] == "duplicate_tool_output"
    assert server.pending_replies == 1
    with pytest.raises(AssertionError, match="1 scripted realtime replies"):
        server.assert_complete()


async def test_other_intents_are_served_by_their_own_handler(server: FakeRealtimeServer) -> None:
    seen: list[dict[str, Any]] = []

    async def transcription(connection: FakeRealtimeConnection) -> None:
        await connection.send_raw(
            json.dumps({"type": "session.created", "intent": connection.intent})
        )
        async for event in connection:
            seen.append(event)

    server.intents["transcription"] = transcription
    socket = await connect(
        f"{server.url}?intent=transcription",
        additional_headers={"Authorization": f"Bearer {server.api_key}"},
    )
    async with socket:
        hello = json.loads(await socket.recv())
        await socket.send(json.dumps({"type": "input_audio_buffer.clear"}))
        connection = await server.connection()
        await connection.wait_for_frame("input_audio_buffer.clear")
    assert hello == {"type": "session.created", "intent": "transcription"}
    assert seen == [{"type": "input_audio_buffer.clear"}]

    unknown = await connect(
        f"{server.url}?intent=translation",
        additional_headers={"Authorization": f"Bearer {server.api_key}"},
    )
    async with unknown:
        error = json.loads(await unknown.recv())
        assert error["error"]["code"] == "invalid_intent"
        await unknown.wait_closed()
        assert unknown.close_code == 1008
