"""Extensions: per-turn session cost against the official SDK, and the OpenTelemetry processor's
cost per turn beside tracing off and the JSON Lines exporter, in one run.

    uv run python benchmarks/extensions_bench.py [--quick] [--json PATH] [--only sessions otel]

Sessions: each timed iteration loads a 100-item history and stores a four-item turn, with
RedisSession, SQLAlchemySession on PostgreSQL and EncryptedSession over SQLiteSession, ours and
the official SDK's classes (its venv, with the redis, sqlalchemy and encrypt extras, is
``benchmarks/.envs/official-extensions``). Redis and PostgreSQL are started here on 127.0.0.1.
Children alternate between the libraries so machine noise hits both alike. Target: ours at most
the official's time for each.

OpenTelemetry: our runtime's cost per turn with tracing off, with ``BatchTraceProcessor(
JSONLinesSpanExporter)`` and with ``OpenTelemetryTracingProcessor`` (the OpenTelemetry SDK, a
batch span processor and an exporter that drops the spans), interleaved in one process, for a
two-turn run on the scripted model and a one-turn run over HTTP against the fake OpenAI server.
Target: the OpenTelemetry processor at most 1.3x tracing off (the HTTP run).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._official_env import OFFICIAL_DISTRIBUTION, OFFICIAL_VERSION, ensure_official_env
from benchmarks._servers import postgres_server, redis_server
from benchmarks.core_bench import OFFICIAL, OURS, Row, _log, _run_json, render_table

CHILD = Path(__file__).resolve().parent / "_extensions_child.py"
OFFICIAL_ENV = Path(__file__).resolve().parent / ".envs" / "official-extensions"
HISTORY_ITEMS = 100
BACKENDS = {
    "redis": "RedisSession (Redis 7)",
    "postgres": "SQLAlchemySession (PostgreSQL, asyncpg)",
    "encrypted_sqlite": "EncryptedSession over SQLiteSession (file)",
}


# --- sessions -----------------------------------------------------------------------------------


def measure_sessions(
    pythons: dict[str, str], targets: dict[str, str], *, rounds: int, iterations: int, warmup: int
) -> dict[str, dict[str, dict[str, list[float]]]]:
    """Per backend and library: load, store and total times (ms) of every timed iteration."""
    samples: dict[str, dict[str, dict[str, list[float]]]] = {
        backend: {name: {"load_ms": [], "store_ms": [], "total_ms": []} for name in pythons}
        for backend in BACKENDS
    }
    for round_number in range(rounds):
        for backend in BACKENDS:
            order = (OURS, OFFICIAL) if round_number % 2 == 0 else (OFFICIAL, OURS)
            for name in order:
                _log(f"  round {round_number + 1}/{rounds}: {backend}, {name}")
                figures = _run_json(
                    [
                        pythons[name],
                        str(CHILD),
                        backend,
                        targets[backend],
                        str(iterations),
                        str(warmup),
                        str(HISTORY_ITEMS),
                    ]
                )
                bucket = samples[backend][name]
                bucket["load_ms"] += figures["load_ms"]
                bucket["store_ms"] += figures["store_ms"]
                bucket["total_ms"] += [
                    a + b for a, b in zip(figures["load_ms"], figures["store_ms"], strict=True)
                ]
    return samples


def session_rows(samples: dict[str, dict[str, dict[str, list[float]]]]) -> list[Row]:
    rows = []
    for backend, label in BACKENDS.items():

        def median(name: str, key: str, backend: str = backend) -> float:
            return statistics.median(samples[backend][name][key])

        rows += [
            Row(
                "sessions",
                f"{label}: load {HISTORY_ITEMS} + store 4",
                "ms",
                median(OURS, "total_ms"),
                median(OFFICIAL, "total_ms"),
                "ratio",
                1.0,
            ),
            Row("sessions", "  load", "ms", median(OURS, "load_ms"), median(OFFICIAL, "load_ms")),
            Row(
                "sessions", "  store", "ms", median(OURS, "store_ms"), median(OFFICIAL, "store_ms")
            ),
        ]
    return rows


# --- OpenTelemetry ------------------------------------------------------------------------------


def _otel_processor() -> tuple[Any, Any]:
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExporter, SpanExportResult

    from agents.extensions.opentelemetry import OpenTelemetryTracingProcessor

    class Dropping(SpanExporter):
        """Receives every batch and keeps nothing: the cost up to the wire."""

        def export(self, spans: Any) -> SpanExportResult:
            return SpanExportResult.SUCCESS

    provider = TracerProvider()
    provider.add_span_processor(BatchSpanProcessor(Dropping(), max_queue_size=65536))
    return OpenTelemetryTracingProcessor(provider), provider


async def _otel_measure(runs: int, batches: int, folder: Path) -> dict[str, dict[str, float]]:
    from agents import Agent, Runner, function_tool
    from agents.testing import ScriptedModel, function_call
    from agents.tracing import BatchTraceProcessor, JSONLinesSpanExporter, set_trace_processors
    from agents_openai.testing import FakeOpenAIServer

    @function_tool
    def double(x: int) -> str:
        """Double a number."""
        return str(2 * x)

    async def scripted(count: int) -> float:
        model = ScriptedModel([])
        agent = Agent(name="bench", model=model, tools=[double])
        start = time.perf_counter()
        for _ in range(count):
            model.extend([function_call("double", {"x": 21}, call_id="c"), "42"])
            await Runner.run(agent, "double 21")
        return (time.perf_counter() - start) / count / 2  # per turn

    results: dict[str, dict[str, float]] = {}
    async with FakeOpenAIServer(record_requests=False) as server:
        server.responder = lambda request: None
        provider = server.provider()
        http_agent = Agent(name="bench", model=provider.get_model("gpt-4.1"))

        async def http(count: int) -> float:
            server.add(*(["Hello."] * count))
            start = time.perf_counter()
            for _ in range(count):
                await Runner.run(http_agent, "hi")
            return (time.perf_counter() - start) / count

        jsonl = BatchTraceProcessor(JSONLinesSpanExporter(folder / "traces.jsonl"))
        otel, otel_provider = _otel_processor()
        configurations = {"off": [], "jsonl": [jsonl], "otel": [otel]}
        for scenario, run in (("scripted two-turn run", scripted), ("HTTP one-turn run", http)):
            await run(max(50, runs // 10))  # warm up
            times: dict[str, list[float]] = {name: [] for name in configurations}
            for _ in range(batches):
                for name, processors in configurations.items():
                    set_trace_processors(processors)
                    times[name].append(
                        await run(runs if scenario.startswith("scripted") else runs // 4)
                    )
            set_trace_processors([])
            results[scenario] = {name: statistics.median(v) * 1e6 for name, v in times.items()}
        await provider.aclose()
        jsonl.shutdown()
        otel_provider.shutdown()
    return results


def otel_rows(results: dict[str, dict[str, float]]) -> list[Row]:
    rows = []
    for scenario, figures in results.items():
        off = figures["off"]
        rows += [
            Row("otel", f"{scenario}: tracing off", "µs", off, None),
            Row(
                "otel",
                f"{scenario}: JSON Lines exporter",
                "µs",
                figures["jsonl"],
                None,
                note=f"{figures['jsonl'] / off:.2f}x off",
            ),
            Row(
                "otel",
                f"{scenario}: OpenTelemetry processor",
                "µs",
                figures["otel"],
                None,
                "ours" if scenario.startswith("HTTP") else None,
                1.3 * off if scenario.startswith("HTTP") else None,
                note=f"{figures['otel'] / off:.2f}x off (target 1.3x on the HTTP run)",
            ),
        ]
    return rows


# --- driver -------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Measure, print the table, and optionally write JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer iterations: a smoke run")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the results here")
    parser.add_argument("--only", nargs="+", choices=("sessions", "otel"), default=None)
    arguments = parser.parse_args(argv)
    sections = set(arguments.only or ("sessions", "otel"))
    rounds, iterations, warmup = (2, 60, 10) if arguments.quick else (4, 200, 30)
    machine: dict[str, Any] = {
        "date": datetime.date.today().isoformat(),
        "python": platform.python_version(),
        "cores": os.cpu_count(),
        "official": f"{OFFICIAL_DISTRIBUTION}=={OFFICIAL_VERSION}",
        "load_average_at_start": os.getloadavg(),
    }
    rows: list[Row] = []
    raw: dict[str, Any] = {}
    if "sessions" in sections:
        official = ensure_official_env(
            OFFICIAL_ENV, extras=("redis", "sqlalchemy", "encrypt"), packages=("aiosqlite",)
        )
        pythons = {OURS: sys.executable, OFFICIAL: str(official)}
        with (
            redis_server() as redis_url,
            postgres_server() as postgres_url,
            tempfile.TemporaryDirectory(prefix="agents-bench-sqlite-") as folder,
        ):
            targets = {"redis": redis_url, "postgres": postgres_url, "encrypted_sqlite": folder}
            _log(f"Sessions: {rounds} rounds of {iterations} iterations per library ...")
            raw["sessions"] = measure_sessions(
                pythons, targets, rounds=rounds, iterations=iterations, warmup=warmup
            )
        rows += session_rows(raw["sessions"])
    if "otel" in sections:
        _log("OpenTelemetry: tracing off, JSON Lines, OpenTelemetry, interleaved ...")
        with tempfile.TemporaryDirectory(prefix="agents-bench-otel-") as folder:
            raw["otel"] = asyncio.run(
                _otel_measure(
                    200 if arguments.quick else 1000, 5 if arguments.quick else 9, Path(folder)
                )
            )
        rows += otel_rows(raw["otel"])
    machine["load_average_at_end"] = os.getloadavg()
    print(
        f"\n{machine['date']}  Python {machine['python']}  {machine['cores']} cores  "
        f"vs {machine['official']}"
    )
    print(render_table(rows))
    misses = [row.figure for row in rows if row.passed is False]
    print(f"\n{len(misses)} target(s) missed" + (f": {'; '.join(misses)}" if misses else "."))
    if arguments.json is not None:
        document = {
            "machine": machine,
            "quick": arguments.quick,
            "rows": [row.as_json() for row in rows],
            "raw": raw,
        }
        arguments.json.write_text(json.dumps(document, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
