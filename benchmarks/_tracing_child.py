"""Child of ``tracing_bench.py``: the per-turn cost of whichever ``agents`` it finds, with
tracing off, with traces written to a JSON Lines file, and with the OpenAI trace exporter
(``BackendSpanExporter``) sending them to the fake OpenAI server's ingest endpoint (its own
process), interleaved in one process, for a two-turn run (a sync tool call, then an answer) on
the scripted model (``scripted``, the in-process floor) or through ``OpenAIProvider`` against
the same fake server (``http``).

The same file runs under both interpreters (our runtime and the official SDK's venv) and uses
only the API the two share. A batch's cost is the wall time of its runs plus the CPU time the
process spends in the ``force_flush()`` that ends it: the export work the batch caused is
charged to it (never to the next batch), but not the time spent waiting for the ingest server,
which a program does not wait for either. It prints one JSON object.

    python _tracing_child.py scripted|http RUNS_PER_BATCH BATCHES PORT FOLDER
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from agents import (
    Agent,
    OpenAIProvider,
    Runner,
    function_tool,
    set_trace_processors,
    set_tracing_disabled,
)
from agents.testing import ScriptedModel, assistant_message, function_call
from agents.tracing import Span, Trace
from agents.tracing.processor_interface import TracingExporter
from agents.tracing.processors import BackendSpanExporter, BatchTraceProcessor

API_KEY = "sk-bench-not-a-real-key"  # the fake server's (benchmarks/_http_server_child.py)


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


def _scripted_agent(runs: int) -> Agent[Any]:
    steps = [[function_call("double", {"x": 21}, call_id="c")], [assistant_message("42")]]
    model = ScriptedModel([step for _ in range(runs) for step in steps])
    return Agent(name="bench", model=model, tools=[double])


async def _batch(agent: Agent[Any], runs: int, processors: list[Any]) -> float:
    """Seconds per turn of ``runs`` two-turn runs, with the CPU time of the final flush."""
    start = time.perf_counter()
    for _ in range(runs):
        await Runner.run(agent, "double 21")
    runs_wall = time.perf_counter() - start
    cpu = time.process_time()
    for processor in processors:
        processor.force_flush()
    return (runs_wall + time.process_time() - cpu) / runs / 2


async def main(scenario: str, runs: int, batches: int, port: int, folder: Path) -> dict[str, Any]:
    base_url = f"http://127.0.0.1:{port}/v1"
    provider = OpenAIProvider(api_key=API_KEY, base_url=base_url, use_responses=True)
    http_agent = Agent(name="bench", model=provider.get_model("gpt-4.1"), tools=[double])

    def agent(count: int) -> Agent[Any]:
        return http_agent if scenario == "http" else _scripted_agent(count)

    jsonl = BatchTraceProcessor(_json_lines_exporter(folder / "traces.jsonl"))
    exporter = BackendSpanExporter(api_key=API_KEY, endpoint=f"{base_url}/traces/ingest")
    openai = BatchTraceProcessor(exporter)
    configurations: dict[str, list[Any]] = {"off": [], "jsonl": [jsonl], "openai": [openai]}
    set_tracing_disabled(True)
    await _batch(agent(max(20, runs // 5)), max(20, runs // 5), [])  # warm up
    for name, processors in configurations.items():
        set_tracing_disabled(name == "off")  # off is off for both (no trace objects at all)
        set_trace_processors(processors)
        await _batch(agent(10), 10, processors)
    times: dict[str, list[float]] = {name: [] for name in configurations}
    for _ in range(batches):
        # Interleaved, so machine noise hits every configuration alike.
        for name, processors in configurations.items():
            set_tracing_disabled(name == "off")
            set_trace_processors(processors)
            times[name].append(await _batch(agent(runs), runs, processors))
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
    scenario_arg, runs_arg, batches_arg, port_arg, folder_arg = sys.argv[1:6]
    result = asyncio.run(
        main(scenario_arg, int(runs_arg), int(batches_arg), int(port_arg), Path(folder_arg))
    )
    print(json.dumps(result))
