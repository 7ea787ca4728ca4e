"""The two surfaces to compare: the pinned official SDK's (cached) and ours (fresh every run).

The official surface comes from ``extract_surface.py`` run by the interpreter of a throw-away
environment, ``benchmarks/.envs/official-compat``, holding ``openai-agents`` with its extras that
are cheap and work offline, so that modules such as ``agents.extensions.memory.redis_session``
import and are described as they are. ``litellm`` (hundreds of megabytes) is left out: its
modules are read from source. The JSON is cached in ``tests/compat/.cache/`` (git-ignored) under
a key made of the pinned version, the extractor's source and the settings below, so it is only
made again when one of them changes.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.compat.extract_surface import Surface

ROOT = Path(__file__).resolve().parents[2]
# Run as a script (report.py) or by pytest, the workspace root may be missing from sys.path;
# the official environment's helper lives in benchmarks/ at that root.
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))

from benchmarks._official_env import (  # noqa: E402
    OFFICIAL_DISTRIBUTION,
    OFFICIAL_VERSION,
    child_environment,
    ensure_official_env,
)

__all__ = (
    "EXCLUDED",
    "OFFICIAL_EXTRAS",
    "OFFICIAL_LABEL",
    "official_surface",
    "our_surface",
)

OFFICIAL_LABEL = f"{OFFICIAL_DISTRIBUTION} {OFFICIAL_VERSION}"

# Trees of the official SDK that this project does not offer (or not yet: delete a line to have
# the tree compared). agents.testing.sandbox scripts the sandbox, so it goes with agents.sandbox.
EXCLUDED = (
    "agents.realtime",
    "agents.voice",
    "agents.sandbox",
    "agents.extensions.sandbox",
    "agents.extensions.experimental",
    "agents.responses_websocket_session",
    "agents.run_internal",
    "agents.util",
    "agents.testing.sandbox",
)

# The official SDK's extras whose modules we compare, all small and importable offline (the
# realtime and voice ones are there for when their trees leave EXCLUDED), plus aiosqlite, which
# agents.extensions.memory.async_sqlite_session imports though no extra installs it.
OFFICIAL_EXTRAS = (
    "any-llm",
    "dapr",
    "encrypt",
    "mongodb",
    "realtime",
    "redis",
    "sqlalchemy",
    "viz",
    "voice",
)
OFFICIAL_PACKAGES = ("aiosqlite",)

# The libraries whose classes count as "ours" when listing a class's members.
OUR_LIBRARY = (
    "agents",
    "agents_core",
    "agents_openai",
    "agents_realtime",
    "agents_voice",
    "agents_extensions",
)

EXTRACTOR = Path(__file__).with_name("extract_surface.py")
CACHE_DIR = Path(__file__).with_name(".cache")
ENV_DIR = ROOT / "benchmarks" / ".envs" / "official-compat"
_EXTRACT_TIMEOUT_SECONDS = 600


def _cache_key() -> str:
    settings = json.dumps([OFFICIAL_VERSION, EXCLUDED, OFFICIAL_EXTRAS, OFFICIAL_PACKAGES])
    digest = hashlib.sha256(EXTRACTOR.read_bytes() + settings.encode())
    return digest.hexdigest()[:12]


def _extract(python: str, arguments: list[str], environment: dict[str, str]) -> Surface:
    with tempfile.TemporaryDirectory() as directory:
        output = Path(directory) / "surface.json"
        done = subprocess.run(
            [python, "-W", "ignore", str(EXTRACTOR), *arguments, "--output", str(output)],
            capture_output=True,
            text=True,
            env=environment,
            timeout=_EXTRACT_TIMEOUT_SECONDS,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"{python} {EXTRACTOR.name} failed:\n{done.stderr[-4000:]}")
        surface: Surface = json.loads(output.read_text(encoding="utf-8"))
        return surface


def official_surface(*, log: bool = False) -> Surface:
    """The official SDK's surface, from the cache or made now (the first time: a few minutes)."""
    cached = CACHE_DIR / f"official-{OFFICIAL_VERSION}-{_cache_key()}.json"
    if cached.exists():
        surface: Surface = json.loads(cached.read_text(encoding="utf-8"))
        return surface
    python = ensure_official_env(
        ENV_DIR, extras=OFFICIAL_EXTRAS, packages=OFFICIAL_PACKAGES, log=log
    )
    arguments = ["--root", "agents", "--library", "agents"]
    for tree in EXCLUDED:
        arguments += ["--exclude", tree]
    surface = _extract(str(python), arguments, child_environment())
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(f".{os.getpid()}.tmp")
    partial.write_text(json.dumps(surface), encoding="utf-8")
    partial.replace(cached)  # atomic: a concurrent run never reads half a file
    return surface


def our_surface(official: Surface) -> Surface:
    """Our facade's surface: the official modules and names looked up in ours, and our own."""
    with tempfile.TemporaryDirectory() as directory:
        request = Path(directory) / "official.json"
        request.write_text(json.dumps(official), encoding="utf-8")
        arguments = ["--root", "agents", "--request", str(request)]
        for library in OUR_LIBRARY:
            arguments += ["--library", library]
        return _extract(sys.executable, arguments, dict(os.environ))
