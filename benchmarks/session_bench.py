"""Side-by-side ``SQLiteSession`` figures for ours and the official SDK's, in one run.

    uv run python benchmarks/session_bench.py [--quick] [--json PATH]

The work a run does with its session, on a database file: load a history of 100 items, then
store a four-item turn. Ours runs in the workspace's interpreter, the official SDK in its venv
at ``benchmarks/.envs/official`` (created on first use); each measurement is a fresh child
process (``_session_child.py``), and the children alternate between the libraries so that drift
in machine load hits both alike. See ``benchmarks/README.md`` for the latest figures.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._official_env import OFFICIAL_DISTRIBUTION, OFFICIAL_VERSION, ensure_official_env
from benchmarks.core_bench import OFFICIAL, OURS, Row, _log, _run_json, render_table

CHILD = Path(__file__).resolve().parent / "_session_child.py"
HISTORY_ITEMS = 100
FAST = "ours, durable=False"


def _child(python: str, iterations: int, warmup: int, *, fast: bool = False) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="agents-bench-session-") as folder:
        command = [python, str(CHILD), folder, str(iterations), str(warmup), str(HISTORY_ITEMS)]
        return _run_json([*command, "fast"] if fast else command)


def measure(
    pythons: dict[str, str], *, rounds: int, iterations: int, warmup: int
) -> tuple[dict[str, dict[str, list[float]]], dict[str, str]]:
    """Load and store times (ms) of every timed iteration, per library, over all rounds.

    Also returns the class each child measured, by library.
    """
    classes: dict[str, str] = {}
    samples: dict[str, dict[str, list[float]]] = {
        name: {"load_ms": [], "store_ms": [], "total_ms": []} for name in (OURS, OFFICIAL, FAST)
    }
    for round_number in range(rounds):
        for name in (OURS, OFFICIAL, FAST):
            _log(f"  round {round_number + 1}/{rounds}: {name}")
            python = pythons[OFFICIAL if name == OFFICIAL else OURS]
            figures = _child(python, iterations, warmup, fast=name == FAST)
            samples[name]["load_ms"].extend(figures["load_ms"])
            samples[name]["store_ms"].extend(figures["store_ms"])
            samples[name]["total_ms"].extend(
                load + store
                for load, store in zip(figures["load_ms"], figures["store_ms"], strict=True)
            )
            classes[name] = figures["class"]
    return samples, classes


def rows(samples: dict[str, dict[str, list[float]]], count: int) -> list[Row]:
    """The table: medians of load, store and both, ours against official."""

    def median(name: str, key: str) -> float:
        return statistics.median(samples[name][key])

    note = f"median of {count} iterations, file database"
    return [
        Row(
            "session",
            f"load {HISTORY_ITEMS} items + store a 4-item turn",
            "ms",
            median(OURS, "total_ms"),
            median(OFFICIAL, "total_ms"),
            "ratio",
            1.0,
            note=note,
        ),
        Row(
            "session",
            f"load {HISTORY_ITEMS} items",
            "ms",
            median(OURS, "load_ms"),
            median(OFFICIAL, "load_ms"),
        ),
        Row(
            "session",
            "store a 4-item turn",
            "ms",
            median(OURS, "store_ms"),
            median(OFFICIAL, "store_ms"),
        ),
        Row(
            "session",
            "load + store, ours with durable=False",
            "ms",
            median(FAST, "total_ms"),
            median(OFFICIAL, "total_ms"),
            note="synchronous=NORMAL: consistent after any crash; power loss may drop last turns",
        ),
    ]


def _parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer iterations: a smoke run")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the results here")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Measure both sessions, print the table, and optionally write JSON."""
    arguments = _parse_arguments(argv)
    rounds, iterations, warmup = (2, 100, 20) if arguments.quick else (5, 300, 50)
    pythons = {OURS: sys.executable, OFFICIAL: str(ensure_official_env())}
    machine = {
        "date": datetime.date.today().isoformat(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cores": os.cpu_count(),
        "official": f"{OFFICIAL_DISTRIBUTION}=={OFFICIAL_VERSION}",
        "load_average_at_start": os.getloadavg(),
    }
    _log(f"SQLiteSession: {rounds} rounds of {iterations} iterations per library ...")
    samples, classes = measure(pythons, rounds=rounds, iterations=iterations, warmup=warmup)
    table = rows(samples, rounds * iterations)
    machine["load_average_at_end"] = os.getloadavg()
    print()
    print(
        f"{machine['date']}  Python {machine['python']}  {machine['cores']} cores  "
        f"vs {machine['official']}"
    )
    print(render_table(table))
    print(f"- ours: {classes[OURS]}; official: {classes[OFFICIAL]}")
    misses = [row.figure for row in table if row.passed is False]
    print(f"\n{len(misses)} target(s) missed" + (f": {'; '.join(misses)}" if misses else "."))
    if arguments.json is not None:
        document = {
            "machine": machine,
            "quick": arguments.quick,
            "sizes": {"rounds": rounds, "iterations": iterations, "warmup": warmup},
            "rows": [row.as_json() for row in table],
            "classes": classes,
            "raw": samples,
        }
        arguments.json.write_text(json.dumps(document, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
