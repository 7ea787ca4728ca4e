"""The six distributions really are separate: built as wheels, installed alone, importable.

Each wheel is built from its own package (no workspace sources), installed into a fresh virtual
environment outside the workspace, imported, and, for ``agents-core``, its test suite is run
there with nothing but its own dependencies and the test tools installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = [
    "agents",
    "agents-core",
    "agents-openai",
    "agents-realtime",
    "agents-voice",
    "agents-extensions",
]
CORE_DEPENDENCIES = {
    "agents-core",
    "pydantic",
    "pydantic-core",
    "typing-extensions",
    "annotated-types",
    "typing-inspection",
    "structlog",
}
NETWORK_OR_AUDIO = {
    "httpx",
    "httpx2",
    "httpcore",
    "websockets",
    "soundfile",
    "numpy",
    "mcp",
    "openai",
}

pytestmark = pytest.mark.timeout(600)


def _uv() -> str:
    uv = shutil.which("uv")
    if uv is None:
        pytest.fail("uv is needed to build the distributions (the README's setup installs it)")
    return uv


def _run(*args: str | Path, cwd: Path | None = None) -> str:
    env = {
        k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "UV_PROJECT_ENVIRONMENT")
    }
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        pytest.fail(f"{' '.join(map(str, args))} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


@pytest.fixture(scope="module")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheels")
    _run(_uv(), "build", "--all-packages", "--no-sources", "--wheel", "--out-dir", out, cwd=ROOT)
    return out


def _pin_local(wheels: Path, *, skip: str = "") -> Path:
    # Unrelated projects publish "agents" and "agents-voice" on PyPI: every one of our names is
    # pinned to the wheel built here, so the registry can never stand in for it.
    overrides = wheels / "overrides.txt"
    lines = []
    for wheel in sorted(wheels.glob("*.whl")):
        name = wheel.name.split("-")[0].replace("_", "-")
        if name != skip:
            lines.append(f"{name} @ {wheel.as_uri()}")
    overrides.write_text("\n".join(lines) + "\n")
    return overrides


def _install(python: Path, wheels: Path, *requirements: str, skip: str = "") -> None:
    overrides = _pin_local(wheels, skip=skip)
    _run(_uv(), "pip", "install", "-q", "--python", python, "--override", overrides, *requirements)


def _venv(tmp_path: Path, wheels: Path, *requirements: str) -> Path:
    venv = tmp_path / "venv"
    _run(_uv(), "venv", "-q", "--python", sys.executable, venv)
    python = venv / "bin" / "python"
    _install(python, wheels, *requirements)
    return python


def _installed(python: Path) -> set[str]:
    listing = _run(
        python,
        "-c",
        "import importlib.metadata as m\n"
        "print('\\n'.join(d.metadata['Name'] for d in m.distributions()))",
    )
    return {name.strip().lower().replace("_", "-") for name in listing.split()}


def test_six_wheels_are_built(wheels: Path) -> None:
    names = sorted(p.name.split("-")[0] for p in wheels.glob("*.whl"))
    assert names == sorted(p.replace("-", "_") for p in PACKAGES)
    for wheel in wheels.glob("*.whl"):
        listing = _run(sys.executable, "-m", "zipfile", "-l", wheel)
        assert "py.typed" in listing, f"{wheel.name} ships no py.typed"


def test_core_installs_alone_with_few_dependencies(wheels: Path, tmp_path: Path) -> None:
    python = _venv(tmp_path, wheels, "agents-core")
    installed = _installed(python)
    assert installed <= CORE_DEPENDENCIES, installed - CORE_DEPENDENCIES
    assert len(installed) <= 8
    assert not installed & NETWORK_OR_AUDIO
    script = (
        "import asyncio\n"
        "from agents_core import Agent, Runner, function_tool\n"
        "from agents_core.testing import ScriptedModel, function_call\n"
        "@function_tool\n"
        "def double(x: int) -> int:\n"
        "    return 2 * x\n"
        "model = ScriptedModel([function_call('double', {'x': 21}, call_id='c'), 'forty-two'])\n"
        "result = Runner.run_sync(Agent(name='a', model=model, tools=[double]), 'go')\n"
        "print(result.final_output, result.new_items[1].output)\n"
    )
    assert _run(python, "-c", script).split() == ["forty-two", "42"]


def test_core_tests_pass_with_only_core_installed(wheels: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    _run(_uv(), "venv", "-q", "--python", sys.executable, venv)
    python = venv / "bin" / "python"
    core_wheel = next(wheels.glob("agents_core-*.whl"))
    # An override would drop the [mcp] extra, so core is named by its wheel directly.
    _install(
        python,
        wheels,
        f"agents-core[mcp] @ {core_wheel.as_uri()}",
        "pytest",
        "pytest-asyncio",
        "pytest-timeout",
        "hypothesis",
        skip="agents-core",
    )
    assert "mcp" in _installed(python)
    assert "agents" not in _installed(python)
    _run(
        python,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        str(ROOT / "tests" / "core"),
        cwd=ROOT,
    )


# The siblings a distribution may bring besides agents-core, and the third-party packages it must.
SIBLINGS_NEEDED = {"agents-voice": {"agents-openai"}}
THIRD_PARTY_NEEDED = {
    "agents-openai": {"httpx2"},
    "agents-voice": {"httpx2", "numpy", "soundfile", "websockets"},
}


@pytest.mark.parametrize(
    "package", ["agents-openai", "agents-realtime", "agents-voice", "agents-extensions"]
)
def test_each_sibling_installs_with_core_only(wheels: Path, tmp_path: Path, package: str) -> None:
    python = _venv(tmp_path, wheels, package)
    installed = _installed(python)
    assert {package, "agents-core"} <= installed
    siblings = {p for p in PACKAGES if p not in (package, "agents-core")}
    assert installed & siblings == SIBLINGS_NEEDED.get(package, set())
    assert THIRD_PARTY_NEEDED.get(package, set()) <= installed
    module = package.replace("-", "_")
    exported = _run(python, "-c", f"import {module}; print(len({module}.__all__))").strip()
    if package == "agents-extensions":
        # Its back ends are extras: none is installed, and using one names the extra to add.
        assert exported == "1"
        assert not installed & {"redis", "sqlalchemy", "cryptography", "litellm", "graphviz"}
        out = _run(
            python,
            "-c",
            "from agents_extensions.exceptions import MissingExtraError\n"
            "try:\n    from agents_extensions.memory import RedisSession\n"
            "except MissingExtraError as e:\n    print(e)",
        )
        assert "pip install 'agents-extensions[redis]'" in out
    elif package in THIRD_PARTY_NEEDED:
        assert int(exported) > 0
    else:
        assert exported == "0"


def test_voice_works_from_its_wheel(wheels: Path, tmp_path: Path) -> None:
    """The voice pipeline answers a recording with only agents-voice and its dependencies
    installed (soundfile's wheel brings libsndfile)."""
    python = _venv(tmp_path, wheels, "agents-voice")
    script = (
        "import asyncio, io\n"
        "import numpy as np\n"
        "from agents_voice import AudioInput, VoicePipeline, write_audio\n"
        "from agents_voice.testing import (ScriptedSTTModel, ScriptedTTSModel,\n"
        "    ScriptedVoiceWorkflow, pcm16_samples)\n"
        "async def main():\n"
        "    out = io.BytesIO()\n"
        "    write_audio(out, np.zeros(2400, np.int16), format='FLAC')\n"
        "    recording = AudioInput.from_file(out.getvalue())\n"
        "    pipeline = VoicePipeline(workflow=ScriptedVoiceWorkflow('Hello there.'),\n"
        "        stt_model=ScriptedSTTModel('hi'),\n"
        "        tts_model=ScriptedTTSModel([[pcm16_samples([1] * 240)]]))\n"
        "    result = await pipeline.run(recording)\n"
        "    print([getattr(e, 'event', e.type) async for e in result.stream()])\n"
        "asyncio.run(main())\n"
    )
    out = _run(python, "-c", script)
    assert out.split() == [
        "['turn_started',",
        "'voice_stream_event_audio',",
        "'turn_ended',",
        "'session_ended']",
    ]


def test_facade_installs_core_and_openai_and_extras_add_the_rest(
    wheels: Path, tmp_path: Path
) -> None:
    python = _venv(tmp_path, wheels, "agents")
    installed = _installed(python)
    assert {"agents", "agents-core", "agents-openai", "agents-extensions"} <= installed
    assert not installed & {"agents-realtime", "agents-voice", "redis", "sqlalchemy"}
    out = _run(
        python,
        "-c",
        "import agents\n"
        "from agents.extensions import ToolOutputTrimmer\n"
        "from agents.extensions.handoff_prompt import RECOMMENDED_PROMPT_PREFIX\n"
        "try:\n    import agents.voice\nexcept ModuleNotFoundError as e:\n    print(e)\n"
        "try:\n    from agents.extensions.memory import RedisSession\n    RedisSession\n"
        "except ImportError as e:\n    print(e)",
    )
    assert "pip install 'agents[voice]'" in out
    assert "redis" in out
    facade_wheel = next(wheels.glob("agents-*.whl"))
    # An override would drop the extra, so the facade is named by its wheel directly.
    _install(python, wheels, f"agents[all] @ {facade_wheel.as_uri()}", skip="agents")
    assert {"agents-realtime", "agents-voice", "agents-extensions"} <= _installed(python)
    _run(python, "-c", "import agents.realtime, agents.voice, agents.extensions")
