"""Fixtures for the OpenAI provider's tests: the fake server, checked against OpenAI's spec.

OpenAI's OpenAPI spec is not part of this repository. Point ``AGENTS_OPENAI_SPEC`` at a copy
of ``openai-openapi.yaml`` with ``validate_openai.py`` beside it (``.ci/run`` points it at
``../shared/reference/``): every request the provider sends, and every body and stream event the
fake server sends, is then validated, and a spec that cannot be loaded fails the run. Without
the variable the tests still run, and the summary says that conformance was not checked.
"""

from __future__ import annotations

import copy
import importlib.util
import os
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from agents_core import Model
from agents_openai import OpenAIProvider, RetryPolicy
from agents_openai.testing import FakeOpenAIServer

SPEC_ENV = "AGENTS_OPENAI_SPEC"

# Retries as in production, but without the waiting.
FAST_RETRIES = RetryPolicy(max_retries=2, initial_delay=0.001, max_delay=0.005)


class _Conformance:
    """What was validated this session, for the terminal summary."""

    checked = 0


def _load_validator(spec_path: str) -> Callable[[Any, str], list[str]]:
    path = Path(spec_path)
    script = path.with_name("validate_openai.py")
    if not path.is_file() or not script.is_file():
        raise RuntimeError(
            f"{SPEC_ENV}={spec_path!r}: expected openai-openapi.yaml with validate_openai.py "
            "beside it."
        )
    spec = importlib.util.spec_from_file_location("validate_openai", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if Path(module.SPEC_PATH).resolve() != path.resolve():
        raise RuntimeError(f"validate_openai.py reads {module.SPEC_PATH}, not {spec_path}.")
    module.load_spec("default")  # fail now, not in the middle of a test
    errors_for: Callable[[Any, str], list[str]] = module.errors_for
    return errors_for


def _without_spec_quirks(schema: str, body: Any) -> Any:
    """Adjust a request for two schemas of the spec that no client can satisfy.

    ``MCPApprovalResponse`` requires ``request_id`` and ``LocalShellToolCallOutput`` requires
    ``id``; neither is among the schema's properties (the properties are ``approval_request_id``
    and ``call_id``, which the API and OpenAI's own SDKs send). The missing fields are filled in
    from those before validating; everything else is checked as published.
    """
    if schema != "CreateResponse" or not isinstance(body.get("input"), list):
        return body
    adjusted = copy.deepcopy(body)
    for item in adjusted["input"]:
        if item.get("type") == "mcp_approval_response":
            item.setdefault("request_id", item.get("approval_request_id"))
        elif item.get("type") == "local_shell_call_output":
            item.setdefault("id", item.get("call_id"))
    return adjusted


@pytest.fixture(scope="session")
def spec_validator() -> Callable[[str, Any], list[str]] | None:
    """Validates a body against a named schema of OpenAI's spec; None when no spec is set."""
    spec_path = os.environ.get(SPEC_ENV)
    if not spec_path:
        return None
    errors_for = _load_validator(spec_path)

    def validate(schema: str, body: Any) -> list[str]:
        _Conformance.checked += 1
        errors: list[str] = errors_for(_without_spec_quirks(schema, body), schema)
        return errors

    return validate


@pytest.fixture
async def server(
    spec_validator: Callable[[str, Any], list[str]] | None,
) -> AsyncIterator[FakeOpenAIServer]:
    """A fake OpenAI server on 127.0.0.1 whose traffic must conform to the spec."""
    async with FakeOpenAIServer(validator=spec_validator) as fake:
        yield fake
    assert fake.conformance_errors == []


@pytest.fixture
async def provider(server: FakeOpenAIServer) -> AsyncIterator[OpenAIProvider]:
    """A provider pointed at the fake server (Responses API), closed after the test."""
    openai = server.provider(retry_policy=FAST_RETRIES)
    yield openai
    await openai.aclose()


@pytest.fixture
async def chat_provider(server: FakeOpenAIServer) -> AsyncIterator[OpenAIProvider]:
    """A provider pointed at the fake server that uses Chat Completions."""
    openai = server.provider(retry_policy=FAST_RETRIES, use_responses=False)
    yield openai
    await openai.aclose()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Say whether the OpenAI traffic of this run was checked against the spec."""
    if not os.environ.get(SPEC_ENV):
        terminalreporter.write_line(
            f"agents-openai: OpenAI spec conformance NOT checked ({SPEC_ENV} is not set; "
            ".ci/run sets it).",
            yellow=True,
        )
    else:
        terminalreporter.write_line(
            f"agents-openai: {_Conformance.checked} requests, bodies and events validated "
            f"against {os.environ[SPEC_ENV]}."
        )


@pytest.fixture(params=["responses", "chat"])
def api(request: pytest.FixtureRequest) -> str:
    """Each OpenAI API in turn: tests that take it run once through each."""
    name: str = request.param
    return name


@pytest.fixture
async def model(server: FakeOpenAIServer, api: str) -> AsyncIterator[Model]:
    """An OpenAI model on the fake server, through the API of the ``api`` fixture."""
    openai = server.provider(retry_policy=FAST_RETRIES, use_responses=api == "responses")
    yield openai.get_model("gpt-4.1")
    await openai.aclose()
