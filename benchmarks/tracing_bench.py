"""Tracing overhead: the in-process per-turn cost with tracing off and with the JSON Lines file
exporter on, measured in one run. Target: tracing on adds under 10%.

Run with ``uv run python benchmarks/tracing_bench.py [--quick] [--json PATH]``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path

from agents import Agent, Runner, function_tool
from agents.testing import ScriptedModel, function_call
from agents.tracing import BatchTraceProcessor, JSONLinesSpanExporter, set_trace_processors


@function_tool
def double(x: int) -> str:
    """Double a number (a sync tool, as in core_bench.py's two-turn run)."""
    return str(2 * x)


async def _batch(runs: int) -> float:
    """Seconds per two-turn run (a tool call, then an answer) over ``runs`` runs."""
    model = ScriptedModel([])
    agent = Agent(name="bench", model=model, tools=[double])
    start = time.perf_counter()
    for _ in range(runs):
        model.extend([function_call("double", {"x": 21}, call_id="c"), "42"])
        await Runner.run(agent, "double 21")
    return (time.perf_counter() - start) / runs


async def _measure(runs: int, batches: int, folder: Path) -> dict[str, float]:
    await _batch(200)  # warm up imports, schemas and caches
    processor = BatchTraceProcessor(JSONLinesSpanExporter(folder / "traces.jsonl"))
    off: list[float] = []
    on: list[float] = []
    for _ in range(batches):
        # Interleaved, so machine noise hits both sides alike.
        set_trace_processors([])
        off.append(await _batch(runs))
        set_trace_processors([processor])
        on.append(await _batch(runs))
    set_trace_processors([])
    processor.shutdown()
    lines = sum(1 for _ in (folder / "traces.jsonl").open())
    dropped = processor.dropped_count
    tracing_off = statistics.median(off) / 2 * 1e6
    tracing_on = statistics.median(on) / 2 * 1e6
    return {
        "per_turn_us_tracing_off": tracing_off,
        "per_turn_us_tracing_on": tracing_on,
        "ratio": tracing_on / tracing_off,
        "exported_records": float(lines),
        "dropped_records": float(dropped),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    runs, batches = (300, 5) if args.quick else (2000, 9)
    with tempfile.TemporaryDirectory() as folder:
        figures = asyncio.run(_measure(runs, batches, Path(folder)))
    verdict = "pass" if figures["ratio"] < 1.10 else "MISS"
    print(f"two-turn run, per turn, tracing off : {figures['per_turn_us_tracing_off']:8.1f} µs")
    print(f"two-turn run, per turn, JSONL traces: {figures['per_turn_us_tracing_on']:8.1f} µs")
    print(f"ratio (target < 1.10)               : {figures['ratio']:8.3f}  {verdict}")
    print(
        f"records exported / dropped          : {figures['exported_records']:8.0f} / "
        f"{figures['dropped_records']:.0f}"
    )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
