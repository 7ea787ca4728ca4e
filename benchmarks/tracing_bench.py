"""Tracing's cost per turn, ours beside the official SDK's, in one run: a two-turn run (a sync
tool call, then an answer) with tracing off, with every trace written to a JSON Lines file, and
with the OpenAI trace exporter sending them to the fake OpenAI server (its own process). Two
scenarios: the scripted model (everything in process: tracing's whole cost shows) and
``OpenAIProvider`` over HTTP against the same fake server (a model across the network). Each
library runs in its own child process; inside it the three configurations are interleaved, and
each batch is charged the CPU time of flushing the traces it made (not the wait for the ingest
server). Target: tracing on at most 1.2x tracing off, per turn, with either exporter.

    uv run python benchmarks/tracing_bench.py [--quick] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._official_env import child_environment, ensure_official_env
from benchmarks.core_bench import OFFICIAL, OURS, Row, _log, _run_json, render_table

BENCHMARKS = Path(__file__).resolve().parent
CHILD = BENCHMARKS / "_tracing_child.py"
TARGET = 1.2


SCENARIOS = {"scripted": "scripted model", "http": "HTTP"}


def _measure(python: str, scenario: str, runs: int, batches: int, port: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="agents-bench-tracing-") as folder:
        command = [python, str(CHILD), scenario, str(runs), str(batches), str(port), folder]
        return _run_json(command)


def rows(scenario: str, figures: dict[str, dict[str, Any]]) -> list[Row]:
    ours, official = figures[OURS]["per_turn_us"], figures[OFFICIAL]["per_turn_us"]
    label = SCENARIOS[scenario]
    result = [
        Row("tracing", f"{label}: per turn, tracing off", "µs", ours["off"], official["off"]),
        Row("tracing", f"{label}: per turn, JSON Lines", "µs", ours["jsonl"], official["jsonl"]),
        Row(
            "tracing",
            f"{label}: per turn, OpenAI exporter",
            "µs",
            ours["openai"],
            official["openai"],
        ),
    ]
    for name, exporter in (("jsonl", "JSON Lines"), ("openai", "OpenAI exporter")):
        result.append(
            Row(
                "tracing",
                f"{label}: {exporter} / tracing off",
                "x",
                ours[name] / ours["off"],
                official[name] / official["off"],
                "ours",
                TARGET,
            )
        )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="a smoke run (noisier figures)")
    parser.add_argument("--json", type=Path, help="also write every figure and sample here")
    args = parser.parse_args()
    sizes = (
        {"scripted": (100, 5), "http": (20, 5)}
        if args.quick
        else {
            "scripted": (400, 9),
            "http": (100, 9),
        }
    )
    official = ensure_official_env()
    server = subprocess.Popen(
        [sys.executable, str(BENCHMARKS / "_http_server_child.py")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=child_environment(),
    )
    assert server.stdout is not None and server.stdin is not None
    figures: dict[str, dict[str, dict[str, Any]]] = {}
    try:
        line = server.stdout.readline().split()
        if line[:1] != ["PORT"]:
            raise RuntimeError(f"the fake OpenAI server did not start: {line}")
        port = int(line[1])
        for scenario, (runs, batches) in sizes.items():
            figures[scenario] = {}
            for name, python in ((OURS, sys.executable), (OFFICIAL, str(official))):
                _log(f"{name}, {scenario}: tracing off, JSON Lines, OpenAI exporter ...")
                figures[scenario][name] = _measure(python, scenario, runs, batches, port)
    finally:
        server.stdin.close()
        server.wait(timeout=30)
    print(render_table([row for scenario in figures for row in rows(scenario, figures[scenario])]))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
