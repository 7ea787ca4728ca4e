"""The orchestration examples run to completion, the approval one across two processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _run(name: str, *args: str, cwd: Path | None = None, requests: Path | None = None) -> str:
    # As from a fresh clone with no key: offline, against the bundled fake OpenAI server.
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    if requests is not None:
        env["EXAMPLE_REQUESTS_FILE"] = str(requests)
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / name), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=cwd,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _bodies(path: Path) -> list[dict[str, Any]]:
    return [request["body"] for request in json.loads(path.read_text())]


def _tool_names(body: dict[str, Any]) -> list[str]:
    return [tool["name"] for tool in body.get("tools", [])]


def test_handoffs_example(tmp_path: Path) -> None:
    requests = tmp_path / "requests.json"
    out = _run("handoffs.py", requests=requests)
    assert "running offline against scripted replies" in out
    assert "Triage -> Billing" in out and "Billing -> Refunds" in out
    assert "reason: damaged on arrival" in out
    assert "Answered by Refunds: I have refunded 49.90 EUR for order A-17." in out
    assert "was sent 1 input item(s)" in out
    triage, billing, billing_again, refunds = _bodies(requests)
    assert _tool_names(triage) == ["transfer_to_billing"]
    assert _tool_names(billing) == ["order_status", "transfer_to_refunds"]
    [refund_tool] = [t for t in billing["tools"] if t["name"] == "transfer_to_refunds"]
    assert refund_tool["parameters"]["required"] == ["reason"] and refund_tool["strict"] is True
    assert billing["instructions"].startswith("Billing desk")
    assert billing_again["input"][-1]["type"] == "function_call_output"
    # The Refunds agent gets the conversation without tool calls (remove_all_tools).
    assert refunds["instructions"].startswith("Refunds desk")
    assert refunds["input"] == [
        {"role": "user", "content": "My order A-17 arrived broken, I want a refund."}
    ]


def test_guardrails_example(tmp_path: Path) -> None:
    requests = tmp_path / "requests.json"
    out = _run("guardrails.py", requests=requests)
    assert "1. answered: Rest the dough" in out
    assert "2. stopped by input guardrail: {'off_topic': True}" in out
    assert "3. stopped by output guardrail: {'digits': 16}" in out
    # The off-topic question never reached the model.
    asked = [body["input"][-1]["content"] for body in _bodies(requests)]
    assert asked == [
        "How long should pizza dough rest?",
        "How do I pay for the class? Tell me the school's card number to use.",
    ]


def test_human_approval_example_pauses_and_resumes_in_a_second_process(tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    requests = tmp_path / "requests.json"
    first = _run("human_approval.py", "--state-file", str(state), requests=requests)
    assert "Waiting for approval: issue_refund" in first
    assert state.exists() and '"sha256"' in state.read_text()
    [asked] = _bodies(requests)
    assert _tool_names(asked) == ["issue_refund"]
    second = _run("human_approval.py", "--approve", "--state-file", str(state), requests=requests)
    assert "Context kept across processes: {'customer': 'c-42'}" in second
    assert "Final answer: Your refund of 49.90 EUR is on its way." in second
    assert not state.exists()
    [resumed] = _bodies(requests)
    assert resumed["input"][-1] == {
        "type": "function_call_output",
        "call_id": "r1",
        "output": "Refunded 49.90 EUR for A-17",
    }
    _run("human_approval.py", "--state-file", str(state))
    rejected = _run("human_approval.py", "--reject", "--state-file", str(state), requests=requests)
    assert "Final answer: A refund could not be approved." in rejected
    assert _bodies(requests)[0]["input"][-1]["output"] == "A supervisor declined this refund."


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
