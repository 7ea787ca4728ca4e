"""How the fake realtime server answers: responses streamed as the GA protocol streams them.

Messages come as audio and transcript deltas (or text deltas), function calls with their
argument deltas, MCP approval requests as items; a response can stall mid-stream for tests of
interruptions, and is cancelled by the client or by the user's speech.
"""

from __future__ import annotations

import asyncio
import base64
import copy
import itertools
import json
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .._base._audio import audio_duration_ms
from ._audio import speech_for, to_format
from ._replies import FunctionCallReply, MCPApprovalRequestReply, MessageReply, RealtimeReply

if TYPE_CHECKING:
    from ._connection import FakeRealtimeConnection
    from ._conversation import ConversationState
    from ._server import FakeRealtimeServer

__all__ = ("ResponseStreaming", "new_id")

_ids = itertools.count(1)


def new_id(prefix: str) -> str:
    """A fake server id such as ``item_fake000012``."""
    return f"{prefix}_fake{next(_ids):06d}"


@dataclass
class _Live:
    response_id: str
    reply: RealtimeReply
    task: asyncio.Task[None] | None = None
    output: list[dict[str, Any]] = field(default_factory=list)
    current: dict[str, Any] | None = None


class ResponseStreaming:
    """The response side of a fake conversation (mixed into the conversation handler)."""

    server: FakeRealtimeServer
    connection: FakeRealtimeConnection
    state: ConversationState
    by_id: dict[str, dict[str, Any]]
    calls: dict[str, dict[str, Any]]
    approvals: dict[str, dict[str, Any]]
    approved: list[dict[str, Any]]
    audio_ms: dict[str, float]
    live: _Live | None
    spoke: bool

    async def send(self, event: dict[str, Any]) -> None:
        await self.connection.send(event)

    async def refuse(
        self, event: dict[str, Any], code: str, message: str, param: str | None = None
    ) -> None:
        await self.connection.send_error(
            "invalid_request_error", code, message, param=param, event_id=event.get("event_id")
        )

    def _add(self, item: dict[str, Any], previous_item_id: str | None = None) -> str | None:
        items = self.state.items
        if previous_item_id is not None and previous_item_id in self.by_id:
            position = items.index(self.by_id[previous_item_id]) + 1
        else:
            position = len(items)
        before = items[position - 1]["id"] if position > 0 else None
        items.insert(position, item)
        self.by_id[item["id"]] = item
        return before

    def _output_format(self) -> Any:
        return self.state.session["audio"]["output"].get("format")

    async def on_response_create(self, event: dict[str, Any]) -> None:
        if self.live is not None:
            await self.refuse(
                event,
                "conversation_already_has_active_response",
                "Conversation already has an active response in progress: "
                f"{self.live.response_id}.",
            )
            return
        await self._start_response(event.get("response") or {})

    async def on_response_cancel(self, event: dict[str, Any]) -> None:
        live = self.live
        wanted = event.get("response_id")
        if live is None or (wanted is not None and wanted != live.response_id):
            await self.refuse(
                event,
                "response_cancel_not_active",
                "Cancellation failed: no active response found.",
            )
            return
        await self._cancel("client_cancelled")

    async def _start_response(self, options: dict[str, Any]) -> None:
        reply = self.server.next_reply(self.state)
        self.state.responses += 1
        if reply is None:
            await self.connection.send_error(
                "server_error",
                "fake_server_unscripted",
                "The fake realtime server has no reply scripted for this response.",
            )
            return
        live = _Live(response_id=new_id("resp"), reply=reply)
        self.live = live
        modalities = options.get("output_modalities") or self.state.session.get("output_modalities")
        await self.send(
            {"type": "response.created", "response": self._response(live, "in_progress")}
        )
        live.task = asyncio.ensure_future(self._stream(live, list(modalities or ["audio"])))

    def _response(self, live: _Live, status: str, reason: str | None = None) -> dict[str, Any]:
        session = self.state.session
        response: dict[str, Any] = {
            "id": live.response_id,
            "object": "realtime.response",
            "status": status,
            "output": copy.deepcopy(live.output),
            "conversation_id": "conv_fake",
            "output_modalities": session.get("output_modalities") or ["audio"],
            "max_output_tokens": session.get("max_output_tokens", "inf"),
            "audio": {
                "output": {
                    "format": self._output_format(),
                    "voice": session["audio"]["output"].get("voice", "alloy"),
                }
            },
        }
        if status != "in_progress":
            response["status_details"] = {"type": status} | ({"reason": reason} if reason else {})
            text = sum(
                len(str(p.get("transcript") or p.get("text") or ""))
                for item in live.output
                for p in item.get("content") or ()
            )
            response["usage"] = {
                "total_tokens": 40 + text // 4,
                "input_tokens": 30,
                "output_tokens": 10 + text // 4,
                "input_token_details": {
                    "cached_tokens": 0,
                    "text_tokens": 20,
                    "audio_tokens": 10,
                    "image_tokens": 0,
                },
                "output_token_details": {"text_tokens": 5, "audio_tokens": 5 + text // 4},
            }
        return response

    async def _stream(self, live: _Live, modalities: list[str]) -> None:
        outputs: list[Any] = list(live.reply.output)
        if self.approved:
            outputs = [*self._mcp_calls(), *outputs]
        for index, output in enumerate(outputs):
            if isinstance(output, MessageReply):
                await self._stream_message(live, index, output, "audio" in modalities)
            elif isinstance(output, FunctionCallReply):
                await self._stream_call(live, index, output)
            elif isinstance(output, MCPApprovalRequestReply):
                await self._approval_request(live, index, output)
            else:
                await self._item_output(live, index, output)
        self.live = None
        failure = live.reply.failure
        response = self._response(live, "failed" if failure else "completed")
        if failure:
            response["status_details"] = {"type": "failed", "error": dict(failure)}
        await self.send({"type": "response.done", "response": response})

    def _mcp_calls(self) -> list[dict[str, Any]]:
        calls = []
        for request in self.approved:
            calls.append(
                {
                    "id": new_id("mcp"),
                    "type": "mcp_call",
                    "server_label": request["server_label"],
                    "name": request["name"],
                    "arguments": request["arguments"],
                    "approval_request_id": request["id"],
                    "output": self.server.mcp_output(request["name"], request["arguments"]),
                }
            )
        self.approved = []
        return calls

    async def _item_output(self, live: _Live, index: int, item: dict[str, Any]) -> None:
        await self.send(
            {
                "type": "response.output_item.added",
                "response_id": live.response_id,
                "output_index": index,
                "item": item,
            }
        )
        self._add(item)
        live.output.append(item)
        await self.send(
            {
                "type": "response.output_item.done",
                "response_id": live.response_id,
                "output_index": index,
                "item": item,
            }
        )

    async def _approval_request(
        self, live: _Live, index: int, output: MCPApprovalRequestReply
    ) -> None:
        request = {
            "id": new_id("mcpr"),
            "type": "mcp_approval_request",
            "server_label": output.server_label,
            "name": output.name,
            "arguments": json.dumps(dict(output.arguments)),
        }
        self.approvals[request["id"]] = request
        await self._item_output(live, index, request)

    async def _stream_call(self, live: _Live, index: int, output: FunctionCallReply) -> None:
        call_id = output.call_id or new_id("call")
        item = {
            "id": new_id("item"),
            "object": "realtime.item",
            "type": "function_call",
            "status": "in_progress",
            "name": output.name,
            "call_id": call_id,
            "arguments": "",
        }
        base = {"response_id": live.response_id, "output_index": index}
        await self.send({"type": "response.output_item.added", **base, "item": dict(item)})
        previous = self._add(item)
        live.output.append(item)
        await self.send(
            {"type": "conversation.item.added", "previous_item_id": previous, "item": dict(item)}
        )
        arguments = output.arguments_json
        await self.send(
            {
                "type": "response.function_call_arguments.delta",
                **base,
                "item_id": item["id"],
                "call_id": call_id,
                "delta": arguments,
            }
        )
        await self.send(
            {
                "type": "response.function_call_arguments.done",
                **base,
                "item_id": item["id"],
                "call_id": call_id,
                "name": output.name,
                "arguments": arguments,
            }
        )
        item.update(status="completed", arguments=arguments)
        self.calls[call_id] = item
        await self.send({"type": "response.output_item.done", **base, "item": dict(item)})
        await self.send(
            {"type": "conversation.item.done", "previous_item_id": previous, "item": dict(item)}
        )

    async def _stream_message(
        self, live: _Live, index: int, output: MessageReply, spoken: bool
    ) -> None:
        item: dict[str, Any] = {
            "id": new_id("item"),
            "object": "realtime.item",
            "type": "message",
            "role": "assistant",
            "status": "in_progress",
            "content": [],
        }
        base = {"response_id": live.response_id, "output_index": index}
        await self.send({"type": "response.output_item.added", **base, "item": copy.deepcopy(item)})
        previous = self._add(item)
        live.output.append(item)
        live.current = item
        await self.send(
            {
                "type": "conversation.item.added",
                "previous_item_id": previous,
                "item": copy.deepcopy(item),
            }
        )
        part_base = {**base, "item_id": item["id"], "content_index": 0}
        if spoken:
            item["content"] = [{"type": "output_audio", "transcript": ""}]
            await self.send(
                {
                    "type": "response.content_part.added",
                    **part_base,
                    "part": {"type": "audio", "transcript": ""},
                }
            )
            await self._stream_audio(live, item, output, part_base)
            await self.send({"type": "response.output_audio.done", **part_base})
            await self.send(
                {
                    "type": "response.output_audio_transcript.done",
                    **part_base,
                    "transcript": output.text,
                }
            )
            await self.send(
                {
                    "type": "response.content_part.done",
                    **part_base,
                    "part": {"type": "audio", "transcript": output.text},
                }
            )
        else:
            item["content"] = [{"type": "output_text", "text": ""}]
            await self.send(
                {
                    "type": "response.content_part.added",
                    **part_base,
                    "part": {"type": "text", "text": ""},
                }
            )
            await self._stream_text(live, item, output, part_base)
            await self.send({"type": "response.output_text.done", **part_base, "text": output.text})
            await self.send(
                {
                    "type": "response.content_part.done",
                    **part_base,
                    "part": {"type": "text", "text": output.text},
                }
            )
        item["status"] = "completed"
        live.current = None
        await self.send({"type": "response.output_item.done", **base, "item": copy.deepcopy(item)})
        await self.send(
            {
                "type": "conversation.item.done",
                "previous_item_id": previous,
                "item": copy.deepcopy(item),
            }
        )

    async def _stream_audio(
        self, live: _Live, item: dict[str, Any], output: MessageReply, part: dict[str, Any]
    ) -> None:
        audio_format = self._output_format()
        audio = to_format(
            output.audio if output.audio is not None else speech_for(output.text), audio_format
        )
        chunk = max(
            2,
            int(
                len(audio)
                / max(audio_duration_ms(audio_format, len(audio)), 1.0)
                * live.reply.audio_chunk_ms
            ),
        )
        chunk -= chunk % 2
        chunks = [audio[i : i + chunk] for i in range(0, len(audio), chunk)] or [b""]
        words = output.text.split(" ")
        per_chunk = max(1, -(-len(words) // len(chunks)))
        self.spoke = True
        self.audio_ms[item["id"]] = 0.0
        sent_ms = 0.0
        reply = live.reply
        for number, data in enumerate(chunks):
            await self._maybe_stall(live, sent_ms)
            if reply.delta_interval_ms and number:
                await asyncio.sleep(reply.delta_interval_ms / 1000)
            if reply.stamp_deltas and len(data) >= 8:
                data = time.monotonic_ns().to_bytes(8, "little") + data[8:]
            await self.send(
                {
                    "type": "response.output_audio.delta",
                    **part,
                    "delta": base64.b64encode(data).decode("ascii"),
                }
            )
            sent_ms += audio_duration_ms(audio_format, len(data))
            self.audio_ms[item["id"]] = sent_ms
            spoken = words[number * per_chunk : (number + 1) * per_chunk]
            if spoken:
                delta = ("" if number == 0 else " ") + " ".join(spoken)
                item["content"][0]["transcript"] += delta
                await self.send(
                    {"type": "response.output_audio_transcript.delta", **part, "delta": delta}
                )

    async def _stream_text(
        self, live: _Live, item: dict[str, Any], output: MessageReply, part: dict[str, Any]
    ) -> None:
        words = output.text.split(" ")
        for number, word in enumerate(words):
            await self._maybe_stall(live, float(len(item["content"][0]["text"])))
            delta = ("" if number == 0 else " ") + word
            item["content"][0]["text"] += delta
            await self.send({"type": "response.output_text.delta", **part, "delta": delta})

    async def _maybe_stall(self, live: _Live, progress: float) -> None:
        stall = live.reply.stall_after_ms
        if stall is not None and progress >= stall:
            live.reply.stall_after_ms = None
            self.server.notify()
            await live.reply.resume_event().wait()
        else:
            await asyncio.sleep(0)  # let the client's events (a cancel, a barge-in) arrive

    async def _cancel(self, reason: str) -> None:
        live = self.live
        if live is None:
            return
        self.live = None
        if live.task is not None:
            live.task.cancel()
            await asyncio.gather(live.task, return_exceptions=True)
        current = live.current
        if current is not None:
            current["status"] = "incomplete"
            await self.send(
                {
                    "type": "response.output_item.done",
                    "response_id": live.response_id,
                    "output_index": live.output.index(current),
                    "item": copy.deepcopy(current),
                }
            )
        self.server.cancellations.append(live.response_id)
        await self.send(
            {"type": "response.done", "response": self._response(live, "cancelled", reason)}
        )
