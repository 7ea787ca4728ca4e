"""Voice turns, side by side: our pipeline, the official SDK's, and a raw httpx2 floor.

    uv run python benchmarks/voice_bench.py [--quick] [--json PATH]

A recorded question (espeak-ng's voice) is answered by each client through a fake OpenAI
server in its own process (``_voice_server_child.py``): transcription, a three-sentence answer
streamed by the model, speech for each sentence. Each client runs in a fresh process
(``_voice_client_child.py``): ours in the workspace interpreter, the official SDK
(``openai-agents[voice]``) in its venv at ``benchmarks/.envs/official-voice``, and the floor, raw
httpx2 doing the least any client must (upload, stream to the first full sentence, ask for its
speech). Figures:

- time to first audio: from ``pipeline.run(...)`` to the first audio event, with the server
  answering after 30 ms at each step and speaking at 4x real time (and, for reference, sending
  each sentence's audio at once);
- CPU per turn: the client process's CPU time per whole turn, with a server that does not wait.

See ``benchmarks/README.md`` for the results.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
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
SERVER = BENCHMARKS / "_voice_server_child.py"
CLIENT = BENCHMARKS / "_voice_client_child.py"
OFFICIAL_ENV = BENCHMARKS / ".envs" / "official-voice"
CHILD_TIMEOUT_SECONDS = 900
CLIENTS = ("ours", "official", "floor")
QUESTION = "What is the weather like in Oslo today?"
STEP_DELAY = 0.03
SCENARIOS: dict[str, dict[str, Any]] = {
    "paced": {
        "stt_delay": STEP_DELAY,
        "model_delay": STEP_DELAY,
        "tts_delay": STEP_DELAY,
        "pace": 4.0,
    },
    "burst": {
        "stt_delay": STEP_DELAY,
        "model_delay": STEP_DELAY,
        "tts_delay": STEP_DELAY,
        "pace": None,
    },
    "cpu": {"stt_delay": 0.0, "model_delay": 0.0, "tts_delay": 0.0, "pace": None},
}
# Targets: ours within 5 ms of the floor, and at most a third of the official SDK's time.
FLOOR_MARGIN_MS = 5.0
OFFICIAL_RATIO = 1 / 3


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _official_voice_python() -> Path:
    """The official SDK's venv, with the ``voice`` extra's numpy and websockets."""
    python = ensure_official_env(OFFICIAL_ENV)
    probe = subprocess.run(
        [str(python), "-c", "import numpy, websockets"],
        capture_output=True,
        env=child_environment(),
        check=False,
    )
    if probe.returncode != 0:
        uv = shutil.which("uv")
        if uv is None:
            raise RuntimeError("The benchmark needs `uv` on PATH to set up the official SDK.")
        subprocess.run(
            [
                uv,
                "pip",
                "install",
                "--quiet",
                "--python",
                str(python),
                "numpy>=2.2",
                "websockets>=15",
            ],
            check=True,
            env=child_environment(),
            timeout=600,
        )
    return python


def _question(folder: Path) -> Path:
    """The recorded question: espeak-ng's voice, as 24 kHz 16-bit PCM."""
    espeak = shutil.which("espeak-ng")
    if espeak is None:
        raise RuntimeError("The benchmark speaks with espeak-ng: apt-get install espeak-ng.")
    wav = folder / "question.wav"
    subprocess.run([espeak, "-v", "en-us", "-w", str(wav), QUESTION], check=True)
    from agents_voice import AudioInput

    pcm = folder / "question.pcm"
    pcm.write_bytes(AudioInput.from_file(wav).buffer.astype("<i2").tobytes())
    return pcm


def _start_server(latency: dict[str, Any]) -> tuple[subprocess.Popen[str], int]:
    server = subprocess.Popen(
        [sys.executable, str(SERVER), json.dumps(latency)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=child_environment(),
    )
    assert server.stdout is not None
    line = server.stdout.readline().split()
    if line[:1] != ["PORT"]:
        server.kill()
        raise RuntimeError(f"the fake server did not start: {line}")
    return server, int(line[1])


def _stop(server: subprocess.Popen[str]) -> None:
    assert server.stdin is not None
    server.stdin.close()
    server.wait(30)


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


def _measure(pythons: dict[str, Path], audio: Path, sizes: dict[str, int]) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for scenario, latency in SCENARIOS.items():
        server, port = _start_server(latency)
        try:
            for round_number in range(sizes["rounds"]):
                # Alternate the order so that drift in machine load touches every client alike.
                order = CLIENTS if round_number % 2 == 0 else tuple(reversed(CLIENTS))
                for client in order:
                    _log(f"  {scenario} round {round_number + 1}: {client}")
                    options = {
                        "client": client,
                        "port": port,
                        "audio": str(audio),
                        "runs": sizes["runs"],
                        "warmup": sizes["warmup"],
                    }
                    results.setdefault(f"{scenario}/{client}", []).append(
                        _run_client(pythons[client], options)
                    )
        finally:
            _stop(server)
    return results


def _figure(results: dict[str, Any], key: str, field: str) -> float:
    if field == "first_audio_ms":
        samples = [float(s) for run in results[key] for s in run["first_audio_samples_ms"]]
        return statistics.median(samples)
    return statistics.median(float(run[field]) for run in results[key])


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:.3g}" if value < 10 else f"{value:.1f}"


def _rows(results: dict[str, Any]) -> list[list[str]]:
    rows: list[list[str]] = []
    for scenario, title in (("paced", "paced speech (4x real time)"), ("burst", "speech at once")):
        first = {c: _figure(results, f"{scenario}/{c}", "first_audio_ms") for c in CLIENTS}
        ratio = first["ours"] / first["official"]
        over_floor = first["ours"] - first["floor"]
        targeted = scenario == "paced"
        rows.append(
            [
                f"time to first audio, {title}",
                "ms",
                _fmt(first["ours"]),
                _fmt(first["official"]),
                _fmt(first["floor"]),
                f"{ratio:.2f}",
                f"ours <= floor + {FLOOR_MARGIN_MS:g} ms, ours/official <= 0.33"
                if targeted
                else "",
                ("pass" if over_floor <= FLOOR_MARGIN_MS and ratio <= OFFICIAL_RATIO else "FAIL")
                if targeted
                else "",
            ]
        )
        rows.append(
            [
                f"  ours above the floor, {title}",
                "ms",
                f"{over_floor:+.2f}",
                f"{first['official'] - first['floor']:+.1f}",
                "",
                "",
                "",
                "",
            ]
        )
        turn = {c: _figure(results, f"{scenario}/{c}", "turn_ms") for c in CLIENTS}
        rows.append(
            [
                f"whole turn, {title}",
                "ms",
                _fmt(turn["ours"]),
                _fmt(turn["official"]),
                _fmt(turn["floor"]),
                f"{turn['ours'] / turn['official']:.2f}",
                "",
                "",
            ]
        )
    cpu = {c: _figure(results, f"cpu/{c}", "cpu_ms_per_turn") for c in CLIENTS}
    rows.append(
        [
            "CPU per turn (client process)",
            "ms",
            _fmt(cpu["ours"]),
            _fmt(cpu["official"]),
            _fmt(cpu["floor"]),
            f"{cpu['ours'] / cpu['official']:.2f}",
            "",
            "",
        ]
    )
    rows.append(
        [
            "  the pipeline's own CPU per turn (above the floor)",
            "ms",
            _fmt(cpu["ours"] - cpu["floor"]),
            _fmt(cpu["official"] - cpu["floor"]),
            "",
            f"{(cpu['ours'] - cpu['floor']) / (cpu['official'] - cpu['floor']):.2f}",
            "",
            "",
        ]
    )
    return rows


def _table(rows: list[list[str]]) -> str:
    header = ["Figure", "Unit", "Ours", "Official", "Floor", "Ours/official", "Target", "Result"]
    lines = ["| " + " | ".join(header) + " |", "|---|---|---:|---:|---:|---:|---|---|"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs: a smoke run")
    parser.add_argument("--json", type=Path, help="also write every figure and sample here")
    options = parser.parse_args()
    sizes = (
        {"rounds": 1, "runs": 10, "warmup": 2}
        if options.quick
        else {"rounds": 3, "runs": 30, "warmup": 5}
    )
    _log(f"Setting up {OFFICIAL_DISTRIBUTION}=={OFFICIAL_VERSION} with numpy and websockets ...")
    pythons = {
        "ours": Path(sys.executable),
        "official": _official_voice_python(),
        "floor": Path(sys.executable),
    }
    with tempfile.TemporaryDirectory() as folder:
        audio = _question(Path(folder))
        results = _measure(pythons, audio, sizes)
    rows = _rows(results)
    print(
        f"Voice turns against {OFFICIAL_DISTRIBUTION} {OFFICIAL_VERSION} "
        f"({platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores, {datetime.date.today()}; "
        f"{sizes['rounds']} x {sizes['runs']} turns per client and scenario)"
    )
    print(_table(rows))
    if options.json:
        options.json.write_text(
            json.dumps(
                {
                    "sizes": sizes,
                    "scenarios": SCENARIOS,
                    "results": results,
                    "load": os.getloadavg(),
                },
                indent=1,
            )
        )


if __name__ == "__main__":
    main()
