"""The throw-away virtual environment that holds the official SDK (``openai-agents``).

Both libraries import as ``agents``, so they cannot share an interpreter: the official SDK lives in
``benchmarks/.envs/official`` (git-ignored), made with ``uv venv`` and ``uv pip install``, and is
reused while it still holds the pinned version. Other throw-away environments of the same version
with optional extras (``tests/compat`` needs the ones its modules import) are made the same way,
each in its own directory so the benchmarks' figures stay those of a plain install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

__all__ = (
    "OFFICIAL_DISTRIBUTION",
    "OFFICIAL_VERSION",
    "PYTHON_VERSION",
    "child_environment",
    "ensure_official_env",
    "official_python",
)

OFFICIAL_DISTRIBUTION = "openai-agents"
OFFICIAL_VERSION = "0.24.0"
PYTHON_VERSION = "3.11"

_BENCHMARKS = Path(__file__).resolve().parent
_ENV_DIR = _BENCHMARKS / ".envs" / "official"
_SETUP_TIMEOUT_SECONDS = 600


def official_python(env_dir: Path = _ENV_DIR) -> Path:
    """The interpreter of the official SDK's environment (it may not exist yet)."""
    return env_dir / "bin" / "python"


def child_environment() -> dict[str, str]:
    """The environment for child interpreters: ours, minus anything that would steer imports.

    ``uv run`` exports ``VIRTUAL_ENV`` for the workspace; a child of the official environment must
    not inherit it, nor a ``PYTHONPATH`` that could put one library in front of the other.
    """
    environment = dict(os.environ)
    for name in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONDONTWRITEBYTECODE"):
        environment.pop(name, None)
    environment["PYTHONHASHSEED"] = "0"
    return environment


def _installed_version(python: Path) -> str | None:
    if not python.exists():
        return None
    probe = subprocess.run(
        [
            str(python),
            "-c",
            f"import importlib.metadata as m; print(m.version({OFFICIAL_DISTRIBUTION!r}))",
        ],
        capture_output=True,
        text=True,
        env=child_environment(),
        timeout=60,
        check=False,
    )
    return probe.stdout.strip() if probe.returncode == 0 else None


def _uv() -> str:
    uv = shutil.which("uv")
    if uv is None:
        raise RuntimeError("The benchmarks need `uv` on PATH to build the official SDK's venv.")
    return uv


def _requirements(extras: Sequence[str], packages: Sequence[str]) -> list[str]:
    selected = f"[{','.join(extras)}]" if extras else ""
    return [f"{OFFICIAL_DISTRIBUTION}{selected}=={OFFICIAL_VERSION}", *packages]


def ensure_official_env(
    env_dir: Path = _ENV_DIR,
    *,
    extras: Sequence[str] = (),
    packages: Sequence[str] = (),
    log: bool = True,
) -> Path:
    """Create (or reuse, if it already holds the pinned version) the official SDK's venv.

    ``extras`` are the SDK's optional extras and ``packages`` further requirements to install
    with it; an environment is reused only if it was made with the same ones. Returns its
    interpreter.
    """
    python = official_python(env_dir)
    requirements = _requirements(extras, packages)
    stamp = env_dir / "agents-requirements.txt"
    recorded = stamp.read_text(encoding="utf-8").split() if stamp.exists() else None
    same_requirements = recorded == requirements or (
        recorded is None and not extras and not packages
    )
    if _installed_version(python) == OFFICIAL_VERSION and same_requirements:
        return python
    if log:
        print(f"Creating {env_dir} with {' '.join(requirements)} ...", flush=True)
    uv = _uv()
    environment = child_environment()
    subprocess.run(
        [uv, "venv", "--quiet", "--clear", "-p", PYTHON_VERSION, str(env_dir)],
        check=True,
        env=environment,
        timeout=_SETUP_TIMEOUT_SECONDS,
    )
    subprocess.run(
        [
            uv,
            "pip",
            "install",
            "--quiet",
            "--python",
            str(python),
            *requirements,
        ],
        check=True,
        env=environment,
        timeout=_SETUP_TIMEOUT_SECONDS,
    )
    installed = _installed_version(python)
    if installed != OFFICIAL_VERSION:
        raise RuntimeError(
            f"{env_dir} holds {OFFICIAL_DISTRIBUTION} {installed!r} after installing "
            f"{OFFICIAL_VERSION}."
        )
    stamp.write_text("\n".join(requirements) + "\n", encoding="utf-8")
    return python
