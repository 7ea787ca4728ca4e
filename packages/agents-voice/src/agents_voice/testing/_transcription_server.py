"""``FakeTranscriptionServer``: OpenAI's realtime transcription websocket on 127.0.0.1.

It speaks the realtime protocol of a transcription session (``/v1/realtime?intent=
transcription``): ``session.created``, ``session.update`` / ``session.updated``, audio appended,
committed and cleared, and for each turn ``input_audio_buffer.speech_started`` /
``speech_stopped`` / ``committed`` followed by transcription deltas and
``conversation.item.input_audio_transcription.completed``. Turns are found in the audio itself
by voice activity detection; their transcripts come from a script. Every frame received and sent
can be checked against OpenAI's spec (``RealtimeClientEvent`` / ``RealtimeServerEvent``).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import itertools
import json
import re
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs, urlsplit

import numpy as np
import numpy.typing as npt
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.datastructures import Headers
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

from ._vad import SAMPLE_RATE, VoiceActivityDetector, contains_speech

__all__ = (
    "DropConnection",
    "FakeTranscriptionServer",
    "HeardTurn",
    "ServerError",
    "Transcript",
    "TranscriptionFailure",
    "TranscriptionScript",
)

Validator = Callable[[str, Any], list[str]]
_WORDS = re.compile(r"\S+\s*")


@dataclass
class Transcript:
    """A turn's transcript, sent ``delay`` seconds after the turn is committed."""

    text: str
    delay: float = 0.0


@dataclass
class TranscriptionFailure:
    """The turn cannot be transcribed (``conversation.item.input_audio_transcription.failed``)."""

    message: str = "The audio could not be transcribed."
    code: str = "audio_unintelligible"


@dataclass
class ServerError:
    """The service sends an ``error`` event instead of a transcript."""

    message: str = "The fake transcription service was told to fail."
    code: str = "server_error"
    type: str = "server_error"


@dataclass
class DropConnection:
    """The connection drops (no close frame) when the turn is committed, after the
    transcripts of the turns before it."""


TranscriptionScript = str | Transcript | TranscriptionFailure | ServerError | DropConnection
"""What a committed turn is answered with (a string is its transcript)."""


@dataclass
class HeardTurn:
    """A turn the fake committed: its item id, the audio (24 kHz int16), and where in the
    session's audio it began and ended (ms); ``by_vad`` is False for a client's commit."""

    item_id: str
    audio: npt.NDArray[np.int16] = field(repr=False)
    start_ms: int
    end_ms: int
    by_vad: bool

    @property
    def duration(self) -> float:
        """Seconds of audio in the turn."""
        return self.audio.size / SAMPLE_RATE


class _Session:
    """The state of one websocket connection."""

    def __init__(self, server: FakeTranscriptionServer, connection: ServerConnection) -> None:
        self.server = server
        self.connection = connection
        self.config: dict[str, Any] = server.default_session()
        self.buffer: list[npt.NDArray[np.int16]] = []
        self.buffered_from_ms = 0
        self.samples_heard = 0
        self.vad = server.new_vad(self.config)
        self.item_id: str | None = None
        self.previous_item: str | None = None
        self.transcribing: asyncio.Task[None] | None = None
        self.dropped = False


class FakeTranscriptionServer:
    """A scripted stand-in for OpenAI's realtime transcription websocket, on 127.0.0.1.

    Script transcripts with ``add(...)``, one per committed turn in order (or a
    ``transcriber`` function of the ``HeardTurn``); a turn with nothing scripted fails with code
    ``fake_server_script``. Point an ``OpenAIVoiceModelProvider`` at it with
    ``websocket_base_url=server.base_url``. ``received`` and ``sent`` hold every frame;
    ``turns`` every committed turn; with a ``validator``, frames that break OpenAI's spec land in
    ``conformance_errors`` (and a client frame that does is answered with an ``error`` event).

    Voice activity detection follows the session's ``turn_detection`` (``server_vad`` timing;
    ``semantic_vad`` is treated as ``server_vad`` with its defaults; ``null`` turns it off, so
    only the client's commits make turns). ``vad_threshold`` is the loudness (RMS of full
    scale) that counts as speech.
    """

    def __init__(
        self,
        *,
        api_key: str = "sk-fake-openai-key",
        require_api_key: bool = True,
        validator: Validator | None = None,
        vad_threshold: float = 0.02,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.api_key = api_key
        self.require_api_key = require_api_key
        self.validator = validator
        self.vad_threshold = vad_threshold
        self.transcriber: Callable[[HeardTurn], TranscriptionScript | None] | None = None
        self.received: list[dict[str, Any]] = []
        self.sent: list[dict[str, Any]] = []
        self.turns: list[HeardTurn] = []
        self.conformance_errors: list[str] = []
        self.connections = 0
        self._script: deque[TranscriptionScript] = deque()
        self._ids = itertools.count(1)
        self._host, self._port = host, port
        self._server: Server | None = None
        self._sessions: set[_Session] = set()

    # --------------------------------------------------------------------------- scripting

    def add(self, *replies: TranscriptionScript) -> None:
        """Queue the answers to the next committed turns, in order."""
        self._script.extend(replies)

    @property
    def pending(self) -> int:
        """How many scripted answers are still unused."""
        return len(self._script)

    def assert_complete(self) -> None:
        """Raise ``AssertionError`` if scripted answers were left unused."""
        if self._script:
            raise AssertionError(f"{len(self._script)} scripted transcripts were never used.")

    def received_of(self, kind: str) -> list[dict[str, Any]]:
        """The frames received of one type, in order."""
        return [frame for frame in self.received if frame.get("type") == kind]

    def sent_of(self, kind: str) -> list[dict[str, Any]]:
        """The frames sent of one type, in order."""
        return [frame for frame in self.sent if frame.get("type") == kind]

    # --------------------------------------------------------------------------- lifecycle

    @property
    def port(self) -> int:
        """The port the server listens on."""
        if self._server is None:
            raise RuntimeError("The fake transcription server is not running.")
        port: int = next(iter(self._server.sockets)).getsockname()[1]
        return port

    @property
    def base_url(self) -> str:
        """``ws://127.0.0.1:PORT/v1``: the ``websocket_base_url`` to give a provider."""
        return f"ws://{self._host}:{self.port}/v1"

    async def start(self) -> FakeTranscriptionServer:
        """Start listening on the running event loop."""
        self._server = await serve(
            self._serve,
            self._host,
            self._port,
            process_request=self._check_request,
            max_size=None,
        )
        return self

    async def aclose(self) -> None:
        """Stop listening and drop every connection."""
        if self._server is not None:
            for session in list(self._sessions):
                session.connection.transport.abort()
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    async def __aenter__(self) -> FakeTranscriptionServer:
        return await self.start()

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    # ---------------------------------------------------------------------------- protocol

    def _check_request(self, connection: ServerConnection, request: Request) -> Response | None:
        parts = urlsplit(request.path)
        if parts.path.rstrip("/") not in ("/v1/realtime", "/realtime"):
            return _refusal(HTTPStatus.NOT_FOUND, f"Unknown endpoint {parts.path}.")
        if parse_qs(parts.query).get("intent") != ["transcription"]:
            return _refusal(HTTPStatus.BAD_REQUEST, "This fake serves intent=transcription only.")
        if self.require_api_key and request.headers.get("Authorization") != (
            f"Bearer {self.api_key}"
        ):
            return _refusal(HTTPStatus.UNAUTHORIZED, "Incorrect API key provided.")
        return None

    async def _serve(self, connection: ServerConnection) -> None:
        session = _Session(self, connection)
        self._sessions.add(session)
        self.connections += 1
        try:
            await self._send(session, "session.created", session=self._session_view(session))
            async for message in connection:
                if session.dropped:
                    break
                await self._on_frame(session, message)
        except ConnectionClosed:
            pass
        finally:
            if session.transcribing is not None:
                session.transcribing.cancel()
            self._sessions.discard(session)

    async def _on_frame(self, session: _Session, message: str | bytes) -> None:
        try:
            event = json.loads(message)
        except ValueError:
            await self._error(session, "The frame is not valid JSON.", "invalid_json")
            return
        self.received.append(event)
        errors = self._validate("RealtimeClientEvent", event, "client frame")
        if errors:
            await self._error(session, "; ".join(errors)[:1000], "invalid_value", event)
            return
        kind = event.get("type")
        if kind == "session.update":
            await self._update(session, event)
        elif kind == "input_audio_buffer.append":
            await self._append(session, event)
        elif kind == "input_audio_buffer.commit":
            await self._commit(session, event)
        elif kind == "input_audio_buffer.clear":
            session.buffer = []
            session.buffered_from_ms = session.samples_heard * 1000 // SAMPLE_RATE
            await self._send(session, "input_audio_buffer.cleared")
        else:
            message = f"A transcription session does not accept {kind!r} events."
            await self._error(session, message, "invalid_event", event)

    async def _update(self, session: _Session, event: dict[str, Any]) -> None:
        requested = event.get("session") or {}
        if requested.get("type") != "transcription":
            message = "A transcription session can only be updated with type 'transcription'."
            await self._error(session, message, "invalid_value", event)
            return
        audio_input = (requested.get("audio") or {}).get("input") or {}
        current = session.config["audio"]["input"]
        for key in ("format", "transcription", "noise_reduction", "turn_detection"):
            if key in audio_input:
                current[key] = audio_input[key]
        session.vad = self.new_vad(session.config)
        await self._send(session, "session.updated", session=self._session_view(session))

    async def _append(self, session: _Session, event: dict[str, Any]) -> None:
        try:
            raw = base64.b64decode(str(event["audio"]), validate=True)
        except (binascii.Error, ValueError, KeyError):
            await self._error(session, "The audio is not valid base64.", "invalid_value", event)
            return
        samples = np.frombuffer(raw[: len(raw) - len(raw) % 2], dtype="<i2").astype(np.int16)
        vad = session.vad
        boundaries = vad.feed(samples) if vad is not None else []
        session.buffer.append(samples)
        session.samples_heard += samples.size
        for boundary in boundaries:
            if boundary.started:
                session.item_id = self._new_id("item")
                await self._send(
                    session,
                    "input_audio_buffer.speech_started",
                    audio_start_ms=boundary.at_ms,
                    item_id=session.item_id,
                )
            elif session.item_id is not None:
                await self._send(
                    session,
                    "input_audio_buffer.speech_stopped",
                    audio_end_ms=boundary.at_ms,
                    item_id=session.item_id,
                )
                await self._commit_turn(session, by_vad=True)

    async def _commit(self, session: _Session, event: dict[str, Any]) -> None:
        if not any(chunk.size for chunk in session.buffer):
            error = {"event_id": event.get("event_id")}
            message = "Error committing input audio buffer: the buffer is empty."
            await self._error(session, message, "input_audio_buffer_commit_empty", error)
            return
        await self._commit_turn(session, by_vad=False)

    async def _commit_turn(self, session: _Session, *, by_vad: bool) -> None:
        item_id = session.item_id or self._new_id("item")
        session.item_id = None
        audio = np.concatenate(session.buffer) if session.buffer else np.zeros(0, np.int16)
        start_ms = session.buffered_from_ms
        end_ms = start_ms + audio.size * 1000 // SAMPLE_RATE
        session.buffer, session.buffered_from_ms = [], end_ms
        turn = HeardTurn(item_id, audio, start_ms, end_ms, by_vad)
        self.turns.append(turn)
        await self._send(
            session,
            "input_audio_buffer.committed",
            previous_item_id=session.previous_item,
            item_id=item_id,
        )
        session.previous_item = item_id
        # Silence transcribes to nothing, without using the script.
        speech = by_vad or contains_speech(audio, self.vad_threshold)
        reply = self._reply_for(turn) if speech else Transcript("")
        # Transcripts (and a scripted drop) come in commit order, each after its own delay.
        previous = session.transcribing
        session.transcribing = asyncio.create_task(self._answer(session, turn, reply, previous))

    def _reply_for(self, turn: HeardTurn) -> TranscriptionScript:
        if self.transcriber is not None:
            reply = self.transcriber(turn)
            if reply is not None:
                return reply
        if self._script:
            return self._script.popleft()
        return TranscriptionFailure(
            "The fake transcription server has no scripted transcript left.", "fake_server_script"
        )

    async def _answer(
        self,
        session: _Session,
        turn: HeardTurn,
        reply: TranscriptionScript,
        previous: asyncio.Task[None] | None,
    ) -> None:
        if previous is not None:
            await asyncio.wait([previous])
        with contextlib.suppress(ConnectionClosed):
            await self._transcribe(session, turn, reply)

    async def _transcribe(
        self, session: _Session, turn: HeardTurn, reply: TranscriptionScript
    ) -> None:
        item = {"item_id": turn.item_id, "content_index": 0}
        if isinstance(reply, DropConnection):
            session.dropped = True
            session.connection.transport.abort()
            return
        if isinstance(reply, TranscriptionFailure):
            error = {"type": "transcription_error", "code": reply.code, "message": reply.message}
            await self._send(
                session, "conversation.item.input_audio_transcription.failed", **item, error=error
            )
            return
        if isinstance(reply, ServerError):
            await self._error(session, reply.message, reply.code, kind=reply.type)
            return
        transcript = reply if isinstance(reply, Transcript) else Transcript(str(reply))
        if transcript.delay:
            await asyncio.sleep(transcript.delay)
        for delta in _WORDS.findall(transcript.text):
            await self._send(
                session, "conversation.item.input_audio_transcription.delta", **item, delta=delta
            )
        await self._send(
            session,
            "conversation.item.input_audio_transcription.completed",
            **item,
            transcript=transcript.text,
            usage={"type": "duration", "seconds": round(turn.duration, 3)},
        )

    # ----------------------------------------------------------------------------- helpers

    def default_session(self) -> dict[str, Any]:
        """The configuration a new session starts with."""
        return {
            "audio": {
                "input": {
                    "format": {"type": "audio/pcm", "rate": SAMPLE_RATE},
                    "transcription": {"model": "whisper-1"},
                    "noise_reduction": None,
                    "turn_detection": {
                        "type": "server_vad",
                        "threshold": 0.5,
                        "prefix_padding_ms": 300,
                        "silence_duration_ms": 500,
                    },
                }
            }
        }

    def new_vad(self, config: dict[str, Any]) -> VoiceActivityDetector | None:
        """The detector for a session's ``turn_detection`` (``None`` when it is off)."""
        detection = config["audio"]["input"].get("turn_detection")
        if not detection:
            return None
        return VoiceActivityDetector(
            threshold=self.vad_threshold,
            prefix_padding_ms=int(detection.get("prefix_padding_ms", 300)),
            silence_duration_ms=int(detection.get("silence_duration_ms", 500)),
        )

    def _session_view(self, session: _Session) -> dict[str, Any]:
        audio_input = dict(session.config["audio"]["input"])
        if audio_input.get("noise_reduction") is None:
            audio_input.pop("noise_reduction", None)
        detection = audio_input.get("turn_detection")
        if isinstance(detection, dict) and detection.get("type") == "semantic_vad":
            audio_input["turn_detection"] = {"type": "semantic_vad"}
        return {
            "type": "transcription",
            "id": f"sess_fake_{id(session):x}",
            "object": "realtime.transcription_session",
            "expires_at": int(time.time()) + 3600,
            "audio": {"input": audio_input},
        }

    def _new_id(self, prefix: str) -> str:
        return f"{prefix}_fake_{next(self._ids)}"

    async def _send(self, session: _Session, kind: str, /, **fields: Any) -> None:
        event = {"type": kind, "event_id": self._new_id("event"), **fields}
        self._validate("RealtimeServerEvent", event, f"server event {kind}")
        self.sent.append(event)
        await session.connection.send(json.dumps(event))

    async def _error(
        self,
        session: _Session,
        message: str,
        code: str,
        about: dict[str, Any] | None = None,
        *,
        kind: str = "invalid_request_error",
    ) -> None:
        error: dict[str, Any] = {"type": kind, "code": code, "message": message, "param": None}
        error["event_id"] = (about or {}).get("event_id")
        await self._send(session, "error", error=error)

    def _validate(self, schema: str, body: Any, where: str) -> list[str]:
        if self.validator is None:
            return []
        errors = self.validator(schema, body)
        self.conformance_errors.extend(f"{where}: {error}" for error in errors)
        return errors


def _refusal(status: HTTPStatus, message: str) -> Response:
    body = json.dumps({"error": {"message": message, "type": "invalid_request_error"}}).encode()
    headers = Headers([("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return Response(status.value, status.phrase, headers, body)
