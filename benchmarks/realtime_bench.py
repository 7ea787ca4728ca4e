"""Realtime audio events, side by side: our runtime, the official SDK, and a bare websocket floor.

    uv run python benchmarks/realtime_bench.py [--quick] [--json PATH]

A fake Realtime server (``agents_realtime.testing.FakeRealtimeServer``) runs in its own process
on 127.0.0.1 and streams each answer as 100 ms audio deltas, each stamped with the time it was
sent. Every figure comes from a fresh client process: ours in the workspace interpreter, the
official SDK (``openai-agents``) in its venv at ``benchmarks/.envs/official``, and the floor, a
bare ``websockets`` client that only parses frames and decodes audio. Both libraries run the
same code: ``RealtimeRunner(agent).run(...)``, then the session's events.

- **latency** (``paced``: a delta every 5 ms): from the server sending a delta to the
  application holding its ``audio`` event; median and 95th percentile.
- **CPU per event** (``burst``: deltas back to back): the client process's CPU time over a
  response, per audio delta; the median over the rounds. The floor (websockets, JSON, base64)
  is run by both interpreters, since each library brings its own ``websockets``.
- **own CPU per event** (``inprocess``): the same deltas replayed from memory (no socket, so
  no scheduling noise): each library's CPU per audio event minus the floor of JSON and base64
  decoding in its interpreter. Ours reads them through its transport seam; the official SDK
  has none, so its model's ``_create_websocket_connection`` is overridden in the child.

See ``benchmarks/README.md`` for the latest results.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._official_env import (
    OFFICIAL_DISTRIBUTION,
    OFFICIAL_VERSION,
    child_environment,
    ensure_official_env,
)

BENCHMARKS = Path(__file__).resolve().parent
SERVER = BENCHMARKS / "_realtime_server_child.py"
CLIENT = BENCHMARKS / "_realtime_client_child.py"
CLIENTS = ("ours", "official", "floor", "floor_official")
"""``floor_official`` is the floor run by the official SDK's interpreter (its own websockets)."""
CHILD_TIMEOUT_SECONDS = 600
CPU_RATIO_TARGET = 0.2
CPU_TARGET_US = 100.0


def _sizes(quick: bool) -> dict[str, Any]:
    if quick:
        return {
            "paced": {"count": 100, "rounds": 2},
            "burst": {"count": 300, "rounds": 3},
            "inprocess": {"count": 5000, "rounds": 3},
            "repeats": 1,
        }
    return {
        "paced": {"count": 200, "rounds": 5},
        "burst": {"count": 1000, "rounds": 5},
        "inprocess": {"count": 20000, "rounds": 5},
        "repeats": 5,
    }


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _start_server() -> tuple[subprocess.Popen[str], int]:
    server = subprocess.Popen(
        [sys.executable, str(SERVER)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=child_environment(),
    )
    assert server.stdout is not None
    line = server.stdout.readline().split()
    if line[:1] != ["PORT"]:
        server.kill()
        raise RuntimeError(f"the fake realtime server did not start: {line}")
    return server, int(line[1])


def _run_client(python: Path, options: dict[str, Any]) -> dict[str, Any]:
    done = subprocess.run(
        [str(python), str(CLIENT), json.dumps(options)],
        capture_output=True,
        text=True,
        env=child_environment(),
        timeout=CHILD_TIMEOUT_SECONDS,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{options['client']} child failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _measure(pythons: dict[str, Path], port: int, sizes: dict[str, Any]) -> dict[str, Any]:
    """Each figure: the median over ``repeats`` child runs, the libraries taking turns."""
    runs: dict[str, list[dict[str, Any]]] = {}
    for repeat in range(sizes["repeats"]):
        for mode in ("paced", "burst", "inprocess"):
            for client in CLIENTS if mode != "inprocess" else ("ours", "official"):
                _log(f"  {mode} {client} ({repeat + 1}/{sizes['repeats']})")
                kind = "floor" if client.startswith("floor") else client
                options = {"client": kind, "mode": mode, "port": port, **sizes[mode]}
                runs.setdefault(f"{mode}/{client}", []).append(
                    _run_client(pythons[client], options)
                )
    figures: dict[str, Any] = {}
    for key, samples in runs.items():
        figures[key] = {
            figure: _median([sample[figure] for sample in samples])
            for figure in (
                "latency_median_us",
                "latency_p95_us",
                "cpu_per_event_us",
                "floor_cpu_per_event_us",
                "own_cpu_per_event_us",
            )
            if figure in samples[0]
        }
        figures[key]["samples"] = samples
    return figures


def _fmt(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}" if value < 10 else f"{value:.1f}"


def _rows(figures: dict[str, Any]) -> list[list[str]]:
    def value(mode: str, client: str, figure: str) -> float:
        result: float = figures[f"{mode}/{client}"][figure]
        return result

    rows = []
    for title, figure in (("median", "latency_median_us"), ("p95", "latency_p95_us")):
        ours, official = value("paced", "ours", figure), value("paced", "official", figure)
        rows.append(
            [
                f"audio delta sent -> `audio` event, {title} (paced)",
                "µs",
                _fmt(ours),
                _fmt(official),
                _fmt(value("paced", "floor", figure)),
                f"{ours / official:.3f}",
                "",
                "",
            ]
        )
    cpu = {client: value("burst", client, "cpu_per_event_us") for client in CLIENTS}
    rows.append(
        [
            "CPU per audio event, over the socket (burst)",
            "µs",
            _fmt(cpu["ours"]),
            _fmt(cpu["official"]),
            f"{_fmt(cpu['floor'])} / {_fmt(cpu['floor_official'])}",
            f"{cpu['ours'] / cpu['official']:.3f}",
            f"ours < {CPU_TARGET_US:g} µs",
            "pass" if cpu["ours"] < CPU_TARGET_US else "FAIL",
        ]
    )
    local = {client: value("inprocess", client, "cpu_per_event_us") for client in CLIENTS[:2]}
    floors = {
        client: value("inprocess", client, "floor_cpu_per_event_us") for client in CLIENTS[:2]
    }
    total_ratio = local["ours"] / local["official"]
    rows.append(
        [
            "CPU per audio event, replayed in process",
            "µs",
            _fmt(local["ours"]),
            _fmt(local["official"]),
            f"{_fmt(floors['ours'])} / {_fmt(floors['official'])}",
            f"{total_ratio:.3f}",
            f"ours/official <= {CPU_RATIO_TARGET}",
            "pass" if total_ratio <= CPU_RATIO_TARGET else "FAIL",
        ]
    )
    own = {client: value("inprocess", client, "own_cpu_per_event_us") for client in CLIENTS[:2]}
    ratio = own["ours"] / own["official"]
    rows.append(
        [
            "own CPU per audio event (above JSON + base64)",
            "µs",
            _fmt(own["ours"]),
            _fmt(own["official"]),
            "-",
            f"{ratio:.3f}",
            f"ours/official <= {CPU_RATIO_TARGET}",
            "pass" if ratio <= CPU_RATIO_TARGET else "FAIL",
        ]
    )
    return rows


def _print_table(rows: list[list[str]]) -> None:
    header = ["Figure", "Unit", "Ours", "Official", "Floor", "Ours/official", "Target", "Result"]
    print("| " + " | ".join(header) + " |")
    print("|---|---|---:|---:|---:|---:|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run: fewer, noisier samples")
    parser.add_argument("--json", type=Path, help="also write every figure and sample here")
    args = parser.parse_args()
    sizes = _sizes(args.quick)
    official = ensure_official_env()
    pythons = {
        "ours": Path(sys.executable),
        "official": official,
        "floor": Path(sys.executable),
        "floor_official": official,
    }
    server, port = _start_server()
    try:
        _log(f"Fake realtime server on 127.0.0.1:{port}; measuring ...")
        figures = _measure(pythons, port, sizes)
    finally:
        assert server.stdin is not None
        server.stdin.close()
        server.wait(10)
    print(
        f"\nRealtime audio events: ours vs {OFFICIAL_DISTRIBUTION}=={OFFICIAL_VERSION} "
        f"({platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores, {datetime.date.today()})\n"
    )
    _print_table(_rows(figures))
    if args.json:
        args.json.write_text(json.dumps({"sizes": sizes, "figures": figures}, indent=2))


if __name__ == "__main__":
    main()
