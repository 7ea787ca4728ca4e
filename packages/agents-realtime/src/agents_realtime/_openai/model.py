"""``OpenAIRealtimeWebSocketModel``: OpenAI's Realtime API (GA protocol) over a websocket.

One reader task receives every server event, turns it into a typed model event and hands it
to the listeners (the session) in order. Sends go out from whichever task asks. The model keeps
responses from overlapping, knows which audio the application has received (to cut it where
the user stopped hearing it), and, with a reconnect policy, restores the session after a drop.
"""

from __future__ import annotations

import asyncio
import binascii
import inspect
import json
import os
import sys
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from agents_core.exceptions import UserError

from .._base._ids import new_id
from .._base._log import logger
from .._data.model_events import (
    RealtimeModelAudioDoneEvent,
    RealtimeModelAudioEvent,
    RealtimeModelAudioInterruptedEvent,
    RealtimeModelConnectionStatusEvent,
    RealtimeModelEndOfStreamEvent,
    RealtimeModelErrorEvent,
    RealtimeModelExceptionEvent,
    RealtimeModelInputAudioTimeoutTriggeredEvent,
    RealtimeModelInputAudioTranscriptionCompletedEvent,
    RealtimeModelItemDeletedEvent,
    RealtimeModelItemUpdatedEvent,
    RealtimeModelMCPApprovalRequestEvent,
    RealtimeModelOtherEvent,
    RealtimeModelOutputTextDeltaEvent,
    RealtimeModelRawServerEvent,
    RealtimeModelToolCallEvent,
    RealtimeModelTranscriptDeltaEvent,
    RealtimeModelTurnEndedEvent,
    RealtimeModelTurnStartedEvent,
)
from .._data.model_inputs import (
    RealtimeModelSendAudio,
    RealtimeModelSendInterrupt,
    RealtimeModelSendRawMessage,
    RealtimeModelSendSessionUpdate,
    RealtimeModelSendToolOutput,
    RealtimeModelSendUserInput,
)
from .._model.interface import RealtimeModel
from .._model.transport import WebSocketTransport
from ..exceptions import RealtimeAPIError, RealtimeConnectionError, RealtimeProtocolError
from .conversions import encode_audio, item_from_wire, usage_event, user_message_item
from .session_config import DEFAULT_REALTIME_MODEL, session_config, turn_detection_of
from .state import AudioTracker, ResponseState

if TYPE_CHECKING:
    from .._data.config import RealtimeSessionModelSettings
    from .._data.items import RealtimeToolCallItem
    from .._data.model_events import RealtimeModelEvent
    from .._data.model_inputs import RealtimeModelSendEvent
    from .._model.interface import (
        RealtimeModelConfig,
        RealtimeModelListener,
        RealtimePlaybackTracker,
    )
    from .._model.reconnect import RealtimeReconnectPolicy
    from .._model.transport import (
        RealtimeTransport,
        RealtimeTransportConnection,
        TransportConfig,
    )

__all__ = ("OpenAIRealtimeWebSocketModel", "default_realtime_url", "get_api_key")

_DEFAULT_BASE_URL = "https://api.openai.com/v1"
_DECODER = json.JSONDecoder()

# Server events with nothing to add beyond the raw event every listener already receives.
_PASSIVE = frozenset(
    {
        "conversation.created",
        "conversation.item.input_audio_transcription.delta",
        "conversation.item.input_audio_transcription.segment",
        "conversation.item.truncated",
        "input_audio_buffer.cleared",
        "input_audio_buffer.committed",
        "input_audio_buffer.speech_stopped",
        "output_audio_buffer.cleared",
        "output_audio_buffer.started",
        "output_audio_buffer.stopped",
        "rate_limits.updated",
        "response.content_part.added",
        "response.content_part.done",
        "response.function_call_arguments.delta",
        "response.function_call_arguments.done",
        "response.output_audio_transcript.done",
        "response.output_text.done",
    }
)


def _openai_default(name: str) -> Any:
    """A default set through ``agents_openai`` (``set_default_openai_key`` ...), if it offers one.

    Read only when ``agents_openai`` is already imported, and only through its public names.
    """
    module = sys.modules.get("agents_openai")
    getter = getattr(module, name, None) if module is not None else None
    return getter() if callable(getter) else None


async def get_api_key(key: str | Callable[[], str | Awaitable[str]] | None) -> str | None:
    """The API key: ``key`` itself, what the function ``key`` returns, else the default.

    The default is the key set through ``agents_openai`` where it exposes one, else
    ``OPENAI_API_KEY``.
    """
    if isinstance(key, str):
        return key
    if callable(key):
        value = key()
        if inspect.isawaitable(value):
            value = await value
        return value
    configured = _openai_default("get_default_openai_key")
    return configured if isinstance(configured, str) else os.environ.get("OPENAI_API_KEY")


def default_realtime_url(*, model: str | None = None, call_id: str | None = None) -> str:
    """The realtime endpoint for a model (or a call): OpenAI's, or the configured base URL's.

    The base URL is the one set through ``agents_openai`` where it exposes one, else
    ``OPENAI_BASE_URL``, else OpenAI's API; ``http`` becomes ``ws`` and ``https`` ``wss``.
    """
    base = _openai_default("get_default_openai_base_url")
    if not isinstance(base, str) or not base:
        base = os.environ.get("OPENAI_BASE_URL") or _DEFAULT_BASE_URL
    if base.startswith("https://"):
        base = "wss://" + base[len("https://") :]
    elif base.startswith("http://"):
        base = "ws://" + base[len("http://") :]
    query = f"call_id={call_id}" if call_id else f"model={model or DEFAULT_REALTIME_MODEL}"
    return f"{base.rstrip('/')}/realtime?{query}"


def _output_format(settings: RealtimeSessionModelSettings) -> Any:
    audio: Any = settings.get("audio") or {}
    output = audio.get("output") or {}
    return output.get("format") or settings.get("output_audio_format") or "pcm16"


class OpenAIRealtimeWebSocketModel(RealtimeModel):
    """A realtime model that speaks OpenAI's Realtime API over a websocket.

    ``transport_config`` tunes the websocket (keepalive pings, handshake timeout, message size);
    ``transport`` replaces the websocket itself (any ``RealtimeTransport``); ``reconnect``
    (a ``RealtimeReconnectPolicy``) reconnects after a drop and restores the session's
    configuration. Use one model per session.
    """

    def __init__(
        self,
        *,
        transport_config: TransportConfig | None = None,
        transport: RealtimeTransport | None = None,
        reconnect: RealtimeReconnectPolicy | None = None,
    ) -> None:
        self.model: str = DEFAULT_REALTIME_MODEL
        self._transport: RealtimeTransport = transport or WebSocketTransport(transport_config)
        self._reconnect = reconnect
        self._listeners: tuple[RealtimeModelListener, ...] = ()
        self._connection: RealtimeTransportConnection | None = None
        self._reader: asyncio.Task[None] | None = None
        self._options: RealtimeModelConfig = {}
        self._settings: RealtimeSessionModelSettings = {}
        self._call_id: str | None = None
        self._tracker: RealtimePlaybackTracker | None = None
        self._responses = ResponseState()
        self._audio = AudioTracker()
        self._known_calls: set[str] = set()
        self._cancel_sent = False
        self._closing = False
        self._reconnecting = False
        self.server_session: dict[str, Any] = {}
        """The session as the server last described it (``session.created`` / ``updated``)."""

    # ------------------------------------------------------------------------ listeners

    def add_listener(self, listener: RealtimeModelListener) -> None:
        """Receive this model's events."""
        if listener not in self._listeners:
            self._listeners = (*self._listeners, listener)

    def remove_listener(self, listener: RealtimeModelListener) -> None:
        """Stop receiving this model's events."""
        self._listeners = tuple(known for known in self._listeners if known is not listener)

    async def _emit(self, event: RealtimeModelEvent) -> None:
        for listener in self._listeners:
            try:
                await listener.on_event(event)
            except Exception as exc:
                _listener_failed(listener, exc)

    # ------------------------------------------------------------------------ connecting

    async def connect(self, options: RealtimeModelConfig) -> None:
        """Open the websocket, start reading, and send the initial ``session.update``."""
        if self._connection is not None or self._reader is not None:
            raise UserError("This realtime model is already connected: use one model per session.")
        settings: RealtimeSessionModelSettings = dict(  # type: ignore[assignment]
            options.get("initial_model_settings") or {}
        )
        call_id = options.get("call_id")
        if call_id and settings.get("model_name"):
            raise UserError(
                "Give either call_id (to attach to an existing call) or model_name, not both."
            )
        if settings.get("model_name"):
            self.model = str(settings["model_name"])
        self._options = options
        self._call_id = call_id
        self._tracker = options.get("playback_tracker")
        self._closing = False
        session = self._session_payload(settings, include_tracing=True)  # refuse bad settings now
        connection = await self._open()
        self._connection = connection
        self._reader = asyncio.create_task(self._read(connection), name="realtime-model-reader")
        try:
            await self._send({"type": "session.update", "session": session})
        except BaseException:
            await self.close()
            raise
        await self._emit(RealtimeModelConnectionStatusEvent(status="connected"))

    async def _open(self) -> RealtimeTransportConnection:
        options = self._options
        headers = dict(options["headers"]) if options.get("headers") is not None else {}
        if options.get("headers") is None:
            key = await get_api_key(options.get("api_key"))
            if not key:
                raise UserError(
                    "The realtime model needs an API key: pass api_key in the model config, set "
                    "OPENAI_API_KEY, or give the headers to send."
                )
            headers["Authorization"] = f"Bearer {key}"
        url = options.get("url") or default_realtime_url(model=self.model, call_id=self._call_id)
        self._responses.reset()
        self._audio.clear()
        self._known_calls.clear()
        self._cancel_sent = False
        return await self._transport.connect(url, headers)

    async def close(self) -> None:
        """Close the websocket and stop reading; no events follow."""
        self._closing = True
        connection, self._connection = self._connection, None
        reader, self._reader = self._reader, None
        if connection is not None:
            try:
                await asyncio.wait_for(connection.close(), 5)
            except Exception as exc:
                logger().debug("realtime close failed", error=type(exc).__name__)
        if reader is not None and reader is not asyncio.current_task():
            reader.cancel()
            await asyncio.gather(reader, return_exceptions=True)

    # ------------------------------------------------------------------------ reading

    async def _read(self, connection: RealtimeTransportConnection) -> None:
        while True:
            try:
                message = await connection.recv()
            except RealtimeConnectionError as error:
                if self._closing or connection is not self._connection:
                    return
                recovered = await self._recover(error)
                if recovered is None:
                    return
                connection = recovered
                continue
            except Exception as exc:  # a transport that does not keep to its contract
                if self._closing:
                    return
                await self._fail(RealtimeConnectionError(f"The realtime transport failed: {exc!r}"))
                return
            await self._on_message(message)

    async def _on_message(self, message: str | bytes) -> None:
        if isinstance(message, bytes):
            await self._malformed("The realtime server sent a binary frame.", None, message)
            return
        try:
            # raw_decode skips json.loads' wrappers (two regex scans per frame); what follows
            # the object must be nothing but whitespace.
            event, end = _DECODER.raw_decode(message)
            if end != len(message) and message[end:].strip():
                raise ValueError(f"extra data at position {end}")
        except ValueError as exc:
            await self._malformed(
                f"The realtime server sent a frame that is not JSON ({exc}).", None, message
            )
            return
        kind = event.get("type") if isinstance(event, dict) else None
        if not isinstance(kind, str):
            await self._malformed("The realtime server sent a frame without a type.", None, message)
            return
        raw = RealtimeModelRawServerEvent(data=event)
        for listener in self._listeners:  # _emit, inlined: this runs for every frame
            try:
                await listener.on_event(raw)
            except Exception as exc:
                _listener_failed(listener, exc)
        handler = _HANDLERS.get(kind)
        if handler is None:
            if kind not in _PASSIVE:
                await self._emit(RealtimeModelOtherEvent(data=event))
            return
        try:
            await handler(self, event)
        except (KeyError, TypeError, ValueError, AttributeError, binascii.Error) as exc:
            missing = f"missing {exc}" if isinstance(exc, KeyError) else str(exc)
            await self._malformed(
                f"The realtime server sent a malformed '{kind}' event ({missing}).", kind, message
            )
        except RealtimeConnectionError as exc:
            # A send answering this event failed; the reader notices the closed connection next.
            logger().debug("realtime send failed while handling an event", error=type(exc).__name__)

    async def _malformed(self, text: str, kind: str | None, message: str | bytes) -> None:
        frame = message if isinstance(message, str) else message.decode("utf-8", "replace")
        error = RealtimeProtocolError(text, event_type=kind, frame=frame[:200])
        logger().warning("malformed realtime frame", event_type=kind)
        await self._emit(RealtimeModelErrorEvent(error=error))

    # ------------------------------------------------------------------------ server events

    async def _on_audio_delta(self, event: dict[str, Any]) -> None:
        response_id = event["response_id"]
        if response_id in self._responses.interrupted:
            return
        data = binascii.a2b_base64(event["delta"])  # takes the str as it is, without a copy
        item_id = event["item_id"]
        content_index = event["content_index"]
        self._audio.on_delta(item_id, content_index, response_id, len(data))
        audio = RealtimeModelAudioEvent(data, response_id, item_id, content_index)
        for listener in self._listeners:  # _emit, inlined: this runs for every audio chunk
            try:
                await listener.on_event(audio)
            except Exception as exc:
                _listener_failed(listener, exc)

    async def _on_audio_done(self, event: dict[str, Any]) -> None:
        if event["response_id"] in self._responses.interrupted:
            return
        await self._emit(RealtimeModelAudioDoneEvent(event["item_id"], event["content_index"]))

    async def _on_transcript_delta(self, event: dict[str, Any]) -> None:
        await self._emit(
            RealtimeModelTranscriptDeltaEvent(
                event["item_id"], event["delta"], event["response_id"]
            )
        )

    async def _on_text_delta(self, event: dict[str, Any]) -> None:
        await self._emit(
            RealtimeModelOutputTextDeltaEvent(
                event["item_id"], event["delta"], event["response_id"]
            )
        )

    async def _on_response_created(self, event: dict[str, Any]) -> None:
        response_id = event["response"]["id"]
        if self._responses.created(response_id):
            await self._send_cancel(response_id)
        await self._emit(RealtimeModelTurnStartedEvent(response_id=response_id))

    async def _on_response_done(self, event: dict[str, Any]) -> None:
        response = event["response"]
        response_id = response.get("id")
        self._audio.on_response_done(response_id)
        waiting = self._responses.done(response_id)
        self._responses.interrupted.discard(response_id)
        if waiting is not None:
            await self._send(waiting)
        usage = response.get("usage")
        if isinstance(usage, dict):
            await self._emit(usage_event(usage))
        if response.get("status") == "failed":
            await self._emit(RealtimeModelErrorEvent(error=_response_failure(response)))
        await self._emit(RealtimeModelTurnEndedEvent(response_id=response_id))

    async def _on_output_item(self, event: dict[str, Any]) -> None:
        item = event["item"]
        kind = item["type"]
        done = event["type"] == "response.output_item.done"
        if kind == "message":
            message = item_from_wire(item, done=done)
            if message is not None:
                await self._emit(RealtimeModelItemUpdatedEvent(item=message))
        elif kind == "function_call" and done:
            await self._on_function_call(item, event.get("response_id"))
        elif kind == "mcp_approval_request" and done:
            await self._emit(
                RealtimeModelMCPApprovalRequestEvent(
                    item_id=item["id"],
                    server_label=item["server_label"],
                    name=item["name"],
                    arguments=item["arguments"],
                    item=item,
                )
            )
        elif done:
            await self._emit(RealtimeModelOtherEvent(data=event))

    async def _on_function_call(self, item: dict[str, Any], response_id: str | None) -> None:
        call_id = str(item["call_id"])
        self._known_calls.add(call_id)
        call = item_from_wire({**item, "status": "in_progress"})
        if call is not None:
            await self._emit(RealtimeModelItemUpdatedEvent(item=call))
        await self._emit(
            RealtimeModelToolCallEvent(
                name=str(item["name"]),
                call_id=call_id,
                arguments=str(item.get("arguments") or ""),
                id=item.get("id"),
                response_id=response_id,
            )
        )

    async def _on_conversation_item(self, event: dict[str, Any]) -> None:
        item = event["item"]
        if item.get("type") == "function_call" and item.get("call_id"):
            self._known_calls.add(str(item["call_id"]))
        if item.get("type") != "message":
            return
        converted = item_from_wire(
            item, event.get("previous_item_id"), done=event["type"] == "conversation.item.done"
        )
        if converted is not None:
            await self._emit(RealtimeModelItemUpdatedEvent(item=converted))

    async def _on_item_deleted(self, event: dict[str, Any]) -> None:
        await self._emit(RealtimeModelItemDeletedEvent(item_id=event["item_id"]))

    async def _on_transcription(self, event: dict[str, Any]) -> None:
        await self._emit(
            RealtimeModelInputAudioTranscriptionCompletedEvent(
                item_id=event["item_id"], transcript=str(event["transcript"])
            )
        )

    async def _on_transcription_failed(self, event: dict[str, Any]) -> None:
        error = RealtimeAPIError.from_event(event.get("error"))
        await self._emit(RealtimeModelErrorEvent(error=error))

    async def _on_idle_timeout(self, event: dict[str, Any]) -> None:
        await self._emit(
            RealtimeModelInputAudioTimeoutTriggeredEvent(
                item_id=event["item_id"],
                audio_start_ms=event["audio_start_ms"],
                audio_end_ms=event["audio_end_ms"],
            )
        )

    async def _on_speech_started(self, event: dict[str, Any]) -> None:
        detection = turn_detection_of(self._settings)
        if detection is not None and detection.get("interrupt_response") is False:
            return  # the application asked for answers to go on while the user speaks
        # The server cancels its response itself; the application must stop playing it.
        await self._interrupt_playback(None)

    async def _on_session(self, event: dict[str, Any]) -> None:
        session = event["session"]
        if not isinstance(session, dict):
            return
        self.server_session = session
        # The server's word on the output format wins (an attached call may choose its own).
        output_format = ((session.get("audio") or {}).get("output") or {}).get("format")
        if output_format is not None:
            self._audio.set_format(output_format)
            if self._tracker is not None:
                self._tracker.set_audio_format(output_format)

    async def _on_error(self, event: dict[str, Any]) -> None:
        error = RealtimeAPIError.from_event(event["error"])
        if error.code == "conversation_already_has_active_response":
            self._responses.refused()
        elif error.code == "response_cancel_not_active" and self._cancel_sent:
            # The response ended while our cancel was on its way: nothing went wrong.
            logger().debug("realtime cancel arrived after the response ended")
            return
        await self._emit(RealtimeModelErrorEvent(error=error))

    # ------------------------------------------------------------------------ sending

    async def send_event(self, event: RealtimeModelSendEvent) -> None:
        """Send one event (audio, a message, a tool output, an interrupt, settings...)."""
        if isinstance(event, RealtimeModelSendAudio):
            await self._send_audio(event)
        elif isinstance(event, RealtimeModelSendUserInput):
            await self._send_item(user_message_item(event.user_input))
            await self._request_response({"type": "response.create"})
        elif isinstance(event, RealtimeModelSendToolOutput):
            await self._send_tool_output(event)
        elif isinstance(event, RealtimeModelSendInterrupt):
            await self._send_interrupt(event)
        elif isinstance(event, RealtimeModelSendSessionUpdate):
            await self._send_session_update(event.session_settings, include_tracing=False)
        elif isinstance(event, RealtimeModelSendRawMessage):
            await self._send_raw(event)
        else:
            raise UserError(f"Cannot send {type(event).__name__} to a realtime model.")

    async def send_event_if(
        self, event: RealtimeModelSendEvent, send_if: Callable[[], bool]
    ) -> bool:
        """Send ``event`` if ``send_if()`` holds when it goes out; True if it was sent."""
        if not send_if():
            return False
        await self.send_event(event)
        return True

    async def _send(self, frame: dict[str, Any]) -> None:
        connection = self._connection
        if connection is None:
            state = "is being re-established" if self._reconnecting else "is closed"
            raise RealtimeConnectionError(f"The realtime connection {state}.")
        frame.setdefault("event_id", new_id("evt"))
        await connection.send(json.dumps(frame))

    async def _send_audio(self, event: RealtimeModelSendAudio) -> None:
        connection = self._connection
        if connection is None:
            if self._reconnecting:
                return  # audio spoken while reconnecting cannot reach the model anyway
            raise RealtimeConnectionError("The realtime connection is closed.")
        await connection.send(
            '{"type":"input_audio_buffer.append","audio":"' + encode_audio(event.audio) + '"}'
        )
        if event.commit:
            self._responses.note_input()
            await self._send({"type": "input_audio_buffer.commit"})

    async def _send_item(self, item: dict[str, Any]) -> None:
        self._responses.note_input()
        await self._send({"type": "conversation.item.create", "item": item})

    async def _request_response(self, body: dict[str, Any]) -> None:
        if self._responses.request(body):
            await self._send(body)

    async def _send_tool_output(self, event: RealtimeModelSendToolOutput) -> None:
        call = event.tool_call
        if call.call_id not in self._known_calls:
            # The call came over a connection that has since been replaced.
            logger().warning("dropping a tool output for a call of a lost connection")
            return
        await self._send_item(
            {"type": "function_call_output", "call_id": call.call_id, "output": event.output}
        )
        item: RealtimeToolCallItem = item_from_wire(  # type: ignore[assignment]
            {
                "type": "function_call",
                "id": call.id or "",
                "call_id": call.call_id,
                "name": call.name,
                "arguments": call.arguments,
                "status": "completed",
            },
            call.previous_item_id,
        )
        await self._emit(
            RealtimeModelItemUpdatedEvent(item=item.model_copy(update={"output": event.output}))
        )
        if event.start_response:
            await self._request_response({"type": "response.create"})

    async def _send_raw(self, event: RealtimeModelSendRawMessage) -> None:
        frame: dict[str, Any] = {
            "type": event.message["type"],
            **event.message.get("other_data", {}),
        }
        if frame["type"] == "response.create":
            await self._request_response(frame)
        elif frame["type"] == "response.cancel":
            await self._cancel_live_response()
        else:
            if frame["type"] in ("conversation.item.create", "input_audio_buffer.commit"):
                self._responses.note_input()
            await self._send(frame)

    def _session_payload(
        self, settings: RealtimeSessionModelSettings, *, include_tracing: bool
    ) -> dict[str, Any]:
        """The ``session`` for ``settings`` (raises ``UserError`` for what cannot be sent)."""
        session = session_config(
            settings, model=self.model, attach=bool(self._call_id), include_tracing=include_tracing
        )
        self._settings = settings
        output_format = _output_format(settings)
        self._audio.set_format(output_format)
        if self._tracker is not None:
            self._tracker.set_audio_format(output_format)
        return session

    async def _send_session_update(
        self, settings: RealtimeSessionModelSettings, *, include_tracing: bool
    ) -> None:
        session = self._session_payload(settings, include_tracing=include_tracing)
        await self._send({"type": "session.update", "session": session})

    # ------------------------------------------------------------------------ interrupting

    async def _send_interrupt(self, event: RealtimeModelSendInterrupt) -> None:
        state = self._responses
        if event.cancel_response_only:
            if event.response_id in (None, state.response_id):
                await self._cancel_live_response()
            return
        await self._interrupt_playback(event.response_id)
        if event.playback_only or event.response_id not in (None, state.response_id):
            return
        state.pending = None  # the user wants the model silent, not another answer queued
        await self._cancel_live_response()

    async def _interrupt_playback(self, response_id: str | None) -> None:
        """Cut the latest audio where the user stopped hearing it, and drop the rest of it."""
        current = self._audio.current
        if current is None or response_id not in (None, current[2]):
            return
        item_id, content_index, audio_response = current
        point = self._audio.interruption_point(self._tracker)
        self._audio.clear()
        if point is None:
            return  # it had all been played
        self._responses.interrupted.add(audio_response)
        if self._tracker is not None:
            self._tracker.on_interrupted()
        await self._emit(RealtimeModelAudioInterruptedEvent(item_id, content_index))
        await self._send(
            {
                "type": "conversation.item.truncate",
                "item_id": point[0],
                "content_index": point[1],
                "audio_end_ms": point[2],
            }
        )

    async def _cancel_live_response(self) -> None:
        state = self._responses
        if state.status == "active" and state.response_id is not None:
            state.interrupted.add(state.response_id)
            await self._send_cancel(state.response_id)
        elif state.status == "requested":
            state.cancel_when_created = True

    async def _send_cancel(self, response_id: str) -> None:
        self._cancel_sent = True
        await self._send({"type": "response.cancel", "response_id": response_id})

    # ------------------------------------------------------------------------ faults

    async def _recover(self, error: RealtimeConnectionError) -> RealtimeTransportConnection | None:
        """Reconnect per the policy and restore the session; None when the stream is over."""
        policy = self._reconnect
        self._connection = None
        await self._drop_in_flight()
        if policy is None or not policy.should_reconnect(error):
            await self._fail(error)
            return None
        self._reconnecting = True
        await self._emit(RealtimeModelConnectionStatusEvent(status="connecting"))
        last = error
        try:
            for delay in policy.delays():
                await asyncio.sleep(delay)
                if self._closing:
                    return None
                try:
                    connection = await self._open()
                    self._connection = connection
                    await self._send_session_update(self._settings, include_tracing=True)
                except RealtimeConnectionError as exc:
                    self._connection = None
                    last = exc
                    if not policy.should_reconnect(exc):
                        break
                    continue
                await self._emit(RealtimeModelConnectionStatusEvent(status="connected"))
                return connection
        finally:
            self._reconnecting = False
        await self._fail(last)
        return None

    async def _drop_in_flight(self) -> None:
        """The connection is gone: stop the audio the application is playing, if any."""
        current = self._audio.current
        point = self._audio.interruption_point(self._tracker)
        self._audio.clear()
        self._responses.reset()
        if current is not None and point is not None:
            await self._emit(RealtimeModelAudioInterruptedEvent(current[0], current[1]))

    async def _fail(self, error: RealtimeConnectionError) -> None:
        self._connection = None
        await self._emit(RealtimeModelExceptionEvent(exception=error, context=error.message))
        await self._emit(RealtimeModelConnectionStatusEvent(status="disconnected"))
        await self._emit(RealtimeModelEndOfStreamEvent())


def _response_failure(response: dict[str, Any]) -> RealtimeAPIError:
    details = response.get("status_details") or {}
    error = details.get("error") or {}
    kind = str(error.get("type") or "response_failed")
    code = error.get("code")
    return RealtimeAPIError(
        f"The realtime response {response.get('id')} failed ({kind}"
        + (f", {code}" if code else "")
        + ").",
        type=kind,
        code=code,
    )


def _listener_failed(listener: RealtimeModelListener, exc: Exception) -> None:
    # A listener's failure must not stop the stream for the others.
    logger().error(
        "realtime listener failed", listener=type(listener).__name__, error=type(exc).__name__
    )


_Handler = Callable[[OpenAIRealtimeWebSocketModel, dict[str, Any]], Awaitable[None]]

_HANDLERS: dict[str, _Handler] = {
    "response.output_audio.delta": OpenAIRealtimeWebSocketModel._on_audio_delta,
    "response.output_audio.done": OpenAIRealtimeWebSocketModel._on_audio_done,
    "response.output_audio_transcript.delta": OpenAIRealtimeWebSocketModel._on_transcript_delta,
    "response.output_text.delta": OpenAIRealtimeWebSocketModel._on_text_delta,
    "response.created": OpenAIRealtimeWebSocketModel._on_response_created,
    "response.done": OpenAIRealtimeWebSocketModel._on_response_done,
    "response.output_item.added": OpenAIRealtimeWebSocketModel._on_output_item,
    "response.output_item.done": OpenAIRealtimeWebSocketModel._on_output_item,
    "conversation.item.added": OpenAIRealtimeWebSocketModel._on_conversation_item,
    "conversation.item.created": OpenAIRealtimeWebSocketModel._on_conversation_item,
    "conversation.item.done": OpenAIRealtimeWebSocketModel._on_conversation_item,
    "conversation.item.retrieved": OpenAIRealtimeWebSocketModel._on_conversation_item,
    "conversation.item.deleted": OpenAIRealtimeWebSocketModel._on_item_deleted,
    "conversation.item.input_audio_transcription.completed": (
        OpenAIRealtimeWebSocketModel._on_transcription
    ),
    "conversation.item.input_audio_transcription.failed": (
        OpenAIRealtimeWebSocketModel._on_transcription_failed
    ),
    "input_audio_buffer.timeout_triggered": OpenAIRealtimeWebSocketModel._on_idle_timeout,
    "input_audio_buffer.speech_started": OpenAIRealtimeWebSocketModel._on_speech_started,
    "session.created": OpenAIRealtimeWebSocketModel._on_session,
    "session.updated": OpenAIRealtimeWebSocketModel._on_session,
    "error": OpenAIRealtimeWebSocketModel._on_error,
}
