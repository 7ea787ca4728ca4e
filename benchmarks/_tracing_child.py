"""Child of ``tracing_bench.py``: the per-turn cost of whichever ``agents`` it finds, with
tracing off, with traces written to a JSON Lines file, and with the OpenAI trace exporter
(``BackendSpanExporter``) sending them to a local ingest server, interleaved in one process.

The same file runs under both interpreters (our runtime and the official SDK's venv) and uses
only the API the two share. A batch's cost is the wall time of its runs plus the CPU time the
process spends in the ``force_flush()`` that ends it: the export work the batch caused is
charged to it (never to the next batch), but not the time spent waiting for the ingest server,
which a program does not wait for either. It prints one JSON object.

    python _tracing_child.py RUNS_PER_BATCH BATCHES INGEST_URL FOLDER
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from agents import Agent, Runner, function_tool, set_trace_processors, set_tracing_disabled
from agents.testing import ScriptedModel, assistant_message, function_call
from agents.tracing import Span, Trace
from agents.tracing.processor_interface import TracingExporter
from agents.tracing.processors import BackendSpanExporter, BatchTraceProcessor


@function_tool
def double(x: int) -> str:
    """Double a number (a sync tool, as in core_bench.py's two-turn run)."""
    return str(2 * x)


class _JsonLines(TracingExporter):
    """One JSON object per line, for a library without a JSON Lines exporter of its own."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def export(self, items: list[Trace | Span[Any]]) -> None:
        lines = [json.dumps(e, default=str) for item in items if (e := item.export())]
        with self.path.open("a", encoding="utf-8") as file:
            file.write("".join(line + "\n" for line in lines))


def _json_lines_exporter(path: Path) -> TracingExporter:
    try:
        from agents.tracing.processors import JSONLinesSpanExporter  # ours
    except ImportError:
        return _JsonLines(path)
    exporter: TracingExporter = JSONLinesSpanExporter(path)
    return exporter


async def _batch(runs: int, processors: list[Any]) -> float:
    """Seconds per turn of ``runs`` two-turn runs (a tool call, then an answer)."""
    model = ScriptedModel(
        [
            step
            for _ in range(runs)
            for step in (
                [function_call("double", {"x": 21}, call_id="c")],
                [assistant_message("42")],
            )
        ]
    )
    agent = Agent(name="bench", model=model, tools=[double])
    start = time.perf_counter()
    for _ in range(runs):
        await Runner.run(agent, "double 21")
    runs_wall = time.perf_counter() - start
    cpu = time.process_time()
    for processor in processors:
        processor.force_flush()
    return (runs_wall + time.process_time() - cpu) / runs / 2


async def main(runs: int, batches: int, ingest_url: str, folder: Path) -> dict[str, Any]:
    jsonl = BatchTraceProcessor(_json_lines_exporter(folder / "traces.jsonl"))
    exporter = BackendSpanExporter(api_key="sk-bench", endpoint=ingest_url)
    openai = BatchTraceProcessor(exporter)
    configurations: dict[str, list[Any]] = {"off": [], "jsonl": [jsonl], "openai": [openai]}
    set_tracing_disabled(True)
    await _batch(max(50, runs // 5), [])  # warm up imports, schemas and caches
    for name, processors in configurations.items():
        set_tracing_disabled(name == "off")  # off is off for both (no trace objects at all)
        set_trace_processors(processors)
        await _batch(20, processors)
    times: dict[str, list[float]] = {name: [] for name in configurations}
    for _ in range(batches):
        # Interleaved, so machine noise hits every configuration alike.
        for name, processors in configurations.items():
            set_tracing_disabled(name == "off")
            set_trace_processors(processors)
            times[name].append(await _batch(runs, processors))
    set_trace_processors([])
    jsonl.shutdown()
    openai.shutdown()
    lines = sum(1 for _ in (folder / "traces.jsonl").open())
    return {
        "per_turn_us": {name: statistics.median(v) * 1e6 for name, v in times.items()},
        "samples_us": {name: [t * 1e6 for t in v] for name, v in times.items()},
        "jsonl_records": lines,
    }


if __name__ == "__main__":
    runs_arg, batches_arg, url_arg, folder_arg = sys.argv[1:5]
    result = asyncio.run(main(int(runs_arg), int(batches_arg), url_arg, Path(folder_arg)))
    print(json.dumps(result))
