"""Phone calls through Twilio Media Streams: the caller's audio in, the agent's audio out.

Twilio streams the call as G.711 µ-law at 8 kHz, which the Realtime API speaks natively
(``audio/pcmu``), so no audio is converted. Marks sent after each chunk of the agent's audio
come back when Twilio has played it: they feed the playback tracker, so an interruption cuts
the answer where the caller stopped hearing it, and a ``clear`` empties Twilio's buffer.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import inspect
import json
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Protocol, cast

from .._base._audio import audio_duration_ms
from .._base._log import logger
from .._model.interface import RealtimePlaybackTracker

if TYPE_CHECKING:
    from .._data.config import RealtimeSessionModelSettings
    from .._model.interface import RealtimeModelConfig
    from .._session.runner import RealtimeRunner
    from .._session.session import RealtimeSession

__all__ = ("TwilioMediaStreamsTransport", "TwilioWebSocket")

_PCMU: dict[str, Any] = {"type": "audio/pcmu"}
_EARLY_CHUNKS = 500
"""Caller audio kept while the session connects: 10 s of Twilio's 20 ms chunks."""


class TwilioWebSocket(Protocol):
    """The websocket Twilio connected to (a ``websockets`` server connection fits as it is)."""

    async def send(self, message: str) -> None:
        """Send one text message to Twilio."""
        ...

    async def recv(self) -> str | bytes:
        """The next message from Twilio; raises when the connection is closed."""
        ...


class TwilioMediaStreamsTransport:
    """Connects a Twilio Media Streams websocket to a realtime session, both ways.

    ::

        async def handle_call(websocket):  # your websocket endpoint for <Connect><Stream>
            await TwilioMediaStreamsTransport(websocket).run(RealtimeRunner(agent))

    ``run`` waits for the stream to start, opens a session whose audio is µ-law both ways,
    and bridges until the call ends. To open the session yourself, give it
    ``model_config(...)`` and call ``serve(session)``. ``on_dtmf`` receives keys the caller
    presses.
    """

    def __init__(
        self,
        websocket: TwilioWebSocket,
        *,
        on_dtmf: Callable[[str], Awaitable[None] | None] | None = None,
    ) -> None:
        self.websocket = websocket
        self.on_dtmf = on_dtmf
        self.playback_tracker = RealtimePlaybackTracker()
        """What the caller has heard, from the marks Twilio sends back."""
        self.stream_sid: str | None = None
        self.call_sid: str | None = None
        self._marks: dict[str, tuple[str, int, int]] = {}
        self._mark_count = 0
        self._session: RealtimeSession | None = None
        self._early: list[bytes] = []
        self._started = asyncio.Event()
        self._ended = asyncio.Event()

    @property
    def model_settings(self) -> RealtimeSessionModelSettings:
        """The audio settings a call needs: µ-law in and out."""
        return {"audio": {"input": {"format": dict(_PCMU)}, "output": {"format": dict(_PCMU)}}}

    def model_config(self, config: RealtimeModelConfig | None = None) -> RealtimeModelConfig:
        """``config`` with this call's playback tracker and µ-law audio formats."""
        merged = cast(dict[str, Any], dict(config or {}))
        settings = cast(dict[str, Any], dict(merged.get("initial_model_settings") or {}))
        audio = dict(settings.get("audio") or {})
        for direction in ("input", "output"):
            section = dict(audio.get(direction) or {})
            section["format"] = dict(_PCMU)
            audio[direction] = section
        settings["audio"] = audio
        merged["initial_model_settings"] = settings
        merged["playback_tracker"] = self.playback_tracker
        return cast("RealtimeModelConfig", merged)

    async def run(
        self,
        runner: RealtimeRunner,
        *,
        context: Any | None = None,
        model_config: RealtimeModelConfig | None = None,
    ) -> None:
        """Serve one call: wait for Twilio's ``start``, run a session, end with the call."""
        reader = asyncio.ensure_future(self._read_twilio(None))
        try:
            if not await self._wait_for_start(reader):
                return  # the caller hung up before the stream started
            session = await runner.run(
                context=context, model_config=self.model_config(model_config)
            )
            async with session:
                await self._bridge(session, reader)
        finally:
            reader.cancel()
            await asyncio.gather(reader, return_exceptions=True)

    async def serve(self, session: RealtimeSession) -> None:
        """Bridge an open session (started with ``model_config()``) until the call ends."""
        reader = asyncio.ensure_future(self._read_twilio(session))
        try:
            if await self._wait_for_start(reader):
                await self._bridge(session, reader)
        finally:
            reader.cancel()
            await asyncio.gather(reader, return_exceptions=True)

    async def _wait_for_start(self, reader: asyncio.Future[None]) -> bool:
        """Whether the stream started (False: it ended first)."""
        started = asyncio.ensure_future(self._started.wait())
        waiting: set[asyncio.Future[Any]] = {started, reader}
        await asyncio.wait(waiting, return_when=asyncio.FIRST_COMPLETED)
        if not self._started.is_set():
            started.cancel()
            await asyncio.gather(started, return_exceptions=True)
            return False
        return True

    async def _bridge(self, session: RealtimeSession, reader: asyncio.Future[None]) -> None:
        self._session = session
        early, self._early = self._early, []
        for chunk in early:  # what the caller said while the session was connecting
            await session.send_audio(chunk)
        speaker = asyncio.ensure_future(self._speak(session))
        ended = asyncio.ensure_future(self._ended.wait())
        waiting: set[asyncio.Future[Any]] = {speaker, ended, reader}
        try:
            await asyncio.wait(waiting, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (speaker, ended):
                task.cancel()
            await asyncio.gather(speaker, ended, return_exceptions=True)
        if speaker.done() and not speaker.cancelled() and speaker.exception() is not None:
            raise cast(BaseException, speaker.exception())

    # ------------------------------------------------------------------------ from Twilio

    async def _read_twilio(self, session: RealtimeSession | None) -> None:
        self._session = session
        try:
            while True:
                message = json.loads(await self.websocket.recv())
                if not await self._on_twilio(message):
                    return
        except (asyncio.CancelledError, GeneratorExit):
            raise
        except Exception as exc:  # the call's websocket closed or sent garbage: the call is over
            logger().info("twilio stream ended", reason=type(exc).__name__)
        finally:
            self._ended.set()

    async def _on_twilio(self, message: dict[str, Any]) -> bool:
        event = message.get("event")
        if event == "media":
            audio = base64.b64decode(message["media"]["payload"])
            session = self._session
            if session is not None:
                await session.send_audio(audio)
            elif len(self._early) < _EARLY_CHUNKS:
                self._early.append(audio)
        elif event == "mark":
            played = self._marks.pop(str(message.get("mark", {}).get("name")), None)
            if played is not None:
                played_ms = audio_duration_ms("g711_ulaw", played[2])
                self.playback_tracker.on_play_ms(played[0], played[1], played_ms)
        elif event == "start":
            start = message.get("start") or {}
            self.stream_sid = message.get("streamSid") or start.get("streamSid")
            self.call_sid = start.get("callSid")
            self._started.set()
        elif event == "dtmf" and self.on_dtmf is not None:
            result = self.on_dtmf(str(message.get("dtmf", {}).get("digit", "")))
            if inspect.isawaitable(result):
                await result
        elif event == "stop":
            return False
        return True

    # ------------------------------------------------------------------------ to Twilio

    async def _speak(self, session: RealtimeSession) -> None:
        async for event in session:
            if event.type == "audio":
                await self._send_audio(event.item_id, event.content_index, event.audio.data)
            elif event.type == "audio_interrupted":
                self._marks.clear()  # marks Twilio returns for cleared audio were never heard
                await self._send({"event": "clear", "streamSid": self.stream_sid})

    async def _send_audio(self, item_id: str, content_index: int, data: bytes) -> None:
        payload = base64.b64encode(data).decode("ascii")
        await self._send(
            {"event": "media", "streamSid": self.stream_sid, "media": {"payload": payload}}
        )
        self._mark_count += 1
        name = str(self._mark_count)
        self._marks[name] = (item_id, content_index, len(data))
        await self._send({"event": "mark", "streamSid": self.stream_sid, "mark": {"name": name}})

    async def _send(self, message: dict[str, Any]) -> None:
        with contextlib.suppress(Exception):  # a hung-up call: the reader ends the bridge
            await self.websocket.send(json.dumps(message))
