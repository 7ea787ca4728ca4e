"""The orchestration examples run to completion, the approval one across two processes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(name: str, *args: str, cwd: Path | None = None) -> str:
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / name), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=cwd,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_handoffs_example() -> None:
    out = _run("handoffs.py")
    assert "Triage -> Billing" in out and "Billing -> Refunds" in out
    assert "reason: damaged on arrival" in out
    assert "Answered by Refunds: I have refunded 49.90 EUR for order A-17." in out
    assert "saw 1 input item(s)" in out


def test_guardrails_example() -> None:
    out = _run("guardrails.py")
    assert "1. answered: Rest the dough" in out
    assert "2. stopped by input guardrail: {'off_topic': True}" in out
    assert "3. stopped by output guardrail: {'digits': 16}" in out


def test_human_approval_example_pauses_and_resumes_in_a_second_process(tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    first = _run("human_approval.py", "--state-file", str(state))
    assert "Waiting for approval: issue_refund" in first
    assert state.exists() and '"sha256"' in state.read_text()
    second = _run("human_approval.py", "--approve", "--state-file", str(state))
    assert "Context kept across processes: {'customer': 'c-42'}" in second
    assert "Final answer: Your refund of 49.90 EUR is on its way." in second
    assert not state.exists()
    _run("human_approval.py", "--state-file", str(state))
    rejected = _run("human_approval.py", "--reject", "--state-file", str(state))
    assert "Final answer: A refund could not be approved." in rejected


def test_mcp_filesystem_example(tmp_path: Path, npm_servers_installed: Path) -> None:
    (tmp_path / "todo.txt").write_text("water the plants\n")
    out = _run("mcp_filesystem.py", str(tmp_path))
    assert "filesystem tools" in out
    assert "[FILE] todo.txt" in out
    assert "water the plants" in out


def test_sessions_example_keeps_the_conversation_across_two_runs(tmp_path: Path) -> None:
    db = str(tmp_path / "conversation.db")
    first = _run("sessions.py", "--db", db)
    assert "History loaded from conversation.db: 0 item(s)" in first
    second = _run("sessions.py", "--db", db)
    assert "History loaded from conversation.db: 2 item(s)" in second
    assert "The model saw 3 input item(s)." in second
    assert "Assistant: Your name is Ada." in second
    assert "Conversation cleared." in _run("sessions.py", "--db", db, "--reset")
    assert "0 item(s)" in _run("sessions.py", "--db", db)


def test_replay_example_replays_offline_and_catches_divergence() -> None:
    out = _run("replay.py")
    assert "Recorded 2 model calls" in out
    assert "Replayed offline: 'Showers, 14 °C.'; identical items: True" in out
    assert "A changed input is caught: ReplayDivergenceError" in out
    assert '+      "content": "Weather in Oslo?",' in out
