"""Runs over HTTP, side by side: our runtime, the official SDK, and a raw httpx2 floor.

    uv run python benchmarks/http_bench.py [--quick] [--json PATH] [--api responses chat]

A local mock OpenAI server (``agents_openai.testing.FakeOpenAIServer`` answering from bodies
rendered once) runs in its own process on 127.0.0.1. Every figure comes from a fresh client
process: ours in the workspace interpreter, the official SDK (``openai-agents``) in its venv at
``benchmarks/.envs/official``, and the floor, a raw httpx2 loop that sends exactly the requests
our runtime sends. For each API (Responses, Chat Completions) and scenario (one-turn text, two
turns with a tool call, a streamed reply of 200 text deltas) it measures the sequential time
per run, and throughput and peak memory at 1, 100 and 1,000 concurrent runs on one event loop.

See ``benchmarks/README.md`` for what each figure means and the latest results.
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
CONCURRENCY = (1, 100, 1000)
# Targets (ours against the floor).
LATENCY_TARGET = {"one_turn": 1.3, "two_turn": 1.3, "stream": 1.5}
DELTA_TARGET_US = 10.0
THROUGHPUT_TARGET = 0.8


def _sizes(quick: bool) -> dict[str, Any]:
    if quick:
        return {"warmup": 30, "batches": 5, "runs": 40, "min_runs": 60, "runs_per_worker": 1}
    return {"warmup": 100, "batches": 9, "runs": 150, "min_runs": 300, "runs_per_worker": 2}


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
        raise RuntimeError(f"the mock server did not start: {line}")
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


def _measure(
    pythons: dict[str, Path], port: int, sizes: dict[str, Any], apis: list[str]
) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for api in apis:
        for scenario in SCENARIOS:
            for mode in ("latency", "throughput"):
                for client in CLIENTS:
                    key = f"{api}/{scenario}/{mode}/{client}"
                    _log(f"  {key}")
                    options = {
                        "client": client,
                        "api": api,
                        "scenario": scenario,
                        "mode": mode,
                        "port": port,
                        "concurrency": list(CONCURRENCY),
                        **sizes,
                    }
                    results[key] = _run_client(pythons[client], options)
    return results


def _fmt(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}" if value < 10 else f"{value:.1f}"


def _rows(results: dict[str, Any], apis: list[str]) -> list[list[str]]:
    rows: list[list[str]] = []
    for api in apis:
        for scenario in SCENARIOS:
            at = f"{api}/{scenario}"
            per_run = {c: results[f"{at}/latency/{c}"]["us_per_run"] for c in CLIENTS}
            ratio = per_run["ours"] / per_run["floor"]
            target = LATENCY_TARGET[scenario]
            title = f"{api}: {SCENARIO_TITLES[scenario]}"
            rows.append(
                [
                    title,
                    "µs/run",
                    _fmt(per_run["ours"]),
                    _fmt(per_run["official"]),
                    _fmt(per_run["floor"]),
                    f"{ratio:.2f}",
                    f"{per_run['official'] / per_run['floor']:.2f}",
                    f"ours/floor <= {target}",
                    "pass" if ratio <= target else "FAIL",
                ]
            )
            if scenario == "stream":
                own = (per_run["ours"] - per_run["floor"]) / DELTAS
                official_own = (per_run["official"] - per_run["floor"]) / DELTAS
                rows.append(
                    [
                        f"{api}: own time per delta",
                        "µs",
                        _fmt(own),
                        _fmt(official_own),
                        "-",
                        "",
                        "",
                        f"ours < {DELTA_TARGET_US:g} µs",
                        "pass" if own < DELTA_TARGET_US else "FAIL",
                    ]
                )
            else:
                turns = TURNS[scenario]
                own = (per_run["ours"] - per_run["floor"]) / turns
                official_own = (per_run["official"] - per_run["floor"]) / turns
                label = f"{api}: own time per turn"
                rows.append([label, "µs", _fmt(own), _fmt(official_own), "-", "", "", "", ""])
            rows.extend(_throughput_rows(results, at, title))
    return rows


def _throughput_rows(results: dict[str, Any], at: str, title: str) -> list[list[str]]:
    rows = []
    levels = {c: results[f"{at}/throughput/{c}"]["levels"] for c in CLIENTS}
    for concurrency in CONCURRENCY:
        figure = {c: levels[c][str(concurrency)] for c in CLIENTS}
        ratio = figure["ours"]["runs_per_s"] / figure["floor"]["runs_per_s"]
        errors = sum(figure[c]["errors"] for c in CLIENTS)
        target, verdict = "", ""
        if concurrency == 1000:
            target = f"ours/floor >= {THROUGHPUT_TARGET}, no errors"
            ok = ratio >= THROUGHPUT_TARGET and figure["ours"]["errors"] == 0
            verdict = "pass" if ok else "FAIL"
        rows.append(
            [
                f"{title}: throughput at {concurrency:,}",
                "runs/s",
                _fmt(figure["ours"]["runs_per_s"]),
                _fmt(figure["official"]["runs_per_s"]),
                _fmt(figure["floor"]["runs_per_s"]),
                f"{ratio:.2f}",
                f"{figure['official']['runs_per_s'] / figure['floor']['runs_per_s']:.2f}",
                target,
                verdict + (f" ({errors} errors)" if errors else ""),
            ]
        )
    memory = {c: levels[c]["1000"]["peak_rss_growth_mib"] for c in CLIENTS}
    rows.append(
        [
            f"{title}: peak RSS growth at 1,000",
            "MiB",
            _fmt(memory["ours"]),
            _fmt(memory["official"]),
            _fmt(memory["floor"]),
            "",
            "",
            "",
            "",
        ]
    )
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
    server, port = _start_server()
    _log(f"mock server on 127.0.0.1:{port}; measuring ({'quick' if args.quick else 'full'})")
    try:
        results = _measure(pythons, port, sizes, args.api)
    finally:
        assert server.stdin is not None
        server.stdin.close()
        server.wait(timeout=30)
    rows = _rows(results, args.api)
    print(
        f"HTTP runs: ours vs {OFFICIAL_DISTRIBUTION} {OFFICIAL_VERSION} vs a raw httpx2 floor "
        f"({platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores)\n"
    )
    print(_table(rows))
    if args.json is not None:
        record = {
            "date": datetime.datetime.now(datetime.UTC).isoformat(),
            "machine": {"cores": os.cpu_count(), "python": platform.python_version()},
            "load_average": os.getloadavg(),
            "sizes": sizes,
            "results": results,
            "rows": rows,
        }
        args.json.write_text(json.dumps(record, indent=2))
    return 0 if not any(row[-1].startswith("FAIL") for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
