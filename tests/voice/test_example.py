"""``examples/voice_assistant.py`` answers a spoken question with a spoken answer, offline."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import soundfile  # type: ignore[import-untyped]  # no type information

from agents_voice import AudioInput

from .conftest import Say

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "voice_assistant.py"


def test_the_voice_assistant_answers_out_loud(tmp_path: Path, say: Say) -> None:
    question = tmp_path / "question.flac"
    soundfile.write(question, say("What is the weather in Oslo?").buffer, 24_000)
    answer = tmp_path / "answer.wav"
    # As from a fresh clone with no key: offline, against the fake server.
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    done = subprocess.run(
        [sys.executable, str(EXAMPLE), str(question), str(answer)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "running offline against a fake OpenAI server at http://127.0.0.1:" in out
    assert "speaks with espeak-ng" in out
    assert "Heard: What is the weather like in Oslo today?" in out
    assert "Answer: Right now in Oslo it is sunny and eighteen degrees." in out
    info = soundfile.info(answer)
    assert (info.samplerate, info.channels, info.subtype) == (24_000, 1, "PCM_16")
    # Three sentences of espeak-ng's speech: seconds of it, and loud.
    spoken = AudioInput.from_file(answer)
    assert spoken.duration > 4
    assert np.abs(spoken.buffer.astype(np.int32)).max() > 5000
