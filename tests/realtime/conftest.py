"""Fixtures for realtime tests: the fake Realtime server (checked against OpenAI's spec), real
speech made with espeak-ng, and helpers to read a session's events with a deadline.

As in ``tests/openai``, ``AGENTS_OPENAI_SPEC`` points at ``openai-openapi.yaml`` with
``validate_openai.py`` beside it (``.ci/run`` sets it): every frame the fake server receives is
then checked against ``RealtimeClientEvent`` and every frame it sends against
``RealtimeServerEvent``.
"""

from __future__ import annotations

import asyncio
import functools
import importlib.util
import os
import shutil
import subprocess
import tempfile
from collections.abc import AsyncIterator, Callable
from contextlib import aclosing
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile  # type: ignore[import-untyped]  # soundfile publishes no type information

from agents_realtime import RealtimeSession
from agents_realtime.testing import FakeRealtimeServer

SPEC_ENV = "AGENTS_OPENAI_SPEC"
RATE = 24_000


class _Conformance:
    checked = 0


@functools.cache
def _errors_for(spec_path: str) -> Callable[[Any, str], list[str]]:
    path = Path(spec_path)
    script = path.with_name("validate_openai.py")
    if not path.is_file() or not script.is_file():
        raise RuntimeError(
            f"{SPEC_ENV}={spec_path!r}: expected openai-openapi.yaml with validate_openai.py "
            "beside it."
        )
    spec = importlib.util.spec_from_file_location("validate_openai_realtime", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.load_spec("default")
    errors_for: Callable[[Any, str], list[str]] = module.errors_for
    return errors_for


@pytest.fixture(scope="session")
def spec_validator() -> Callable[[str, Any], list[str]] | None:
    """Validates a frame against a named schema of OpenAI's spec; None when no spec is set."""
    spec_path = os.environ.get(SPEC_ENV)
    if not spec_path:
        return None
    errors_for = _errors_for(spec_path)

    def validate(schema: str, body: Any) -> list[str]:
        _Conformance.checked += 1
        return errors_for(body, schema)

    return validate


@pytest.fixture
async def server(
    spec_validator: Callable[[str, Any], list[str]] | None,
) -> AsyncIterator[FakeRealtimeServer]:
    """A fake Realtime server on 127.0.0.1 whose traffic must conform to the spec."""
    async with FakeRealtimeServer(validator=spec_validator) as fake:
        yield fake
    assert fake.conformance_errors == []


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Say whether the realtime traffic of this run was checked against the spec."""
    if _Conformance.checked:
        terminalreporter.write_line(
            f"agents-realtime: {_Conformance.checked} realtime frames validated against "
            f"{os.environ.get(SPEC_ENV)}."
        )


# ---------------------------------------------------------------------------- speech


@functools.cache
def _speech_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="agents-realtime-speech-"))


@functools.cache
def speech(text: str) -> bytes:
    """``text`` spoken by espeak-ng, as PCM16 mono at 24 kHz (the Realtime API's format)."""
    espeak = shutil.which("espeak-ng")
    if espeak is None:
        pytest.fail(
            "These tests need Debian's espeak-ng for real speech (.ci/run installs it: "
            "apt-get install -y espeak-ng)."
        )
    wav = _speech_dir() / f"{abs(hash(text))}.wav"
    subprocess.run([espeak, "-v", "en-us", "-w", str(wav), text], check=True, timeout=30)
    samples, rate = soundfile.read(wav, dtype="float32")
    if samples.ndim > 1:
        samples = samples.mean(axis=1)
    positions = np.arange(0, len(samples) * RATE / rate) * rate / RATE
    resampled = np.interp(positions, np.arange(len(samples)), samples)
    pcm: bytes = (np.clip(resampled, -1, 1) * 32767).astype("<i2").tobytes()
    return pcm


def silence(ms: int) -> bytes:
    """``ms`` milliseconds of PCM16 silence at 24 kHz."""
    return bytes(2 * RATE * ms // 1000)


def chunks(audio: bytes, ms: int = 40) -> list[bytes]:
    """Audio cut into chunks of ``ms`` (as a microphone delivers it)."""
    size = 2 * RATE * ms // 1000
    return [audio[i : i + size] for i in range(0, len(audio), size)]


# ---------------------------------------------------------------------------- events


async def events_until(
    session: RealtimeSession,
    stop: Callable[[Any], bool],
    *,
    within: float = 10.0,
    skip_raw: bool = True,
) -> list[Any]:
    """The session's events up to and including the first for which ``stop`` holds."""
    seen: list[Any] = []
    async with asyncio.timeout(within), aclosing(session.__aiter__()) as events:
        async for event in events:
            if skip_raw and event.type == "raw_model_event":
                continue
            seen.append(event)
            if stop(event):
                return seen
    raise AssertionError(f"The session ended before the expected event; saw {types_of(seen)}")


def types_of(events: list[Any]) -> list[str]:
    """The ``type`` of each event."""
    return [event.type for event in events]


def nth(kind: str, count: int = 1) -> Callable[[Any], bool]:
    """A stop condition: the ``count``-th event of type ``kind``."""
    seen = 0

    def stop(event: Any) -> bool:
        nonlocal seen
        if event.type == kind:
            seen += 1
        return seen >= count

    return stop


class Watch:
    """Reads a session's events into ``seen`` (raw model events kept apart in ``raw``)."""

    def __init__(self, session: RealtimeSession) -> None:
        self.session = session
        self.seen: list[Any] = []
        self.raw: list[Any] = []

    def of(self, kind: str) -> list[Any]:
        """The events of one type seen so far."""
        return [event for event in self.seen if event.type == kind]

    async def until(self, kind: str, count: int = 1, *, within: float = 10.0) -> Any:
        """Read until ``count`` events of ``kind`` have been seen in all; return the last."""
        if len(self.of(kind)) < count:
            async with asyncio.timeout(within), aclosing(self.session.__aiter__()) as events:
                async for event in events:
                    if event.type == "raw_model_event":
                        self.raw.append(event)
                        continue
                    self.seen.append(event)
                    if event.type == kind and len(self.of(kind)) >= count:
                        break
                else:
                    raise AssertionError(f"The session ended; saw {types_of(self.seen)}")
        return self.of(kind)[count - 1]


class Realtime:
    """The helpers above, for the tests (fixture ``rt``)."""

    Watch = Watch

    speech = staticmethod(speech)
    silence = staticmethod(silence)
    chunks = staticmethod(chunks)
    until = staticmethod(events_until)
    types = staticmethod(types_of)
    nth = staticmethod(nth)
    RATE = RATE


@pytest.fixture
def rt() -> type[Realtime]:
    """Speech, audio chunks, and reading a session's events with a deadline."""
    return Realtime
