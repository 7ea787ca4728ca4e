"""``OpenAIProvider`` and ``OpenAIClient``: settings from arguments or the environment, the
module-level defaults, the shared connection pool, and the facade's default provider."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx2
import pytest

import agents_openai._config as config
import agents_openai._tracing as tracing_export
from agents_core import Agent, RunConfig, Runner, UserError
from agents_core.models import get_default_model
from agents_openai import (
    OpenAIChatCompletionsModel,
    OpenAIClient,
    OpenAIProvider,
    OpenAIResponsesModel,
    set_default_openai_api,
    set_default_openai_base_url,
    set_default_openai_client,
    set_default_openai_key,
)
from agents_openai.testing import FakeOpenAIServer

ENV_NAMES = (
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "OPENAI_ORG_ID",
    "OPENAI_PROJECT_ID",
    "OPENAI_DEFAULT_MODEL",
)


@pytest.fixture(autouse=True)
def clean_defaults(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No OpenAI variables from the machine, and the module defaults restored afterwards."""
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    saved = (config._defaults.key, config._defaults.base_url, config._defaults.client)
    saved_api = config._defaults.api
    saved_export_key = tracing_export._default_key
    yield
    config._defaults.key, config._defaults.base_url, config._defaults.client = saved
    config._defaults.api = saved_api
    tracing_export._default_key = saved_export_key


async def test_settings_come_from_the_environment(
    server: FakeOpenAIServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", server.api_key)
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    monkeypatch.setenv("OPENAI_ORG_ID", "org-123")
    monkeypatch.setenv("OPENAI_PROJECT_ID", "proj_456")
    monkeypatch.setenv("OPENAI_DEFAULT_MODEL", "gpt-4.1-nano")
    server.add("from the environment")
    provider = OpenAIProvider()
    try:
        result = await Runner.run(
            Agent(name="e"), "hi", run_config=RunConfig(model_provider=provider)
        )
    finally:
        await provider.aclose()
    assert result.final_output == "from the environment"
    request = server.requests[0]
    assert request.headers["openai-organization"] == "org-123"
    assert request.headers["openai-project"] == "proj_456"
    assert request.json["model"] == "gpt-4.1-nano"


async def test_arguments_win_over_the_environment(
    server: FakeOpenAIServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-from-env")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    server.add("ok")
    provider = OpenAIProvider(
        api_key=server.api_key,
        base_url=server.base_url,
        organization="org-arg",
        default_headers={"X-Custom": "yes"},
        default_query={"api-version": "2025-04-01"},
    )
    try:
        await Runner.run(Agent(name="a", model=provider.get_model("gpt-4.1")), "hi")
    finally:
        await provider.aclose()
    request = server.requests[0]
    assert request.headers["authorization"] == f"Bearer {server.api_key}"
    assert request.headers["openai-organization"] == "org-arg"
    assert request.headers["x-custom"] == "yes"
    assert request.query == {"api-version": "2025-04-01"}


async def test_module_defaults_key_base_url_and_api(server: FakeOpenAIServer) -> None:
    set_default_openai_key(server.api_key)
    set_default_openai_base_url(server.base_url)
    set_default_openai_api("chat_completions")
    server.add("via defaults")
    provider = OpenAIProvider()
    try:
        model = provider.get_model("gpt-4o-mini")
        assert isinstance(model, OpenAIChatCompletionsModel)
        result = await Runner.run(Agent(name="d", model=model), "hi")
    finally:
        await provider.aclose()
    assert result.final_output == "via defaults"
    assert server.requests[0].path == "/v1/chat/completions"
    assert isinstance(OpenAIProvider(use_responses=True).get_model("x"), OpenAIResponsesModel)
    with pytest.raises(UserError):
        set_default_openai_api("completions")  # type: ignore[arg-type]
    with pytest.raises(UserError):
        set_default_openai_key("")


async def test_a_default_client_is_shared(server: FakeOpenAIServer) -> None:
    client = server.client()
    set_default_openai_client(client)
    assert OpenAIProvider().client is client
    assert tracing_export._default_key.value == server.api_key  # use_for_tracing=True
    assert OpenAIProvider(api_key="sk-own", base_url=server.base_url).client is not client
    server.add("shared")
    provider = OpenAIProvider()
    await Runner.run(Agent(name="s", model=provider.get_model("gpt-4.1")), "hi")
    await provider.aclose()  # leaves the shared default client alone
    assert not client.http_client().is_closed
    await client.aclose()


def test_a_client_of_another_kind_is_refused_at_once() -> None:
    attempts = (
        lambda: OpenAIProvider(openai_client=object()),
        lambda: OpenAIResponsesModel("m", object()),
        lambda: OpenAIChatCompletionsModel("m", "sk-a-key-is-no-client"),
        lambda: set_default_openai_client(object()),
    )
    for attempt in attempts:
        with pytest.raises(UserError, match=r"takes an agents_openai\.OpenAIClient or an openai"):
            attempt()
    assert config._defaults.client is None


def test_a_default_client_not_for_tracing_leaves_the_export_key(server: FakeOpenAIServer) -> None:
    tracing_export._default_key.value = None
    set_default_openai_client(server.client(), use_for_tracing=False)
    assert tracing_export._default_key.value is None


def test_a_missing_key_says_what_to_set() -> None:
    provider = OpenAIProvider()
    with pytest.raises(UserError, match="OPENAI_API_KEY"):
        provider.get_model("gpt-4.1")
    with pytest.raises(UserError, match="OPENAI_API_KEY"):
        Runner.run_sync(
            Agent(name="k", model="gpt-4.1"), "hi", run_config=RunConfig(model_provider=provider)
        )


async def test_a_compatible_server_needs_no_key(spec_validator: object) -> None:
    async with FakeOpenAIServer(require_api_key=False) as server:
        server.add("no key needed")
        provider = OpenAIProvider(base_url=server.base_url)
        try:
            result = await Runner.run(Agent(name="n", model=provider.get_model("llama3")), "hi")
        finally:
            await provider.aclose()
    assert result.final_output == "no key needed"
    assert "authorization" not in server.requests[0].headers
    assert not provider.client.has_api_key


def test_openai_client_and_settings_are_exclusive() -> None:
    with pytest.raises(UserError, match="not both"):
        OpenAIProvider(openai_client=OpenAIClient(api_key="sk-1"), api_key="sk-2")


async def test_connections_are_pooled_and_reused(server: FakeOpenAIServer) -> None:
    server.add(*["ok"] * 5)
    provider = server.provider()
    agent = Agent(name="p", model=provider.get_model("gpt-4.1"))
    for _ in range(5):
        await Runner.run(agent, "hi")
    http = provider.client.http_client()
    assert http is provider.client.http_client()
    await provider.aclose()
    assert http.is_closed
    assert len(server.requests) == 5


async def test_a_users_http_client_is_used_and_left_open(server: FakeOpenAIServer) -> None:
    server.add("through your client")
    async with httpx2.AsyncClient() as http:
        provider = server.provider(http_client=http)
        result = await Runner.run(Agent(name="h", model=provider.get_model("gpt-4.1")), "hi")
        await provider.aclose()
        assert not http.is_closed
    assert result.final_output == "through your client"


async def test_models_are_cached_per_name_and_api(server: FakeOpenAIServer) -> None:
    provider = server.provider()
    assert provider.get_model("a") is provider.get_model("a")
    assert provider.get_model("a") is not provider.get_model("b")
    assert provider.get_model(None).model == get_default_model()  # type: ignore[attr-defined]
    await provider.aclose()


FACADE_SCRIPT = """
import asyncio, os, sys
from agents import Agent, Runner, get_default_model_provider
from agents_openai.testing import FakeOpenAIServer

async def main():
    assert "agents_openai._provider" not in sys.modules
    async with FakeOpenAIServer() as server:
        os.environ["OPENAI_API_KEY"] = server.api_key
        os.environ["OPENAI_BASE_URL"] = server.base_url
        server.add("default provider works")
        result = await Runner.run(Agent(name="f", model="gpt-4.1"), "hi")
        await get_default_model_provider().aclose()
        print(result.final_output)

asyncio.run(main())
"""


def test_the_facade_makes_openai_the_default_provider() -> None:
    done = subprocess.run(
        [sys.executable, "-c", FACADE_SCRIPT],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).parent,
        env={k: v for k, v in os.environ.items() if k not in ENV_NAMES},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "default provider works"


def test_the_facade_reports_a_missing_key() -> None:
    script = (
        "from agents import Agent, Runner, UserError\n"
        "try:\n    Runner.run_sync(Agent(name='k', model='gpt-4.1'), 'hi')\n"
        "except UserError as e:\n    print(e)\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ENV_NAMES}
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert "OPENAI_API_KEY" in done.stdout, done.stderr
