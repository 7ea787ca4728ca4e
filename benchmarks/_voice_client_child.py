"""Child of ``voice_bench.py``: times voice turns of one client against the fake server.

The same file runs under both interpreters. ``ours`` and ``official`` run
``VoicePipeline(workflow=SingleAgentVoiceWorkflow(agent))`` on a recorded question (the API the
two share, each with its OpenAI models found through ``OPENAI_API_KEY`` / ``OPENAI_BASE_URL``);
``floor`` is raw httpx2 doing the least any client must: upload the WAV, stream the answer until
its first sentence is complete, ask for its speech and read the first bytes (then the rest of the
turn). It prints one JSON object on stdout.

    python _voice_client_child.py '{"client": "ours", "port": 8000, "audio": "q.pcm",
                                    "runs": 30, "warmup": 5}'
"""

from __future__ import annotations

import asyncio
import io
import json
import os
import re
import statistics
import sys
import time
import wave
from typing import Any

API_KEY = "sk-bench-not-a-real-key"
MODEL = "gpt-4.1"
INSTRUCTIONS = "Answer briefly."
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _pipeline_turns(options: dict[str, Any]) -> Any:
    """One voice turn of ``ours`` or ``official``: the same code, whichever is installed."""
    os.environ["OPENAI_API_KEY"] = API_KEY
    os.environ["OPENAI_BASE_URL"] = f"http://127.0.0.1:{options['port']}/v1"
    import numpy as np

    import agents
    from agents.voice import (
        AudioInput,
        SingleAgentVoiceWorkflow,
        VoicePipeline,
        VoicePipelineConfig,
    )

    disable = getattr(agents, "set_tracing_disabled", None)
    if disable is not None:
        disable(True)  # the official SDK would otherwise try to export traces
    with open(options["audio"], "rb") as file:
        samples = np.frombuffer(file.read(), dtype="<i2").astype(np.int16)
    agent = agents.Agent(name="bench", instructions=INSTRUCTIONS, model=MODEL)
    config = VoicePipelineConfig(tracing_disabled=True)

    async def turn() -> tuple[float, float, int]:
        pipeline = VoicePipeline(workflow=SingleAgentVoiceWorkflow(agent), config=config)
        started = time.perf_counter()
        first: float | None = None
        samples_out = 0
        result = await pipeline.run(AudioInput(buffer=samples))
        async for event in result.stream():
            if event.type == "voice_stream_event_audio" and event.data is not None:
                if first is None:
                    first = time.perf_counter() - started
                samples_out += int(event.data.shape[0])
        assert first is not None, "no audio came back"
        return first, time.perf_counter() - started, samples_out

    return turn


def _floor_turns(options: dict[str, Any]) -> Any:
    """The least work a client does for one turn, in raw httpx2 and the standard library."""
    import httpx2

    with open(options["audio"], "rb") as file:
        pcm = file.read()
    headers = {"Authorization": f"Bearer {API_KEY}"}
    http = httpx2.AsyncClient(
        base_url=f"http://127.0.0.1:{options['port']}/v1",
        headers=headers,
        timeout=httpx2.Timeout(600.0, connect=5.0),
    )

    async def speak(text: str) -> tuple[float, int]:
        body = {
            "model": "gpt-4o-mini-tts",
            "voice": "ash",
            "input": text,
            "response_format": "pcm",
            "instructions": "Read out the text.",
        }
        received = 0
        first = 0.0
        async with http.stream("POST", "/audio/speech", json=body) as response:
            async for chunk in response.aiter_bytes():
                if not received:
                    first = time.perf_counter()
                received += len(chunk)
        return first, received

    async def turn() -> tuple[float, float, int]:
        started = time.perf_counter()
        out = io.BytesIO()
        with wave.open(out, "wb") as writer:
            writer.setnchannels(1)
            writer.setsampwidth(2)
            writer.setframerate(24_000)
            writer.writeframes(pcm)
        files = {"file": ("audio.wav", out.getvalue(), "audio/wav")}
        heard = await http.post(
            "/audio/transcriptions", data={"model": "gpt-transcribe"}, files=files
        )
        request = {
            "model": MODEL,
            "instructions": INSTRUCTIONS,
            "input": [{"role": "user", "content": heard.json()["text"]}],
            "stream": True,
        }
        speeches: list[asyncio.Task[tuple[float, int]]] = []
        text = ""
        async with http.stream("POST", "/responses", json=request) as response:
            async for line in response.aiter_lines():
                if not line.startswith("data: "):
                    continue
                event = json.loads(line[6:])
                if event["type"] == "response.output_text.delta":
                    text += event["delta"]
                    sentences = SENTENCE_END.split(text.strip())
                    if len(sentences) > 1 and len(" ".join(sentences[:-1])) >= 20:
                        speeches.append(asyncio.create_task(speak(" ".join(sentences[:-1]))))
                        text = sentences[-1] + text[len(text.rstrip()) :]
        if text.strip():
            speeches.append(asyncio.create_task(speak(text)))
        spoken = await asyncio.gather(*speeches)
        return spoken[0][0] - started, time.perf_counter() - started, sum(n for _, n in spoken) // 2

    return turn


async def main(options: dict[str, Any]) -> dict[str, Any]:
    turn = _floor_turns(options) if options["client"] == "floor" else _pipeline_turns(options)
    for _ in range(options["warmup"]):
        await turn()
    firsts: list[float] = []
    totals: list[float] = []
    cpu_started = time.process_time()
    wall_started = time.perf_counter()
    samples = 0
    for _ in range(options["runs"]):
        first, total, samples = await turn()
        firsts.append(first)
        totals.append(total)
    cpu = time.process_time() - cpu_started
    wall = time.perf_counter() - wall_started
    return {
        "client": options["client"],
        "first_audio_ms": statistics.median(firsts) * 1000,
        "first_audio_p90_ms": sorted(firsts)[int(0.9 * (len(firsts) - 1))] * 1000,
        "turn_ms": statistics.median(totals) * 1000,
        "cpu_ms_per_turn": cpu / options["runs"] * 1000,
        "wall_ms_per_turn": wall / options["runs"] * 1000,
        "samples_out": samples,
        "runs": options["runs"],
        "first_audio_samples_ms": [round(1000 * f, 3) for f in firsts],
    }


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main(json.loads(sys.argv[1])))))
