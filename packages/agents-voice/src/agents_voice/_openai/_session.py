"""``OpenAISTTTranscriptionSession``: streamed audio transcribed turn by turn over OpenAI's
realtime websocket (``/realtime?intent=transcription``).

The audio is sent as it arrives (``input_audio_buffer.append``); the service's voice activity
detection cuts it into turns and sends each turn's transcript. When the input ends, the rest is
committed and the session ends once every turn is transcribed. websockets' exceptions become
``STTWebsocketConnectionError`` in this module and nowhere else.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import uuid
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode, urlsplit

import websockets
from websockets.asyncio.client import ClientConnection
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus, InvalidURI

from agents_core.tracing import Span, TranscriptionSpanData

from .._base._errors import STTWebsocketConnectionError, TranscriptionFailedError
from .._base._input import StreamedAudioInput
from .._base._models import StreamedTranscriptionSession, STTModelSettings
from .._base._pcm import as_int16, pcm16_base64
from .._base._tracing import (
    audio_base64,
    is_recording,
    set_span_fields,
    span_error,
    transcription_span,
)

if TYPE_CHECKING:
    from agents_openai import OpenAIClient

__all__ = (
    "DEFAULT_TURN_DETECTION",
    "EVENT_INACTIVITY_TIMEOUT",
    "SESSION_CREATION_TIMEOUT",
    "SESSION_UPDATE_TIMEOUT",
    "OpenAISTTTranscriptionSession",
)

EVENT_INACTIVITY_TIMEOUT = 1000
"""Seconds without any event after which a session is taken to be over."""
SESSION_CREATION_TIMEOUT = 10
"""Seconds to wait for the websocket to open and the session to be created."""
SESSION_UPDATE_TIMEOUT = 10
"""Seconds to wait for the service to accept the session's configuration."""
DEFAULT_TURN_DETECTION: dict[str, Any] = {"type": "semantic_vad"}
"""Turn detection used when the settings choose none."""

_LANGUAGE_LIST_MODELS = frozenset({"gpt-transcribe", "gpt-live-transcribe"})
_COMPLETED = (
    "conversation.item.input_audio_transcription.completed",
    "input_audio_transcription_completed",  # older sessions
)


class _End:
    """The session is over."""


_END = _End()


class OpenAISTTTranscriptionSession(StreamedTranscriptionSession):
    """Transcribes a ``StreamedAudioInput`` turn by turn over a realtime websocket.

    It connects when ``transcribe_turns()`` is first read and sends the audio as it arrives.
    Failures end the turns with ``STTWebsocketConnectionError`` (naming the cause: refused,
    timed out, an error from the service, a connection lost); a turn the service could not
    transcribe is reported to ``on_turn_failed`` listeners, or ends the session without one.
    """

    def __init__(
        self,
        input: StreamedAudioInput,
        client: OpenAIClient,
        model: str,
        settings: STTModelSettings,
        trace_include_sensitive_data: bool,
        trace_include_sensitive_audio_data: bool,
        *,
        websocket_base_url: str | None = None,
    ) -> None:
        self.connected = False
        self._input = input
        self._client = client
        self._model = model
        self._settings = settings
        self._turn_detection = settings.turn_detection or DEFAULT_TURN_DETECTION
        self._include_data = trace_include_sensitive_data
        self._include_audio = trace_include_sensitive_audio_data
        self._websocket_base_url = websocket_base_url
        self._turns: asyncio.Queue[str | Exception | _End] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None
        self._closing = False
        self._final_commit_id: str | None = None
        self._turn_count = 0
        self._span: Span[TranscriptionSpanData] | None = None
        self._span_audio: list[bytes] = []

    def __repr__(self) -> str:
        return f"OpenAISTTTranscriptionSession(model={self._model!r})"

    # ----------------------------------------------------------------------------- public

    async def transcribe_turns(self) -> AsyncIterator[str]:
        """Each turn's transcript; raises the session's failure, if any, after the turns
        before it."""
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="voice-transcription-session")
        try:
            while True:
                item = await self._turns.get()
                if isinstance(item, str):
                    yield item
                elif isinstance(item, Exception):
                    raise item
                else:
                    return
        finally:
            await self.close()

    async def close(self) -> None:
        """Stop sending and receiving and close the websocket (safe to call again)."""
        self._closing = True
        task = self._task
        if task is not None and not task.done():
            task.cancel()
            await asyncio.wait([task])
        self._end_span("")

    def transcription_config(self) -> dict[str, Any]:
        """The ``transcription`` object of the session's configuration."""
        settings = self._settings
        config: dict[str, Any] = {"model": self._model}
        if settings.languages is not None:
            config["languages"] = list(settings.languages)
        elif settings.language is not None:
            if self._model in _LANGUAGE_LIST_MODELS:
                config["languages"] = [settings.language]
            else:
                config["language"] = settings.language
        if settings.prompt is not None:
            config["prompt"] = settings.prompt
        if settings.keywords is not None:
            config["keywords"] = list(settings.keywords)
        return config

    def websocket_url(self) -> str:
        """Where the session connects: ``.../realtime?intent=transcription``."""
        base = self._websocket_base_url
        if base is None:
            http = self._client.base_url
            base = "wss" + http[5:] if http.startswith("https") else "ws" + http[4:]
        query = {**self._client.default_query, "intent": "transcription"}
        return f"{base.rstrip('/')}/realtime?{urlencode(query)}"

    # ---------------------------------------------------------------------------- running

    async def _run(self) -> None:
        outcome: Exception | _End = _END
        try:
            websocket = await self._open()
            try:
                await self._configure(websocket)
                self.connected = True
                self._start_span()
                sender = asyncio.create_task(self._send_audio(websocket))
                try:
                    await self._receive(websocket)
                finally:
                    sender.cancel()
                    await asyncio.wait([sender])
            finally:
                with contextlib.suppress(Exception):
                    await websocket.close()
        except Exception as exc:
            self._end_span("", exc)
            outcome = exc
        finally:
            # Also when cancelled by close(): the reader of the turns must not wait forever.
            self._turns.put_nowait(outcome)

    def _safe_url(self) -> str:
        parts = urlsplit(self.websocket_url())
        return f"{parts.scheme}://{parts.netloc}{parts.path}"

    async def _open(self) -> ClientConnection:
        url = self.websocket_url()
        try:
            return await websockets.connect(
                url,
                additional_headers=self._client.connection_headers(),
                open_timeout=SESSION_CREATION_TIMEOUT,
                max_size=None,
            )
        except InvalidStatus as exc:
            status = exc.response.status_code
            detail = _server_message(exc.response.body)
            raise STTWebsocketConnectionError(
                f"The transcription websocket at {self._safe_url()} was refused with status "
                f"{status}{': ' + detail if detail else '.'}"
            ) from exc
        except (OSError, TimeoutError, InvalidHandshake, InvalidURI) as exc:
            raise STTWebsocketConnectionError(
                f"Could not open the transcription websocket at {self._safe_url()}: "
                f"{type(exc).__name__}: {exc}"
            ) from exc

    async def _next_event(self, websocket: ClientConnection, seconds: float) -> dict[str, Any]:
        try:
            async with asyncio.timeout(seconds):
                message = await websocket.recv()
        except ConnectionClosed as exc:
            raise self._closed_error(exc) from exc
        try:
            event = json.loads(message)
        except ValueError as exc:
            raise STTWebsocketConnectionError(
                f"The transcription service sent a frame that is not JSON: {message[:200]!r}"
            ) from exc
        if not isinstance(event, dict):
            raise STTWebsocketConnectionError(f"Unexpected frame from the service: {event!r}")
        return event

    async def _await_event(self, websocket: ClientConnection, kinds: tuple[str, ...]) -> None:
        timeout = SESSION_CREATION_TIMEOUT if "session.created" in kinds else SESSION_UPDATE_TIMEOUT
        try:
            async with asyncio.timeout(timeout):
                while True:
                    event = await self._next_event(websocket, timeout)
                    if event.get("type") in kinds:
                        return
                    if event.get("type") == "error":
                        raise self._service_error(event)
        except TimeoutError as exc:
            raise STTWebsocketConnectionError(
                f"The transcription service sent no {kinds[0]} within {timeout} seconds."
            ) from exc

    async def _configure(self, websocket: ClientConnection) -> None:
        await self._await_event(websocket, ("session.created", "transcription_session.created"))
        update = {
            "type": "session.update",
            "session": {
                "type": "transcription",
                "audio": {
                    "input": {
                        "format": {"type": "audio/pcm", "rate": 24_000},
                        "transcription": self.transcription_config(),
                        "turn_detection": self._turn_detection,
                    }
                },
            },
        }
        await self._send(websocket, update)
        await self._await_event(websocket, ("session.updated", "transcription_session.updated"))

    async def _send(self, websocket: ClientConnection, event: dict[str, Any]) -> None:
        try:
            await websocket.send(json.dumps(event))
        except ConnectionClosed as exc:
            raise self._closed_error(exc) from exc

    async def _send_audio(self, websocket: ClientConnection) -> None:
        queue = self._input.queue
        with contextlib.suppress(STTWebsocketConnectionError):  # the receiver reports it
            while True:
                chunk = await queue.get()
                if chunk is None:
                    self._final_commit_id = f"event_{uuid.uuid4().hex}"
                    commit = {
                        "type": "input_audio_buffer.commit",
                        "event_id": self._final_commit_id,
                    }
                    await self._send(websocket, commit)
                    # Acknowledged after the commit (or its empty-buffer error): the last event.
                    await self._send(websocket, {"type": "input_audio_buffer.clear"})
                    return
                if self._include_audio and self._span_is_live():
                    self._span_audio.append(as_int16(chunk).astype("<i2").tobytes())
                await self._send(
                    websocket, {"type": "input_audio_buffer.append", "audio": pcm16_base64(chunk)}
                )

    async def _receive(self, websocket: ClientConnection) -> None:
        pending: set[str] = set()
        cleared = False
        while self._final_commit_id is None or not cleared or pending:
            try:
                event = await self._next_event(websocket, EVENT_INACTIVITY_TIMEOUT)
            except TimeoutError as exc:
                if self._final_commit_id is None:
                    return  # nothing happened for a long time: take the session to be over
                raise STTWebsocketConnectionError(
                    "The transcription service sent nothing for "
                    f"{EVENT_INACTIVITY_TIMEOUT} seconds after the input ended."
                ) from exc
            except STTWebsocketConnectionError:
                if self._closing:
                    return
                raise
            kind = event.get("type")
            if kind == "error":
                if not self._is_final_commit_echo(event):
                    raise self._service_error(event)
            elif kind == "input_audio_buffer.speech_started":
                self.emit_speech_started()
            elif kind == "input_audio_buffer.committed":
                pending.add(str(event.get("item_id", "")))
            elif kind == "input_audio_buffer.cleared":
                cleared = True
            elif kind in _COMPLETED:
                self._settle(pending, event)
                self._transcribed(str(event.get("transcript") or ""))
            elif kind == "conversation.item.input_audio_transcription.failed":
                pending.discard(str(event.get("item_id", "")))
                self._turn_failed(event)

    # ---------------------------------------------------------------------------- events

    def _is_final_commit_echo(self, event: dict[str, Any]) -> bool:
        # The voice activity detection may have committed the last audio already: the commit
        # sent at the end of the input then finds an empty buffer, which is expected.
        error = event.get("error") or {}
        return (
            self._final_commit_id is not None
            and error.get("event_id") == self._final_commit_id
            and error.get("code") == "input_audio_buffer_commit_empty"
        )

    @staticmethod
    def _settle(pending: set[str], event: dict[str, Any]) -> None:
        if "item_id" in event:
            pending.discard(str(event["item_id"]))
        elif pending:  # older sessions do not say which item was transcribed
            pending.pop()

    def _transcribed(self, transcript: str) -> None:
        if not transcript:
            return
        self._turn_count += 1
        self._end_span(transcript)
        self._start_span()
        self._turns.put_nowait(transcript)

    def _turn_failed(self, event: dict[str, Any]) -> None:
        error = event.get("error") or {}
        detail = error.get("message") or "no reason given"
        failure = TranscriptionFailedError(
            f"The service could not transcribe a turn (item {event.get('item_id')}): {detail}"
            + (f" ({error['code']})" if error.get("code") else ""),
            item_id=event.get("item_id"),
            server_error=error,
        )
        self._end_span("", failure)
        self._start_span()
        if not self.emit_turn_failed(failure):
            raise failure

    def _service_error(self, event: dict[str, Any]) -> STTWebsocketConnectionError:
        error = event.get("error") or {}
        code = f" ({error['code']})" if error.get("code") else ""
        return STTWebsocketConnectionError(
            f"The transcription service reported an error: "
            f"{error.get('message') or 'no message'}{code}",
            server_error=error,
        )

    def _closed_error(self, exc: ConnectionClosed) -> STTWebsocketConnectionError:
        close = exc.rcvd
        code = close.code if close is not None else 1006
        reason = f", reason {close.reason!r}" if close is not None and close.reason else ""
        return STTWebsocketConnectionError(
            f"The transcription websocket at {self._safe_url()} closed before the session "
            f"ended (code {code}{reason}), after {self._turn_count} transcribed turns.",
            close_code=code,
        )

    # ---------------------------------------------------------------------------- tracing

    def _span_is_live(self) -> bool:
        return self._span is not None and is_recording(self._span)

    def _start_span(self) -> None:
        config = self.transcription_config()
        self._span = transcription_span(
            model=self._model,
            model_config={
                "temperature": self._settings.temperature,
                "language": config.get("language"),
                "languages": config.get("languages"),
                "keywords": config.get("keywords") if self._include_data else None,
                "prompt": config.get("prompt") if self._include_data else None,
                "turn_detection": self._turn_detection,
            },
        )
        self._span.start()
        self._span_audio = []

    def _end_span(self, transcript: str, error: Exception | None = None) -> None:
        span, self._span = self._span, None
        if span is None:
            return
        if self._include_audio and self._span_audio:
            audio = audio_base64(b"".join(self._span_audio))
            set_span_fields(span, input={"data": audio, "format": "pcm"})
        if self._include_data and transcript:
            set_span_fields(span, output=transcript)
        if error is not None:
            span.set_error(span_error(error, self._include_data))
        self._span_audio = []
        span.finish()


def _server_message(body: bytes | bytearray | None) -> str:
    if not body:
        return ""
    try:
        parsed = json.loads(body)
    except ValueError:
        return body[:300].decode("utf-8", "replace").strip()
    if isinstance(parsed, dict) and isinstance(parsed.get("error"), dict):
        return str(parsed["error"].get("message") or "")
    return ""
