"""Every example script runs to completion and prints what it promises."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run_example(name: str) -> str:
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / name)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_quickstart() -> None:
    out = _run_example("quickstart.py")
    assert "offline" in out
    assert "tool output: 25.50 EUR" in out
    assert "Plan for Oslo (18.5 °C)" in out
    assert "Model calls: 2" in out
