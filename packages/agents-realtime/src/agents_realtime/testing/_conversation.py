"""The conversation intent of the fake realtime server: a GA Realtime session, scripted.

It keeps the session configuration and the conversation, detects speech in the input audio
(server and semantic VAD alike, by loudness), transcribes committed audio with the server's
transcriber, streams scripted responses (audio and transcript, or text; function calls; MCP
approval requests) and refuses what the real service refuses.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import copy
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .._base._audio import audio_duration_ms
from ._audio import VoiceActivityDetector, to_pcm16
from ._responding import ResponseStreaming, _Live, new_id

if TYPE_CHECKING:
    from ._connection import FakeRealtimeConnection
    from ._server import FakeRealtimeServer

__all__ = ("ConversationHandler", "ConversationState")


def default_session(model: str) -> dict[str, Any]:
    """The session a new conversation starts with (the API's documented defaults)."""
    return {
        "type": "realtime",
        "object": "realtime.session",
        "id": new_id("sess"),
        "model": model,
        "output_modalities": ["audio"],
        "instructions": "",
        "tools": [],
        "tool_choice": "auto",
        "max_output_tokens": "inf",
        "audio": {
            "input": {
                "format": {"type": "audio/pcm", "rate": 24000},
                "turn_detection": {
                    "type": "server_vad",
                    "threshold": 0.5,
                    "prefix_padding_ms": 300,
                    "silence_duration_ms": 200,
                    "create_response": True,
                    "interrupt_response": True,
                },
            },
            "output": {
                "format": {"type": "audio/pcm", "rate": 24000},
                "voice": "alloy",
                "speed": 1,
            },
        },
    }


def _merge(base: dict[str, Any], update: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in update.items():
        if (
            isinstance(value, dict)
            and isinstance(merged.get(key), dict)
            and key != "turn_detection"
        ):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


@dataclass
class ConversationState:
    """What a responder sees: the session's configuration and its conversation so far."""

    session: dict[str, Any]
    items: list[dict[str, Any]] = field(default_factory=list)
    responses: int = 0
    """How many responses were started before this one."""

    @property
    def tools(self) -> list[str]:
        """The names of the functions the session offers now."""
        return [
            tool["name"]
            for tool in self.session.get("tools") or ()
            if tool.get("type") == "function"
        ]

    @property
    def instructions(self) -> str:
        """The session's instructions now."""
        return str(self.session.get("instructions") or "")

    def last_user_text(self) -> str | None:
        """What the user last said: typed text, or the transcript of their audio."""
        for item in reversed(self.items):
            if item.get("type") == "message" and item.get("role") == "user":
                parts = [
                    p.get("text") or p.get("transcript") or "" for p in item.get("content") or ()
                ]
                return " ".join(part for part in parts if part)
        return None

    def pending_outputs(self) -> dict[str, str]:
        """Function outputs added since the model last spoke: call id -> output."""
        outputs: dict[str, str] = {}
        for item in reversed(self.items):
            if item.get("type") == "function_call_output":
                outputs[item["call_id"]] = item["output"]
            elif item.get("type") == "message" and item.get("role") in ("assistant", "user"):
                break
        return outputs


class _Conversation(ResponseStreaming):
    def __init__(self, server: FakeRealtimeServer, connection: FakeRealtimeConnection) -> None:
        self.server = server
        self.connection = connection
        model = connection.query.get("model") or "gpt-realtime"
        self.state = ConversationState(session=default_session(model))
        self.by_id: dict[str, dict[str, Any]] = {}
        self.calls: dict[str, dict[str, Any]] = {}
        self.answered: set[str] = set()
        self.approvals: dict[str, dict[str, Any]] = {}
        self.approved: list[dict[str, Any]] = []
        self.audio_ms: dict[str, float] = {}
        self.buffer = bytearray()
        self.vad: VoiceActivityDetector | None = None
        self.speech_item: str | None = None
        self.live: _Live | None = None
        self.spoke = False

    # ------------------------------------------------------------------------ loop

    async def run(self) -> None:
        await self.send({"type": "session.created", "session": self.state.session})
        try:
            async for event in self.connection:
                handler = getattr(self, "on_" + event["type"].replace(".", "_"), None)
                if handler is None:
                    await self.refuse(
                        event, "invalid_value", f"Unsupported event type '{event['type']}'."
                    )
                else:
                    await handler(event)
        finally:
            if self.live is not None and self.live.task is not None:
                self.live.task.cancel()
                await asyncio.gather(self.live.task, return_exceptions=True)

    # ------------------------------------------------------------------------ session

    async def on_session_update(self, event: dict[str, Any]) -> None:
        update = event["session"]
        if update.get("type") != "realtime":
            await self.refuse(
                event,
                "invalid_value",
                "A conversation session has type 'realtime'.",
                "session.type",
            )
            return
        new_voice = (update.get("audio") or {}).get("output", {}).get("voice")
        old_voice = self.state.session["audio"]["output"].get("voice")
        if self.spoke and new_voice is not None and new_voice != old_voice:
            await self.refuse(
                event,
                "cannot_update_voice",
                "Cannot update a conversation's voice if assistant audio is present.",
                "session.audio.output.voice",
            )
            return
        names = [
            tool.get("name") for tool in update.get("tools") or () if tool.get("type") == "function"
        ]
        if len(names) != len(set(names)):
            await self.refuse(
                event, "duplicate_tool_name", "Tool names must be unique.", "session.tools"
            )
            return
        self.state.session = _merge(
            self.state.session, {k: v for k, v in update.items() if k != "type"}
        )
        self.vad = None
        await self.send({"type": "session.updated", "session": self.state.session})

    def _turn_detection(self) -> dict[str, Any] | None:
        detection: dict[str, Any] | None = self.state.session["audio"]["input"].get(
            "turn_detection"
        )
        return detection

    def _input_format(self) -> Any:
        return self.state.session["audio"]["input"].get("format")

    # ------------------------------------------------------------------------ items

    async def _announce(self, item: dict[str, Any], previous: str | None) -> None:
        await self.send(
            {"type": "conversation.item.added", "previous_item_id": previous, "item": item}
        )
        await self.send(
            {"type": "conversation.item.done", "previous_item_id": previous, "item": item}
        )

    async def on_conversation_item_create(self, event: dict[str, Any]) -> None:
        item = copy.deepcopy(event["item"])
        kind = item.get("type")
        if item.get("id") in self.by_id:
            await self.refuse(
                event, "duplicate_item_id", f"Item '{item['id']}' already exists.", "item.id"
            )
            return
        if kind == "function_call_output":
            call_id = item.get("call_id")
            if call_id not in self.calls:
                await self.refuse(
                    event,
                    "invalid_tool_call_id",
                    f"Tool call ID '{call_id}' not found in conversation.",
                    "item.call_id",
                )
                return
            if call_id in self.answered:
                await self.refuse(
                    event,
                    "duplicate_tool_output",
                    f"Tool call '{call_id}' already has an output.",
                    "item.call_id",
                )
                return
            self.answered.add(call_id)
        elif kind == "mcp_approval_response":
            request = self.approvals.pop(item.get("approval_request_id"), None)
            if request is None:
                await self.refuse(
                    event,
                    "invalid_value",
                    "No such MCP approval request.",
                    "item.approval_request_id",
                )
                return
            if item.get("approve"):
                self.approved.append(request)
        item.setdefault("id", new_id("item"))
        item.setdefault("object", "realtime.item")
        item.setdefault("status", "completed")
        previous = self._add(item, event.get("previous_item_id"))
        await self._announce(item, previous)

    async def on_conversation_item_retrieve(self, event: dict[str, Any]) -> None:
        item = self.by_id.get(event["item_id"])
        if item is None:
            await self.refuse(
                event, "item_not_found", f"Item '{event['item_id']}' not found.", "item_id"
            )
            return
        await self.send({"type": "conversation.item.retrieved", "item": item})

    async def on_conversation_item_delete(self, event: dict[str, Any]) -> None:
        item = self.by_id.pop(event["item_id"], None)
        if item is None:
            await self.refuse(
                event, "item_not_found", f"Item '{event['item_id']}' not found.", "item_id"
            )
            return
        self.state.items.remove(item)
        await self.send({"type": "conversation.item.deleted", "item_id": event["item_id"]})

    async def on_conversation_item_truncate(self, event: dict[str, Any]) -> None:
        item = self.by_id.get(event["item_id"])
        if item is None or item.get("role") != "assistant":
            await self.refuse(
                event,
                "item_not_found",
                "Only assistant messages with audio can be truncated.",
                "item_id",
            )
            return
        length = self.audio_ms.get(item["id"])
        if length is None or event["content_index"] != 0:
            await self.refuse(
                event, "invalid_value", "That content part has no audio.", "content_index"
            )
            return
        if event["audio_end_ms"] > length:
            await self.refuse(
                event,
                "invalid_value",
                f"audio_end_ms ({event['audio_end_ms']}) is greater than the audio "
                f"({int(length)} ms).",
                "audio_end_ms",
            )
            return
        self.audio_ms[item["id"]] = float(event["audio_end_ms"])
        for part in item.get("content") or ():
            if part.get("type") == "output_audio":
                part["transcript"] = ""  # what the user did not hear is gone from the context
        self.server.truncations.append(dict(event))
        await self.send(
            {
                "type": "conversation.item.truncated",
                "item_id": item["id"],
                "content_index": event["content_index"],
                "audio_end_ms": event["audio_end_ms"],
            }
        )

    # ------------------------------------------------------------------------ input audio

    async def on_input_audio_buffer_append(self, event: dict[str, Any]) -> None:
        try:
            audio = base64.b64decode(event["audio"], validate=True)
        except (binascii.Error, ValueError):
            await self.refuse(event, "invalid_value", "The audio is not valid base64.", "audio")
            return
        self.buffer.extend(audio)
        detection = self._turn_detection()
        if detection is None:
            return
        if self.vad is None:
            self.vad = VoiceActivityDetector(
                silence_duration_ms=int(
                    detection.get("silence_duration_ms") or self.server.silence_duration_ms
                ),
                prefix_padding_ms=int(detection.get("prefix_padding_ms") or 300),
            )
        pcm, rate = to_pcm16(audio, self._input_format())
        for transition, position in self.vad.feed(pcm, rate):
            if transition == "started":
                await self._speech_started(position, detection)
            else:
                await self._speech_stopped(position, detection)

    async def _speech_started(self, position: int, detection: dict[str, Any]) -> None:
        self.speech_item = new_id("item")
        await self.send(
            {
                "type": "input_audio_buffer.speech_started",
                "audio_start_ms": position,
                "item_id": self.speech_item,
            }
        )
        if self.live is not None and detection.get("interrupt_response", True):
            await self._cancel("turn_detected")

    async def _speech_stopped(self, position: int, detection: dict[str, Any]) -> None:
        item_id = self.speech_item or new_id("item")
        self.speech_item = None
        await self.send(
            {
                "type": "input_audio_buffer.speech_stopped",
                "audio_end_ms": position,
                "item_id": item_id,
            }
        )
        await self._commit(item_id)
        if detection.get("create_response", True) and self.live is None:
            await self._start_response({})

    async def on_input_audio_buffer_commit(self, event: dict[str, Any]) -> None:
        if audio_duration_ms(self._input_format(), len(self.buffer)) < 100:
            await self.refuse(
                event,
                "input_audio_buffer_commit_empty",
                "Error committing input audio buffer: buffer too small. "
                "Expected at least 100ms of audio.",
            )
            return
        await self._commit(self.speech_item or new_id("item"))
        self.speech_item = None

    async def on_input_audio_buffer_clear(self, event: dict[str, Any]) -> None:
        self.buffer.clear()
        await self.send({"type": "input_audio_buffer.cleared"})

    async def on_output_audio_buffer_clear(self, event: dict[str, Any]) -> None:
        await self.refuse(
            event, "invalid_value", "output_audio_buffer.clear is only supported for WebRTC."
        )

    async def _commit(self, item_id: str) -> None:
        audio, self.buffer = bytes(self.buffer), bytearray()
        item: dict[str, Any] = {
            "id": item_id,
            "object": "realtime.item",
            "type": "message",
            "role": "user",
            "status": "completed",
            "content": [{"type": "input_audio"}],
        }
        previous = self._add(item)
        await self.send(
            {
                "type": "input_audio_buffer.committed",
                "previous_item_id": previous,
                "item_id": item_id,
            }
        )
        await self._announce(item, previous)
        transcription = self.state.session["audio"]["input"].get("transcription")
        if transcription:
            pcm, rate = to_pcm16(audio, self._input_format())
            transcript = self.server.transcribe(pcm, rate)
            item["content"][0]["transcript"] = transcript
            await self.send(
                {
                    "type": "conversation.item.input_audio_transcription.delta",
                    "item_id": item_id,
                    "content_index": 0,
                    "delta": transcript,
                }
            )
            await self.send(
                {
                    "type": "conversation.item.input_audio_transcription.completed",
                    "item_id": item_id,
                    "content_index": 0,
                    "transcript": transcript,
                    "usage": {"type": "duration", "seconds": round(len(pcm) / 2 / rate, 3)},
                }
            )


class ConversationHandler:
    """The default handler of the fake server: the ``conversation`` intent (GA protocol)."""

    def __init__(self, server: FakeRealtimeServer) -> None:
        self.server = server

    async def __call__(self, connection: FakeRealtimeConnection) -> None:
        await _Conversation(self.server, connection).run()
