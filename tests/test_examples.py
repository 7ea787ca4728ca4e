"""Every example script runs to completion and prints what it promises."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run_example(name: str, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / name)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_quickstart() -> None:
    # As from a fresh clone with no key: the quickstart must run offline, against the fake server.
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    out = _run_example("quickstart.py", env)
    assert "running offline against scripted replies" in out
    assert "http://127.0.0.1:" in out
    assert "tool output: 25.50 EUR" in out
    assert "Plan for Oslo (18.5 °C)" in out
    assert "Budget: 25.50 EUR per meal." in out
    assert "Model calls: 2" in out
