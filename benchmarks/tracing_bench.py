"""Tracing's cost per turn, ours beside the official SDK's, in one run: a two-turn run (a sync
tool call, then an answer) with tracing off, with every trace written to a JSON Lines file, and
with the OpenAI trace exporter sending them to a local ingest server (its own process). Each
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


def _measure(python: str, runs: int, batches: int, url: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="agents-bench-tracing-") as folder:
        return _run_json([python, str(CHILD), str(runs), str(batches), url, folder])


def rows(figures: dict[str, dict[str, Any]]) -> list[Row]:
    ours, official = figures[OURS]["per_turn_us"], figures[OFFICIAL]["per_turn_us"]
    result = [
        Row("tracing", "per turn, tracing off", "µs", ours["off"], official["off"]),
        Row("tracing", "per turn, JSON Lines file", "µs", ours["jsonl"], official["jsonl"]),
        Row("tracing", "per turn, OpenAI exporter", "µs", ours["openai"], official["openai"]),
    ]
    for name, label in (("jsonl", "JSON Lines"), ("openai", "OpenAI exporter")):
        result.append(
            Row(
                "tracing",
                f"{label} / tracing off",
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
    runs, batches = (100, 5) if args.quick else (400, 9)
    official = ensure_official_env()
    server = subprocess.Popen(
        [sys.executable, str(BENCHMARKS / "_ingest_server.py")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=child_environment(),
    )
    assert server.stdout is not None and server.stdin is not None
    try:
        url = f"http://127.0.0.1:{server.stdout.readline().strip()}/v1/traces/ingest"
        figures: dict[str, dict[str, Any]] = {}
        for name, python in ((OURS, sys.executable), (OFFICIAL, str(official))):
            _log(f"{name}: tracing off, JSON Lines, OpenAI exporter, interleaved ...")
            figures[name] = _measure(python, runs, batches, url)
    finally:
        server.stdin.close()
        received = server.stdout.read().strip()
        server.wait(timeout=30)
    print(render_table(rows(figures)))
    print(f"\nitems received by the ingest server: {received}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
