"""The Redis and PostgreSQL examples hold one conversation across two processes, offline."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def run_example(name: str, **environment: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / name)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**env, **environment},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def check_two_processes(out: str, store: str) -> None:
    assert "offline, with the fake OpenAI server at http://127.0.0.1:" in out
    assert f"Assistant: Noted! (2 items in {store})" in out
    assert f"Assistant: Your favourite city is Lisbon. (4 items in {store})" in out
    pids = set(re.findall(r"\[process (\d+)\]", out))
    assert len(pids) == 2, out


def test_redis_example(redis_url: str) -> None:
    check_two_processes(run_example("redis_session.py", REDIS_URL=redis_url), "Redis")


def test_postgres_example(postgres_url: str) -> None:
    check_two_processes(run_example("postgres_session.py", DATABASE_URL=postgres_url), "PostgreSQL")


@pytest.mark.parametrize(
    ("name", "variable"),
    [("redis_session.py", "REDIS_URL"), ("postgres_session.py", "DATABASE_URL")],
)
def test_examples_say_what_they_need(name: str, variable: str) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL")}
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / name)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )
    assert done.returncode != 0 and variable in done.stderr
