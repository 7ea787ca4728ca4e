"""``examples/realtime_cli.py`` holds a text and an audio conversation, offline."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import soundfile  # type: ignore[import-untyped]  # soundfile publishes no type information

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "realtime_cli.py"

pytestmark = pytest.mark.timeout(120)


def _run(*args: str) -> str:
    # As from a fresh clone with no key: the example must run offline, against the fake server.
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    done = subprocess.run(
        [sys.executable, str(EXAMPLE), *args],
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_text_conversation_with_a_tool_and_a_handoff() -> None:
    out = _run()
    assert "running offline against the fake server at ws://127.0.0.1:" in out
    assert '[tool] get_weather({"city": "Bergen"})' in out
    assert "Assistant: It is sunny and 18 °C in Bergen." in out
    assert "[handoff] Assistant -> Booking agent" in out
    assert "Booking agent: Done: table for 2 at 19:00, booking B-102." in out


def test_an_audio_conversation_from_a_wav_file(tmp_path: Path) -> None:
    espeak = shutil.which("espeak-ng")
    if espeak is None:
        pytest.fail("This test needs Debian's espeak-ng (.ci/run installs it).")
    question, answer = tmp_path / "question.wav", tmp_path / "answer.wav"
    subprocess.run([espeak, "-v", "en-us", "-w", str(question), "Weather in Oslo?"], check=True)
    out = _run("--wav", str(question), "--out", str(answer))
    assert "(the server heard: 'What is the weather in Oslo?')" in out
    assert "Assistant: It is sunny and 18 °C in Oslo." in out
    samples, rate = soundfile.read(answer)
    assert rate == 24_000 and len(samples) / rate > 0.5
    assert abs(samples).max() > 0.05  # an answer, not silence
