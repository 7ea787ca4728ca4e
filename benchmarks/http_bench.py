"""Runs over HTTP, side by side: our runtime, the official SDK, and a raw httpx2 floor.

    uv run python benchmarks/http_bench.py [--quick] [--json PATH] [--api responses chat]

Local mock OpenAI servers (``agents_openai.testing.FakeOpenAIServer`` answering from bodies
rendered once) run in their own process on 127.0.0.1 and stream as OpenAI does, one HTTP chunk
per event. Every figure comes from fresh client processes, taking turns: ours in the workspace
interpreter, the official SDK (``openai-agents``) in its venv at ``benchmarks/.envs/official``,
and the floor, a raw httpx2 loop that sends exactly the requests our runtime sends. For each API
(Responses, Chat Completions) and scenario (one-turn text, two turns with a tool call, a streamed
reply of 200 text deltas) it measures the time per run, the cost per delta at the reader's
``async for`` when every event arrives on its own, and throughput and peak memory at 1, 100 and
1,000 concurrent runs on one event loop.

See ``benchmarks/README.md`` for what each figure means and the latest results.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

# Run as a script, this file's folder is on sys.path but the workspace root is not; mypy names the
# helper ``benchmarks._official_env`` (the root is its package base), so import it under that name.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._official_env import (
    OFFICIAL_DISTRIBUTION,
    OFFICIAL_VERSION,
    child_environment,
    ensure_official_env,
)

BENCHMARKS = Path(__file__).resolve().parent
SERVER = BENCHMARKS / "_http_server_child.py"
CLIENT = BENCHMARKS / "_http_client_child.py"
CHILD_TIMEOUT_SECONDS = 900
CLIENTS = ("ours", "official", "floor")
APIS = ("responses", "chat")
SCENARIOS = ("one_turn", "two_turn", "stream")
SCENARIO_TITLES = {
    "one_turn": "one-turn text",
    "two_turn": "two turns, one tool call",
    "stream": "streamed reply, 200 deltas",
}
TURNS = {"one_turn": 1, "two_turn": 2, "stream": 1}
DELTAS = 200
LEVELS = (1, 100)
TOP_LEVEL = 1000
# Targets, ours against the floor (and the official SDK for memory).
LATENCY_TARGET = 1.15
DELTA_TARGET_US = 3.0
THROUGHPUT_TARGET = 0.9
MEMORY_TARGET = 1.5
MEMORY_TARGET_OFFICIAL = 1 / 3


def _sizes(quick: bool) -> dict[str, Any]:
    if quick:
        return {
            "rounds": 1,
            "latency_rounds": 1,
            "official_rounds": 1,
            "warmup": 20,
            "batches": 3,
            "runs": 40,
            "paced_streams": 20,
            "paced_rounds": 1,
            "paced_batches": 3,
            "min_runs": 100,
            "runs_per_worker": 1,
        }
    return {
        "rounds": 3,
        # Per-run figures sit closest to their targets and vary most between child processes.
        "latency_rounds": 5,
        # The official SDK is 5 to 20 times slower: one round of it is enough for a ratio.
        "official_rounds": 1,
        "warmup": 50,
        "batches": 5,
        "runs": 60,
        "paced_streams": 20,
        "paced_rounds": 2,
        "paced_batches": 5,
        "min_runs": 200,
        "runs_per_worker": 1,
    }


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _start_server() -> tuple[subprocess.Popen[str], int, int]:
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
        raise RuntimeError(f"the mock server did not start: {line}")
    return server, int(line[1]), int(line[2])


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


def _jobs(apis: list[str]) -> list[tuple[str, str, str, list[int]]]:
    """(api, scenario, mode, levels) of every measurement, in the order they run."""
    jobs: list[tuple[str, str, str, list[int]]] = []
    for api in apis:
        for scenario in SCENARIOS:
            jobs.append((api, scenario, "latency", []))
            if scenario == "stream":
                jobs.append((api, scenario, "paced", []))
            jobs.append((api, scenario, "throughput", list(LEVELS)))
            jobs.append((api, scenario, "throughput", [TOP_LEVEL]))
    return jobs


def _measure(
    pythons: dict[str, Path], ports: tuple[int, int], sizes: dict[str, Any], apis: list[str]
) -> dict[str, list[dict[str, Any]]]:
    """Every measurement, ``rounds`` times; within a round the clients take turns, so a change
    in the machine's load falls on all three alike."""
    results: dict[str, list[dict[str, Any]]] = {}
    for api, scenario, mode, levels in _jobs(apis):
        rounds = sizes["latency_rounds"] if mode == "latency" else sizes["rounds"]
        for number in range(rounds):
            for client in CLIENTS:
                if client == "official" and number >= sizes["official_rounds"]:
                    continue
                key = _key(api, scenario, mode, levels, client)
                _log(f"  {key} (round {number + 1})")
                options = {
                    "client": client,
                    "api": api,
                    "scenario": scenario,
                    "mode": mode,
                    "port": ports[1] if mode == "paced" else ports[0],
                    "concurrency": levels,
                    **sizes,
                }
                results.setdefault(key, []).append(_run_client(pythons[client], options))
    return results


def _key(api: str, scenario: str, mode: str, levels: list[int], client: str) -> str:
    suffix = f"/{TOP_LEVEL}" if levels == [TOP_LEVEL] else ""
    return f"{api}/{scenario}/{mode}{suffix}/{client}"


def _median(results: dict[str, list[dict[str, Any]]], key: str, *path: str) -> float:
    return statistics.median(_values(results, key, *path))


def _values(results: dict[str, list[dict[str, Any]]], key: str, *path: str) -> list[float]:
    values = []
    for result in results[key]:
        value: Any = result
        for part in path:
            value = value[part]
        values.append(float(value))
    return values


def _paired_ratio(results: dict[str, list[dict[str, Any]]], at: str, *path: str) -> float:
    """Ours over the floor: the median of the ratios of each round, in which the two ran one
    after the other (so a change in the machine's load falls on both)."""
    ours = _values(results, f"{at}/ours", *path)
    floor = _values(results, f"{at}/floor", *path)
    return statistics.median(o / f for o, f in zip(ours, floor, strict=True))


def _paired_difference(results: dict[str, list[dict[str, Any]]], at: str, *path: str) -> float:
    """Ours minus the floor, paired by round as in ``_paired_ratio``."""
    ours = _values(results, f"{at}/ours", *path)
    floor = _values(results, f"{at}/floor", *path)
    return statistics.median(o - f for o, f in zip(ours, floor, strict=True))


def _fmt(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}" if value < 10 else f"{value:.1f}"


def _row(
    title: str,
    unit: str,
    figures: dict[str, float],
    target: str = "",
    ok: bool | None = None,
    own: bool = False,
    paired: float | None = None,
) -> list[str]:
    """A table row; ratios against the floor unless ``own`` (figures that are already own time).
    ``paired`` is ours over the floor paired by round (``_paired_ratio``), shown instead of the
    ratio of the medians."""
    ratio = official_ratio = ""
    if not own and figures["floor"]:
        ratio = f"{(figures['ours'] / figures['floor']) if paired is None else paired:.2f}"
        official_ratio = f"{figures['official'] / figures['floor']:.2f}"
    return [
        title,
        unit,
        _fmt(figures["ours"]),
        _fmt(figures["official"]),
        "-" if own else _fmt(figures["floor"]),
        ratio,
        official_ratio,
        target,
        "" if ok is None else ("pass" if ok else "FAIL"),
    ]


def _rows(results: dict[str, list[dict[str, Any]]], apis: list[str]) -> list[list[str]]:
    rows: list[list[str]] = []
    for api in apis:
        for scenario in SCENARIOS:
            rows.extend(_scenario_rows(results, api, scenario))
    return rows


def _scenario_rows(
    results: dict[str, list[dict[str, Any]]], api: str, scenario: str
) -> list[list[str]]:
    title = f"{api}: {SCENARIO_TITLES[scenario]}"
    at = f"{api}/{scenario}"
    per_run = {c: _median(results, f"{at}/latency/{c}", "us_per_run") for c in CLIENTS}
    cpu_run = {c: _median(results, f"{at}/latency/{c}", "cpu_us_per_run") for c in CLIENTS}
    target = f"ours/floor <= {LATENCY_TARGET}"
    wall_ratio = _paired_ratio(results, f"{at}/latency", "us_per_run")
    cpu_ratio = _paired_ratio(results, f"{at}/latency", "cpu_us_per_run")
    rows = [
        _row(title, "µs/run", per_run, target, wall_ratio <= LATENCY_TARGET, paired=wall_ratio),
        _row(
            f"{title}, CPU time",
            "µs/run",
            cpu_run,
            target,
            cpu_ratio <= LATENCY_TARGET,
            paired=cpu_ratio,
        ),
    ]
    if scenario == "stream":
        own = {c: (per_run[c] - per_run["floor"]) / DELTAS for c in CLIENTS}
        rows.append(_row(f"{api}: own time per delta, back to back", "µs", own, own=True))
        cpu = {c: _median(results, f"{at}/paced/{c}", "cpu_us_per_run") for c in CLIENTS}
        paced = {c: (cpu[c] - cpu["floor"]) / DELTAS for c in CLIENTS}
        paced["ours"] = _paired_difference(results, f"{at}/paced", "cpu_us_per_run") / DELTAS
        rows.append(
            _row(
                f"{api}: own CPU per delta, one event per read",
                "µs",
                paced,
                f"ours <= {DELTA_TARGET_US:g} µs",
                paced["ours"] <= DELTA_TARGET_US,
                own=True,
            )
        )
    else:
        own = {c: (per_run[c] - per_run["floor"]) / TURNS[scenario] for c in CLIENTS}
        rows.append(_row(f"{api}: own time per turn", "µs", own, own=True))
    rows.extend(_throughput_rows(results, at, title, scenario))
    return rows


def _throughput_rows(
    results: dict[str, list[dict[str, Any]]], at: str, title: str, scenario: str
) -> list[list[str]]:
    rows = []
    for level in (*LEVELS, TOP_LEVEL):
        mode = "throughput" if level in LEVELS else f"throughput/{TOP_LEVEL}"
        keys = {c: f"{at}/{mode}/{c}" for c in CLIENTS}
        figure = {c: _median(results, keys[c], "levels", str(level), "runs_per_s") for c in CLIENTS}
        errors = sum(r["levels"][str(level)]["errors"] for r in results[keys["ours"]])
        target, ok = "", None
        paired = _paired_ratio(results, f"{at}/{mode}", "levels", str(level), "runs_per_s")
        if level == TOP_LEVEL:
            target = f"ours/floor >= {THROUGHPUT_TARGET}, no errors"
            ok = paired >= THROUGHPUT_TARGET and errors == 0
        row = _row(f"{title}: throughput at {level:,}", "runs/s", figure, target, ok, paired=paired)
        if errors:
            row[-1] += f" ({errors} errors)"
        rows.append(row)
    keys = {c: f"{at}/throughput/{TOP_LEVEL}/{c}" for c in CLIENTS}
    top = str(TOP_LEVEL)
    peak = {c: _median(results, keys[c], "levels", top, "peak_rss_mib") for c in CLIENTS}
    target, ok = "", None
    if scenario == "stream":
        target = f"ours/floor <= {MEMORY_TARGET}, ours/official <= 1/3"
        ok = (
            peak["ours"] <= MEMORY_TARGET * peak["floor"]
            and peak["ours"] <= MEMORY_TARGET_OFFICIAL * peak["official"]
        )
    rows.append(_row(f"{title}: peak RSS at {TOP_LEVEL:,}", "MiB", peak, target, ok))
    growth = {c: _median(results, keys[c], "levels", top, "peak_rss_growth_mib") for c in CLIENTS}
    rows.append(_row(f"{title}: peak RSS growth at {TOP_LEVEL:,}", "MiB", growth))
    return rows


def _table(rows: list[list[str]]) -> str:
    header = ["Figure", "Unit", "Ours", "Official", "Floor", "Ours/floor", "Official/floor"]
    header += ["Target", "Result"]
    lines = ["| " + " | ".join(header) + " |", "|---|---|---:|---:|---:|---:|---:|---|---|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller, noisier runs")
    parser.add_argument("--json", type=Path, help="also write every figure and sample here")
    parser.add_argument("--api", nargs="+", choices=APIS, default=list(APIS))
    args = parser.parse_args()
    sizes = _sizes(args.quick)
    pythons = {"ours": Path(sys.executable), "floor": Path(sys.executable)}
    pythons["official"] = ensure_official_env()
    load_before = os.getloadavg()
    server, port, paced_port = _start_server()
    _log(f"mock servers on 127.0.0.1:{port} and :{paced_port} (paced); measuring")
    try:
        results = _measure(pythons, (port, paced_port), sizes, args.api)
    finally:
        assert server.stdin is not None
        server.stdin.close()
        server.wait(timeout=30)
    load_after = os.getloadavg()
    rows = _rows(results, args.api)
    print(
        f"HTTP runs: ours vs {OFFICIAL_DISTRIBUTION} {OFFICIAL_VERSION} vs a raw httpx2 floor "
        f"({platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores, load average {load_before[0]:.2f} before and "
        f"{load_after[0]:.2f} after; medians of {sizes['latency_rounds']} child processes each "
        f"per run, {sizes['rounds']} for throughput, {sizes['official_rounds']} for the official "
        "SDK)\n"
    )
    print(_table(rows))
    if args.json is not None:
        record = {
            "date": datetime.datetime.now(datetime.UTC).isoformat(),
            "machine": {"cores": os.cpu_count(), "python": platform.python_version()},
            "load_average": {"before": load_before, "after": load_after},
            "sizes": sizes,
            "results": results,
            "rows": rows,
        }
        args.json.write_text(json.dumps(record, indent=2))
    return 0 if not any(row[-1].startswith("FAIL") for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
