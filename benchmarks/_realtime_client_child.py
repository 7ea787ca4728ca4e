"""Child of ``realtime_bench.py``: times one client against the fake Realtime server.

The same file runs under both interpreters. ``ours`` and ``official`` open a session with
``RealtimeRunner(agent).run(model_config=...)`` from ``agents.realtime`` (the API the two
share) and read its events; ``floor`` is a bare ``websockets`` client that only parses each
frame and decodes its audio, the least any client must do. For every audio delta it records the
time from the server sending it (stamped in the audio's first 8 bytes) to the application
holding it, and the process CPU time spent over the response. It prints one JSON object.

    python _realtime_client_child.py '{"client": "ours", "mode": "paced", "port": 8000,
                                       "count": 200, "rounds": 5}'
"""

from __future__ import annotations

import asyncio
import base64
import json
import statistics
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

API_KEY = "sk-bench-not-a-real-key"

Round = Callable[[], Awaitable[tuple[list[float], float]]]


def _stamp(data: bytes, latencies: list[float]) -> None:
    latencies.append((time.monotonic_ns() - int.from_bytes(data[:8], "little")) / 1000)


async def _agents_rounds(options: dict[str, Any]) -> AsyncIterator[Round]:
    """Rounds with ``agents.realtime``: ours or the official SDK, whichever is installed."""
    from agents.realtime import RealtimeAgent, RealtimeRunner

    count = options["count"]
    config: Any = {
        "url": f"ws://127.0.0.1:{options['port']}/v1/realtime?model=bench",
        "api_key": API_KEY,
        "initial_model_settings": {
            "model_name": f"bench-{options['mode']}-{count}",
            "turn_detection": None,
        },
    }
    runner = RealtimeRunner(RealtimeAgent(name="bench", instructions="Speak."))
    async with await runner.run(model_config=config) as session:
        events = session.__aiter__()

        async def one_round() -> tuple[list[float], float]:
            latencies: list[float] = []
            started = time.process_time()
            await session.send_message("go")
            while len(latencies) < count:
                event = await events.__anext__()
                if event.type == "audio":
                    _stamp(event.audio.data, latencies)
            cpu = time.process_time() - started
            while (await events.__anext__()).type != "agent_end":
                pass
            return latencies, cpu

        yield one_round


async def _floor_rounds(options: dict[str, Any]) -> AsyncIterator[Round]:
    """Rounds with a bare websocket: parse every frame, decode every audio delta."""
    from websockets.asyncio.client import connect

    count = options["count"]
    url = f"ws://127.0.0.1:{options['port']}/v1/realtime?model=bench-{options['mode']}-{count}"
    headers = {"Authorization": f"Bearer {API_KEY}"}
    async with connect(url, additional_headers=headers, compression=None, max_size=None) as socket:
        session = {"type": "realtime", "audio": {"input": {"turn_detection": None}}}
        await socket.send(json.dumps({"type": "session.update", "session": session}))
        item = {
            "type": "message",
            "role": "user",
            "content": [{"type": "input_text", "text": "go"}],
        }

        async def one_round() -> tuple[list[float], float]:
            latencies: list[float] = []
            cpu = 0.0
            started = time.process_time()
            await socket.send(json.dumps({"type": "conversation.item.create", "item": item}))
            await socket.send(json.dumps({"type": "response.create"}))
            while True:
                event = json.loads(await socket.recv())
                if event["type"] == "response.output_audio.delta":
                    _stamp(base64.b64decode(event["delta"]), latencies)
                    if len(latencies) == count:
                        cpu = time.process_time() - started
                elif event["type"] == "response.done":
                    return latencies, cpu

        yield one_round


# ------------------------------------------------------------------------------ in process


def _recorded_frames(count: int) -> list[str]:
    """``count`` audio delta frames as the server sends them (100 ms of PCM16 each)."""
    delta = base64.b64encode(bytes(4_800)).decode()
    return [
        json.dumps(
            {
                "type": "response.output_audio.delta",
                "event_id": f"event_{n}",
                "response_id": "resp_1",
                "item_id": "item_1",
                "output_index": 0,
                "content_index": 0,
                "delta": delta,
            }
        )
        for n in range(count)
    ]


class _Replay:
    """A connection that hands over recorded frames, 64 per turn of the loop (a socket read)."""

    def __init__(self, frames: list[str]) -> None:
        self.frames = frames
        self.next = 0

    async def send(self, message: str) -> None:
        pass

    async def recv(self) -> str:
        if self.next >= len(self.frames):
            await asyncio.Event().wait()  # silent until closed
        frame = self.frames[self.next]
        self.next += 1
        if self.next % 64 == 0:
            await asyncio.sleep(0)
        return frame

    def __aiter__(self) -> _Replay:
        return self

    async def __anext__(self) -> str:
        return await self.recv()

    async def close(self) -> None:
        pass


def _replay_model(frames: list[str]) -> Any:
    """A realtime model reading ``frames`` instead of a socket.

    Ours through its transport seam; the official SDK has none, so its model is subclassed and
    its private ``_create_websocket_connection`` returns the replay instead of a socket.
    """
    from agents.realtime import OpenAIRealtimeWebSocketModel

    try:
        from agents_realtime import RealtimeTransport  # noqa: F401  (present: ours)
    except ImportError:

        class Official(OpenAIRealtimeWebSocketModel):
            async def _create_websocket_connection(self, *args: Any, **kwargs: Any) -> Any:
                return _Replay(frames)

        return Official()

    class ReplayTransport:
        async def connect(self, url: str, headers: Any) -> Any:
            return _Replay(frames)

    return OpenAIRealtimeWebSocketModel(transport=ReplayTransport())


def _floor_pass(frames: list[str]) -> float:
    started = time.process_time()
    for frame in frames:
        base64.b64decode(json.loads(frame)["delta"])
    return (time.process_time() - started) / len(frames) * 1e6


async def _library_pass(frames: list[str]) -> float:
    from agents.realtime import RealtimeAgent, RealtimeRunner

    runner = RealtimeRunner(RealtimeAgent(name="bench"), model=_replay_model(frames))
    config: Any = {"url": "ws://replay", "api_key": API_KEY}
    async with await runner.run(model_config=config) as session:
        events = session.__aiter__()
        seen = 0
        started = time.process_time()
        while seen < len(frames):
            event = await events.__anext__()
            if event.type == "audio":
                event.audio.data  # noqa: B018  (the application reads the audio)
                seen += 1
        return (time.process_time() - started) / len(frames) * 1e6


async def _in_process(options: dict[str, Any]) -> dict[str, list[float]]:
    """CPU per audio event with no network, and the floor (JSON and base64) in the same rounds.

    Each round measures the floor and then the library, so that drift in the machine's load
    falls on both; the library's own time is the difference, round by round.
    """
    frames = _recorded_frames(options["count"])
    samples: dict[str, list[float]] = {"library": [], "floor": [], "own": []}
    for number in range(options["rounds"] + 1):
        floor = _floor_pass(frames)
        library = await _library_pass(frames)
        if number:  # the first round warms up
            samples["library"].append(library)
            samples["floor"].append(floor)
            samples["own"].append(library - floor)
    return samples


async def main(options: dict[str, Any]) -> dict[str, Any]:
    if options["mode"] == "inprocess":
        samples = await _in_process(options)
        return {
            "client": options["client"],
            "mode": "inprocess",
            "cpu_per_event_us": statistics.median(samples["library"]),
            "floor_cpu_per_event_us": statistics.median(samples["floor"]),
            "own_cpu_per_event_us": statistics.median(samples["own"]),
            "cpu_samples_us": samples,
        }
    rounds = _floor_rounds if options["client"] == "floor" else _agents_rounds
    latencies: list[float] = []
    cpu_per_event: list[float] = []
    async for one_round in rounds(options):
        await one_round()  # warm-up: imports, first-use costs, connection
        for _ in range(options["rounds"]):
            round_latencies, cpu = await one_round()
            latencies.extend(round_latencies)
            cpu_per_event.append(cpu / options["count"] * 1e6)
    ordered = sorted(latencies)
    return {
        "client": options["client"],
        "mode": options["mode"],
        "events": len(latencies),
        "latency_median_us": statistics.median(ordered),
        "latency_p95_us": ordered[int(len(ordered) * 0.95) - 1],
        "cpu_per_event_us": statistics.median(cpu_per_event),
        "cpu_samples_us": cpu_per_event,
    }


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main(json.loads(sys.argv[1])))))
