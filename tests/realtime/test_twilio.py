"""A phone call through Twilio Media Streams, with the test playing Twilio over a real websocket."""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

import pytest
from websockets.asyncio.client import ClientConnection, connect
from websockets.asyncio.server import ServerConnection, serve

from agents_core import function_tool
from agents_realtime import RealtimeAgent, RealtimeRunner, TwilioMediaStreamsTransport
from agents_realtime._base._audio import pcm16_to_ulaw, resample_pcm16, ulaw_to_pcm16
from agents_realtime.testing import FakeRealtimeServer, MessageReply, RealtimeReply

if TYPE_CHECKING:
    from tests.conftest import Eventually
    from tests.realtime.conftest import Realtime

pytestmark = pytest.mark.timeout(30)

STREAM = "MZ00000000000000000000000000000001"


@function_tool
def opening_hours() -> str:
    """Opening hours."""
    return "9 to 5"


class Twilio:
    """The test's side of the call: what Twilio sends and receives."""

    def __init__(self, socket: ClientConnection) -> None:
        self.socket = socket
        self.received: list[dict[str, Any]] = []
        self.spoken = b""
        self.sequence = 0

    async def send(self, event: str, **fields: Any) -> None:
        self.sequence += 1
        await self.socket.send(
            json.dumps({"event": event, "sequenceNumber": str(self.sequence), **fields})
        )

    async def start(self) -> None:
        await self.send("connected", protocol="Call", version="1.0.0")
        await self.send(
            "start",
            streamSid=STREAM,
            start={
                "accountSid": "AC1",
                "streamSid": STREAM,
                "callSid": "CA1",
                "tracks": ["inbound"],
                "mediaFormat": {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1},
                "customParameters": {},
            },
        )

    async def speak(self, pcm16_24k: bytes) -> None:
        """The caller speaks: 20 ms µ-law frames, as Twilio sends them."""
        ulaw = pcm16_to_ulaw(resample_pcm16(pcm16_24k, 24_000, 8_000))
        self.spoken += ulaw
        for chunk, start in enumerate(range(0, len(ulaw), 160)):
            payload = base64.b64encode(ulaw[start : start + 160]).decode()
            await self.send(
                "media",
                streamSid=STREAM,
                media={
                    "track": "inbound",
                    "chunk": str(chunk),
                    "timestamp": str(chunk * 20),
                    "payload": payload,
                },
            )

    async def next(self, kind: str) -> dict[str, Any]:
        async with asyncio.timeout(10):
            while True:
                message: dict[str, Any] = json.loads(await self.socket.recv())
                self.received.append(message)
                if message["event"] == kind:
                    return message


@pytest.fixture
async def app(
    server: FakeRealtimeServer,
) -> AsyncIterator[tuple[str, list[TwilioMediaStreamsTransport]]]:
    """The application's websocket endpoint for Twilio, serving each call with an agent."""
    bridges: list[TwilioMediaStreamsTransport] = []
    agent = RealtimeAgent(
        name="Receptionist", instructions="Answer the phone.", tools=[opening_hours]
    )
    runner = RealtimeRunner(
        agent,
        config={
            "model_settings": {"turn_detection": {"type": "server_vad", "silence_duration_ms": 500}}
        },
    )

    async def handle(websocket: ServerConnection) -> None:
        bridge = TwilioMediaStreamsTransport(websocket)
        bridges.append(bridge)
        await bridge.run(runner, model_config=server.model_config())

    async with serve(handle, "127.0.0.1", 0) as endpoint:
        port = next(iter(endpoint.sockets)).getsockname()[1]
        yield f"ws://127.0.0.1:{port}/media", bridges


async def test_a_call_is_answered_in_mulaw_and_cut_where_the_caller_stopped_hearing(
    server: FakeRealtimeServer,
    rt: type[Realtime],
    app: tuple[str, list[TwilioMediaStreamsTransport]],
    eventually: Eventually,
) -> None:
    url, bridges = app
    server.add_transcripts("when are you open", "wait")
    greeting = RealtimeReply(
        [MessageReply("We are open from nine to five " * 4)], stall_after_ms=600
    )
    server.add(greeting, "Yes?")
    async with connect(url) as socket:
        twilio = Twilio(socket)
        await twilio.start()
        await twilio.speak(rt.silence(200) + rt.speech("When are you open?") + rt.silence(800))

        first = await twilio.next("media")
        answer = [first]
        marks = [await twilio.next("mark")]
        while len(answer) < 6:
            answer.append(await twilio.next("media"))
            marks.append(await twilio.next("mark"))
        for mark in marks[:3]:  # Twilio played 300 ms of the answer
            await twilio.send("mark", streamSid=STREAM, mark=mark["mark"])
        await eventually(lambda: bridges[0].playback_tracker.get_state()["elapsed_ms"] == 300)

        await twilio.speak(rt.speech("Wait") + rt.silence(800))  # the caller talks over it
        cleared = await twilio.next("clear")
        await server.wait_for(lambda: server.truncations)
        await twilio.send("stop", streamSid=STREAM, stop={"accountSid": "AC1", "callSid": "CA1"})

    assert cleared == {"event": "clear", "streamSid": STREAM}
    assert all(m["streamSid"] == STREAM for m in answer)
    audio = b"".join(base64.b64decode(m["media"]["payload"]) for m in answer)
    assert len(audio) == 6 * 800  # 100 ms chunks of 8 kHz µ-law
    assert max(abs(s) for s in memoryview(ulaw_to_pcm16(audio)).cast("h")) > 1000  # a real tone
    assert server.truncations[0]["audio_end_ms"] == 300
    assert bridges[0].stream_sid == STREAM and bridges[0].call_sid == "CA1"

    connection = server.connections[0]
    update = connection.frames("session.update")[0]["session"]
    assert update["audio"]["input"]["format"] == {"type": "audio/pcmu"}
    assert update["audio"]["output"]["format"] == {"type": "audio/pcmu"}
    sent = b"".join(
        base64.b64decode(f["audio"]) for f in connection.frames("input_audio_buffer.append")
    )
    assert sent == twilio.spoken  # the caller's µ-law, passed through as it came
    await connection.wait_for(lambda: connection.closed)  # the call ended: so did the session


async def test_a_call_that_never_starts_ends_cleanly(
    server: FakeRealtimeServer,
    app: tuple[str, list[TwilioMediaStreamsTransport]],
    eventually: Eventually,
) -> None:
    url, bridges = app
    async with connect(url) as socket:
        await socket.send(json.dumps({"event": "connected", "protocol": "Call"}))
    await eventually(lambda: bool(bridges) and bridges[0].stream_sid is None)
    assert server.connections == []
