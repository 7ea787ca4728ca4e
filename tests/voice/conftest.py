"""Fixtures for the voice pipeline's tests: real speech, the fake OpenAI servers, tracing.

Speech is made by espeak-ng (``.ci/run`` installs it); without it these tests fail with a clear
message. With ``AGENTS_OPENAI_SPEC`` set (as ``.ci/run`` does), every body and frame the fake
servers receive and send is validated against OpenAI's spec and a violation fails the test.
"""

from __future__ import annotations

import asyncio
import hashlib
import importlib.util
import os
import shutil
import subprocess
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest

from agents_core import Model
from agents_core.tracing import Span, Trace, TracingProcessor, set_trace_processors
from agents_openai import OpenAIProvider, RetryPolicy
from agents_openai.testing import FakeOpenAIServer
from agents_voice import (
    AudioInput,
    OpenAIVoiceModelProvider,
    StreamedAudioResult,
    VoiceStreamEvent,
    VoiceStreamEventAudio,
    VoiceStreamEventLifecycle,
)
from agents_voice.testing import FakeTranscriptionServer

SPEC_ENV = "AGENTS_OPENAI_SPEC"
FAST_RETRIES = RetryPolicy(max_retries=2, initial_delay=0.001, max_delay=0.005)
STREAM_TIMEOUT = 30.0
"""Seconds a whole pipeline run may take in a test (most take well under one)."""

Validator = Callable[[str, Any], list[str]]
Say = Callable[[str], AudioInput]


@pytest.fixture(scope="session")
def spec_validator() -> Validator | None:
    """Validates a body against a named schema of OpenAI's spec; None when no spec is set."""
    spec_path = os.environ.get(SPEC_ENV)
    if not spec_path:
        return None
    path = Path(spec_path)
    script = path.with_name("validate_openai.py")
    if not path.is_file() or not script.is_file():
        raise RuntimeError(f"{SPEC_ENV}={spec_path!r}: expected validate_openai.py beside it.")
    spec = importlib.util.spec_from_file_location("validate_openai_voice", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.load_spec("default")
    errors_for: Callable[[Any, str], list[str]] = module.errors_for

    def validate(schema: str, body: Any) -> list[str]:
        errors: list[str] = errors_for(body, schema)
        return errors

    return validate


@pytest.fixture
async def server(spec_validator: Validator | None) -> AsyncIterator[FakeOpenAIServer]:
    """The fake OpenAI HTTP API (model, transcriptions, speech); its traffic must conform."""
    async with FakeOpenAIServer(validator=spec_validator) as fake:
        yield fake
    assert fake.conformance_errors == []


@pytest.fixture
async def transcription_server(
    server: FakeOpenAIServer, spec_validator: Validator | None
) -> AsyncIterator[FakeTranscriptionServer]:
    """The fake realtime transcription websocket; its frames must conform."""
    async with FakeTranscriptionServer(api_key=server.api_key, validator=spec_validator) as fake:
        yield fake
    assert fake.conformance_errors == []


@pytest.fixture
async def voice_provider(
    server: FakeOpenAIServer, transcription_server: FakeTranscriptionServer
) -> AsyncIterator[OpenAIVoiceModelProvider]:
    """OpenAI's speech models, pointed at the fake servers (retries without the waiting)."""
    provider = OpenAIVoiceModelProvider(
        openai_client=server.client(retry_policy=FAST_RETRIES),
        websocket_base_url=transcription_server.base_url,
    )
    yield provider
    await provider.aclose()


@pytest.fixture
async def model_provider(server: FakeOpenAIServer) -> AsyncIterator[OpenAIProvider]:
    """The OpenAI model provider the workflow's agent uses, pointed at the fake server."""
    provider = server.provider(retry_policy=FAST_RETRIES)
    yield provider
    await provider.aclose()


@pytest.fixture
def model(model_provider: OpenAIProvider) -> Model:
    """The agent's model: OpenAI's Responses API on the fake server."""
    return model_provider.get_model("gpt-4.1")


@pytest.fixture(scope="session")
def say(tmp_path_factory: pytest.TempPathFactory) -> Say:
    """Real speech: ``say(text)`` is espeak-ng saying it, as a 24 kHz ``AudioInput``."""
    espeak = shutil.which("espeak-ng")
    if espeak is None:
        pytest.fail(
            "The voice tests speak with espeak-ng: install it (apt-get install espeak-ng; "
            ".ci/run does)."
        )
    folder = tmp_path_factory.mktemp("speech")
    cache: dict[str, AudioInput] = {}

    def speak(text: str) -> AudioInput:
        if text not in cache:
            path = folder / f"{hashlib.sha1(text.encode()).hexdigest()}.wav"
            subprocess.run([espeak, "-v", "en-us", "-w", str(path), text], check=True, timeout=30)
            cache[text] = AudioInput.from_file(path)
        return cache[text]

    return speak


def silence(seconds: float) -> npt.NDArray[np.int16]:
    """Silence at 24 kHz."""
    return np.zeros(int(24_000 * seconds), dtype=np.int16)


async def collect(result: StreamedAudioResult) -> list[VoiceStreamEvent]:
    """Every event of a run (which must end within ``STREAM_TIMEOUT``)."""
    async with asyncio.timeout(STREAM_TIMEOUT):
        return [event async for event in result.stream()]


def lifecycle(events: list[VoiceStreamEvent]) -> list[str]:
    """The run's events in short: lifecycle names, ``audio`` (runs of audio folded into one)
    and ``error:<type>``."""
    names: list[str] = []
    for event in events:
        if isinstance(event, VoiceStreamEventAudio):
            name = "audio"
        elif isinstance(event, VoiceStreamEventLifecycle):
            name = event.event + (" (interrupted)" if event.interrupted else "")
        else:
            name = f"error:{type(event.error).__name__}"
        if not (name == "audio" and names and names[-1] == "audio"):
            names.append(name)
    return names


def audio_of(events: list[VoiceStreamEvent]) -> npt.NDArray[Any]:
    """All the audio of a run, joined."""
    parts = [e.data for e in events if isinstance(e, VoiceStreamEventAudio) and e.data is not None]
    if not parts:
        return np.zeros(0, dtype=np.int16)
    return np.concatenate([part.reshape(-1) for part in parts])


class SpanCollector(TracingProcessor):
    """Keeps every trace and span that ends."""

    def __init__(self) -> None:
        self.traces: list[Trace] = []
        self.spans: list[Span[Any]] = []

    def on_trace_start(self, trace: Trace) -> None:
        pass

    def on_trace_end(self, trace: Trace) -> None:
        self.traces.append(trace)

    def on_span_start(self, span: Span[Any]) -> None:
        pass

    def on_span_end(self, span: Span[Any]) -> None:
        self.spans.append(span)

    def of_kind(self, kind: str) -> list[dict[str, Any]]:
        """The exported spans of one voice kind (``sdk_span_type``), or of one span type."""
        exported = [span.export() for span in self.spans]
        return [
            item
            for item in exported
            if item is not None
            and (
                item["span_data"].get("data", {}).get("sdk_span_type") == kind
                or item["span_data"]["type"] == kind
            )
        ]


@pytest.fixture
def spans() -> Iterator[SpanCollector]:
    """Records the traces and spans of the test."""
    collector = SpanCollector()
    set_trace_processors([collector])
    yield collector
    set_trace_processors([])
