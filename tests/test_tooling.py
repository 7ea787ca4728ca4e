"""The codebase stays typed and lint-clean: mypy --strict and ruff run as part of the suite."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _check(*args: str) -> None:
    done = subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, f"{' '.join(args)}:\n{done.stdout}\n{done.stderr}"


@pytest.mark.timeout(600)
def test_mypy_strict() -> None:
    _check("mypy")


def test_ruff_lint() -> None:
    _check("ruff", "check", ".")


def test_ruff_format() -> None:
    _check("ruff", "format", "--check", ".")
