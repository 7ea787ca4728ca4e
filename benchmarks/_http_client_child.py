"""Child of ``http_bench.py``: times one client against the local mock OpenAI server.

The same file runs under both interpreters. ``ours`` and ``official`` drive ``Runner.run`` /
``Runner.run_streamed`` through each library's ``OpenAIProvider`` (the API the two share), and
a streamed run is read the way users read one, ``async for event in result.stream_events()``;
``floor`` is a raw httpx2 loop that sends the very requests our runtime sends (captured from it
first, byte for byte) and parses every JSON body and event with httpx2's ``EventSource`` and the
standard library, which is the least any client must do. It prints one JSON object on stdout.

Modes: ``latency`` (runs one after another: wall and CPU time per run), ``paced`` (streams from
the server that spaces its events, a few at a time, so that every event arrives in a read of its
own: CPU time per run), ``throughput`` (runs per second at each concurrency level, and memory).

    python _http_client_child.py '{"client": "ours", "api": "responses", "scenario": "stream",
                                   "mode": "latency", "port": 8000, ...}'
"""

from __future__ import annotations

import asyncio
import gc
import importlib
import json
import resource
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx2

API_KEY = "sk-bench-not-a-real-key"
MODEL = "gpt-4.1"
FINAL_TEXT = "done"
STREAM_DELTAS = 200
# The connection pool OpenAI's SDK and ours both use by default.
LIMITS = httpx2.Limits(max_connections=1000, max_keepalive_connections=100)
TIMEOUT = httpx2.Timeout(600.0, connect=5.0)

RunOnce = Callable[[], Awaitable[None]]


def _agents_runner(options: dict[str, Any], http: httpx2.AsyncClient | None = None) -> RunOnce:
    """One run of ``ours`` or ``official``: the same code, whichever ``agents`` is installed."""
    agents = importlib.import_module("agents")
    disable = getattr(agents, "set_tracing_disabled", None)
    if disable is not None:
        disable(True)  # the official SDK would otherwise try to export traces
    base_url = f"http://127.0.0.1:{options['port']}/v1"
    extra = {"http_client": http} if http is not None else {}
    provider = agents.OpenAIProvider(
        api_key=API_KEY, base_url=base_url, use_responses=options["api"] == "responses", **extra
    )
    config = agents.RunConfig(model_provider=provider)

    async def double(x: int) -> str:
        """Double a number."""
        return str(x * 2)

    tools = [agents.function_tool(double)] if options["scenario"] == "two_turn" else []
    agent = agents.Agent(name="bench", instructions="Be brief.", model=MODEL, tools=tools)
    runner = agents.Runner

    if options["scenario"] == "stream":

        async def run_streamed() -> None:
            result = runner.run_streamed(agent, "hi", run_config=config)
            deltas = 0
            async for event in result.stream_events():
                if event.type == "raw_response_event" and event.data.type.endswith("text.delta"):
                    deltas += 1
            if deltas != STREAM_DELTAS:
                raise RuntimeError(f"expected {STREAM_DELTAS} deltas, got {deltas}")

        return run_streamed

    async def run() -> None:
        result = await runner.run(agent, "hi", run_config=config)
        if result.final_output != FINAL_TEXT:
            raise RuntimeError(f"unexpected output {result.final_output!r}")

    return run


async def _capture(options: dict[str, Any]) -> list[tuple[bytes, dict[str, str]]]:
    """The exact requests (body and headers) one run of our runtime sends, recorded in flight."""
    captured: list[tuple[bytes, dict[str, str]]] = []

    async def record(request: httpx2.Request) -> None:
        await request.aread()
        headers = {k: v for k, v in request.headers.items() if k.lower() not in ("host",)}
        captured.append((request.content, headers))

    async with httpx2.AsyncClient(event_hooks={"request": [record]}) as http:
        await _agents_runner(options, http)()
    return captured


def _floor_runner(
    options: dict[str, Any], requests: list[tuple[bytes, dict[str, str]]], http: httpx2.AsyncClient
) -> RunOnce:
    path = "/responses" if options["api"] == "responses" else "/chat/completions"
    url = f"http://127.0.0.1:{options['port']}/v1{path}"
    loads = json.loads

    if options["scenario"] == "stream":
        body, headers = requests[0]

        async def stream_once() -> None:
            deltas = 0
            async with http.stream("POST", url, content=body, headers=headers) as response:
                async for event in httpx2.EventSource(response):
                    if event.data == "[DONE]":
                        continue
                    payload = loads(event.data)
                    kind = payload.get("type")
                    if kind == "response.output_text.delta" or (
                        kind is None
                        and payload["choices"]
                        and payload["choices"][0]["delta"].get("content")
                    ):
                        deltas += 1
            if deltas != STREAM_DELTAS:
                raise RuntimeError(f"expected {STREAM_DELTAS} deltas, got {deltas}")

        return stream_once

    async def run_once() -> None:
        for body, headers in requests:
            response = await http.post(url, content=body, headers=headers)
            if response.status_code != 200:
                raise RuntimeError(f"status {response.status_code}")
            loads(response.content)

    return run_once


async def _latency(run: RunOnce, options: dict[str, Any]) -> dict[str, Any]:
    for _ in range(options["warmup"]):
        await run()
    samples, cpu_samples = [], []
    for _ in range(options["batches"]):
        gc.collect()
        started, cpu_started = time.perf_counter(), time.process_time()
        for _ in range(options["runs"]):
            await run()
        samples.append((time.perf_counter() - started) / options["runs"] * 1e6)
        cpu_samples.append((time.process_time() - cpu_started) / options["runs"] * 1e6)
    return {
        "us_per_run": statistics.median(samples),
        "cpu_us_per_run": statistics.median(cpu_samples),
        "samples_us": samples,
        "cpu_samples_us": cpu_samples,
    }


async def _paced(run: RunOnce, options: dict[str, Any]) -> dict[str, Any]:
    """CPU time per streamed run when every event arrives on its own: ``paced_streams`` runs at
    a time against the server that spaces its events, so the client is idle between them."""
    width, rounds = options["paced_streams"], options["paced_rounds"]
    for _ in range(2):
        await asyncio.gather(*(run() for _ in range(width)))
    samples, wall_samples = [], []
    for _ in range(options["paced_batches"]):
        gc.collect()
        started, cpu_started = time.perf_counter(), time.process_time()
        for _ in range(rounds):
            await asyncio.gather(*(run() for _ in range(width)))
        samples.append((time.process_time() - cpu_started) / (width * rounds) * 1e6)
        wall_samples.append((time.perf_counter() - started) / rounds * 1e6)
    return {
        "cpu_us_per_run": statistics.median(samples),
        "wall_us_per_round": statistics.median(wall_samples),
        "cpu_samples_us": samples,
    }


def _rss_mib() -> float:
    """The resident set size now (MiB), from /proc."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def _worker(run: RunOnce, count: int, errors: list[str]) -> None:
    for _ in range(count):
        try:
            await run()
        except Exception as exc:  # counted, not fatal: the figures report them
            errors.append(f"{type(exc).__name__}: {exc}"[:200])


async def _throughput(run: RunOnce, options: dict[str, Any]) -> dict[str, Any]:
    for _ in range(options["warmup"]):
        await run()
    levels: dict[str, Any] = {}
    for concurrency in options["concurrency"]:
        total = max(options["min_runs"], concurrency * options["runs_per_worker"])
        per_worker = total // concurrency
        errors: list[str] = []
        gc.collect()
        rss_before = _rss_mib()
        # One unmeasured round at this level first: the connection pool, the heap and the
        # caches grow to their size for it, so the figure is that of a service in steady state.
        await asyncio.gather(*(_worker(run, 1, errors) for _ in range(concurrency)))
        errors.clear()
        gc.collect()
        started = time.perf_counter()
        await asyncio.gather(*(_worker(run, per_worker, errors) for _ in range(concurrency)))
        wall = time.perf_counter() - started
        runs = per_worker * concurrency
        levels[str(concurrency)] = {
            "runs": runs,
            "wall_s": wall,
            "runs_per_s": runs / wall,
            "errors": len(errors),
            "first_errors": errors[:3],
            # Levels run from the lowest: the peak so far is this level's (or a lower one's).
            "peak_rss_mib": _peak_rss_mib(),
            "rss_before_mib": rss_before,
            "peak_rss_growth_mib": _peak_rss_mib() - rss_before,
        }
    return {"levels": levels}


async def main(options: dict[str, Any]) -> dict[str, Any]:
    client = options["client"]
    http: httpx2.AsyncClient | None = None
    if client == "floor":
        requests = await _capture(options)
        http = httpx2.AsyncClient(limits=LIMITS, timeout=TIMEOUT)
        run = _floor_runner(options, requests, http)
        result: dict[str, Any] = {"requests_per_run": len(requests)}
    else:
        run = _agents_runner(options)
        result = {}
    measure = {"latency": _latency, "paced": _paced, "throughput": _throughput}[options["mode"]]
    result.update(await measure(run, options))
    if http is not None:
        await http.aclose()
    return result


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main(json.loads(sys.argv[1])))))
