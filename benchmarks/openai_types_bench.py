"""What a streamed text delta costs user code, with and without the ``openai`` package.

    uv run python benchmarks/openai_types_bench.py [--quick] [--json PATH]

While a program has imported ``openai``, our runtime builds every stream event as an instance of
``openai``'s class too (``agents_core.openai_types``). This measures what that costs per text
delta, as user code sees it: a streamed run over HTTP from a local mock server (its own process,
replies rendered once), read with the ``isinstance(event.data, ResponseTextDeltaEvent)`` loop of
the official docs. Four setups, each in fresh child processes:

- **ours**: the workspace interpreter, no ``openai`` (the loop checks our class);
- **ours + openai**: a venv at ``benchmarks/.envs/ours-openai`` with our workspace packages
  (editable) and ``openai``, imported first (the loop checks ``openai``'s class);
- **ours + openai, off**: the same venv and import with ``set_openai_types(False)`` (our class
  checked): what having ``openai`` loaded costs by itself;
- **official**: the official SDK in ``benchmarks/.envs/official`` (the same ``openai`` check).

The setups take turns, round by round, so that drift in the machine's load affects them alike.

Per delta = (time of a 1,000-delta run - time of a 10-delta run) / 990, per API. Also our
parser's cost for one delta event, with and without ``openai``. See ``benchmarks/README.md``.
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

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._official_env import (
    OFFICIAL_VERSION,
    PYTHON_VERSION,
    child_environment,
    ensure_official_env,
)

BENCHMARKS = Path(__file__).resolve().parent
ROOT = BENCHMARKS.parent
SERVER = BENCHMARKS / "_openai_types_server_child.py"
CLIENT = BENCHMARKS / "_openai_types_client_child.py"
OURS_OPENAI_ENV = BENCHMARKS / ".envs" / "ours-openai"
OPENAI_VERSION = "3.57.0"  # what the official SDK's venv holds
CLIENTS = ("ours", "ours_openai", "ours_openai_off", "official")
SETUP_TITLES = {
    "ours": "ours",
    "ours_openai": "ours + openai",
    "ours_openai_off": "ours + openai, off",
    "official": "official",
}
APIS = ("responses", "chat")
SHORT, LONG = 10, 1000
CHILD_TIMEOUT_SECONDS = 900


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _sizes(quick: bool) -> dict[str, Any]:
    if quick:
        return {"warmup": 3, "batches": 3, "runs": [20, 3], "parse_count": 20_000}
    return {"warmup": 5, "batches": 3, "runs": [60, 10], "parse_count": 100_000}


def ensure_ours_with_openai() -> Path:
    """A venv with our workspace packages (editable) and ``openai``; reinstalled each run, which
    takes about a second from uv's cache."""
    python = OURS_OPENAI_ENV / "bin" / "python"
    environment = child_environment()
    if not python.exists():
        _log(f"Creating {OURS_OPENAI_ENV} ...")
        subprocess.run(
            ["uv", "venv", "--quiet", "-p", PYTHON_VERSION, str(OURS_OPENAI_ENV)],
            check=True,
            env=environment,
        )
    packages = [
        f"{ROOT / 'packages' / name}" for name in ("agents-core", "agents-openai", "agents")
    ]
    editable = [arg for package in packages for arg in ("-e", package)]
    subprocess.run(
        [
            "uv",
            "pip",
            "install",
            "--quiet",
            "--python",
            str(python),
            *editable,
            f"openai=={OPENAI_VERSION}",
        ],
        check=True,
        env=environment,
    )
    return python


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


def _child(python: Path, options: dict[str, Any]) -> dict[str, Any]:
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


def _fmt(value: float | None) -> str:
    if value is None:
        return "-"
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}" if value < 10 else f"{value:.1f}"


def _table(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) + " |"
        for row in rows
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def _measure(pythons: dict[str, Path], sizes: dict[str, Any], rounds: int) -> dict[str, Any]:
    """Every setup's samples, the setups taking turns round by round so that drift in the
    machine's load affects them alike."""
    results: dict[str, Any] = {}
    server, port = _start_server()
    try:
        for api in APIS:
            for round_number in range(rounds):
                for client in CLIENTS:
                    _log(f"  {api}/{client} (round {round_number + 1} of {rounds})")
                    options = {"client": client, "api": api, "port": port, "lengths": [SHORT, LONG]}
                    found = _child(pythons[client], {**options, **sizes})
                    if client == "ours" and found["openai_imported"]:
                        raise RuntimeError("openai was imported in the setup without it")
                    merged = results.setdefault(f"{api}/{client}", {})
                    for length in (SHORT, LONG):
                        samples = merged.setdefault(str(length), {"samples_us": []})["samples_us"]
                        samples.extend(found[str(length)]["samples_us"])
    finally:
        assert server.stdin is not None
        server.stdin.close()
        server.wait(timeout=30)
    for figures in results.values():
        for length in (SHORT, LONG):
            figures[str(length)]["us_per_run"] = statistics.median(
                figures[str(length)]["samples_us"]
            )
        figures["us_per_delta"] = (
            figures[str(LONG)]["us_per_run"] - figures[str(SHORT)]["us_per_run"]
        ) / (LONG - SHORT)
    for client in ("ours", "ours_openai"):
        _log(f"  parse/{client}")
        results[f"parse/{client}"] = _child(
            pythons[client], {"client": client, "mode": "parse", **sizes}
        )
    return results


def _rows(results: dict[str, Any]) -> tuple[list[list[str]], bool]:
    rows = [
        [
            "API",
            "figure",
            *SETUP_TITLES.values(),
            "+openai / official",
            "+openai / ours",
            "target",
            "result",
        ]
    ]
    passed = True
    for api in APIS:
        per_delta = {c: results[f"{api}/{c}"]["us_per_delta"] for c in CLIENTS}
        ratio = per_delta["ours_openai"] / per_delta["official"]
        ok = ratio <= 1.0
        passed &= ok
        rows.append(
            [
                api,
                "µs per text delta",
                *(_fmt(per_delta[c]) for c in CLIENTS),
                f"{ratio:.3f}",
                f"{per_delta['ours_openai'] / per_delta['ours']:.2f}",
                "+openai <= official",
                "pass" if ok else "FAIL",
            ]
        )
        for length in (SHORT, LONG):
            run = {c: results[f"{api}/{c}"][str(length)]["us_per_run"] for c in CLIENTS}
            rows.append(
                [
                    api,
                    f"µs per {length}-delta run",
                    *(_fmt(run[c]) for c in CLIENTS),
                    f"{run['ours_openai'] / run['official']:.3f}",
                    f"{run['ours_openai'] / run['ours']:.2f}",
                    "",
                    "",
                ]
            )
    parse = {c: results[f"parse/{c}"]["us_per_event"] for c in ("ours", "ours_openai")}
    rows.append(
        [
            "-",
            "µs to parse one delta event",
            _fmt(parse["ours"]),
            _fmt(parse["ours_openai"]),
            "-",
            "-",
            "-",
            f"{parse['ours_openai'] / parse['ours']:.2f}",
            "",
            "",
        ]
    )
    return rows, passed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer runs: noisier figures")
    parser.add_argument("--json", type=Path, help="also write every figure and sample here")
    arguments = parser.parse_args()
    sizes = _sizes(arguments.quick)
    with_openai = ensure_ours_with_openai()
    pythons = {
        "ours": Path(sys.executable),
        "ours_openai": with_openai,
        "ours_openai_off": with_openai,
        "official": ensure_official_env(),
    }
    results = _measure(pythons, sizes, rounds=2 if arguments.quick else 3)
    rows, passed = _rows(results)
    print(
        f"openai_types_bench, {datetime.date.today()}, CPython {platform.python_version()}, "
        f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}; official SDK {OFFICIAL_VERSION} "
        f"with openai {OPENAI_VERSION}"
    )
    print(_table(rows))
    if arguments.json:
        arguments.json.write_text(json.dumps(results, indent=2))
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
