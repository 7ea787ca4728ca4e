"""The default model and the settings each model starts with, as sent on both APIs."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from agents_core import Agent, ModelSettings, Prompt, RunConfig, Runner
from agents_core.model_settings import Reasoning
from agents_core.models import get_default_model
from agents_openai import OpenAIProvider
from agents_openai.testing import FakeOpenAIServer

from .conftest import FAST_RETRIES


@pytest.fixture
async def provider_for_api(server: FakeOpenAIServer, api: str) -> AsyncIterator[OpenAIProvider]:
    openai = server.provider(retry_policy=FAST_RETRIES, use_responses=api == "responses")
    yield openai
    await openai.aclose()


def _sent(body: dict[str, Any], api: str) -> tuple[str, str | None, str | None]:
    """The model, reasoning effort and verbosity of a request body."""
    if api == "responses":
        effort = (body.get("reasoning") or {}).get("effort")
        verbosity = (body.get("text") or {}).get("verbosity")
    else:
        effort = body.get("reasoning_effort")
        verbosity = body.get("verbosity")
    return body["model"], effort, verbosity


async def _run(
    server: FakeOpenAIServer, provider: OpenAIProvider, agent: Agent[Any], **config: Any
) -> dict[str, Any]:
    server.add("ok")
    await Runner.run(agent, "hi", run_config=RunConfig(model_provider=provider, **config))
    body: dict[str, Any] = server.model_requests()[-1].json
    return body


async def test_an_agent_naming_no_model_sends_the_default_model_and_its_settings(
    server: FakeOpenAIServer,
    provider_for_api: OpenAIProvider,
    api: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("OPENAI_DEFAULT_MODEL", raising=False)
    body = await _run(server, provider_for_api, Agent(name="a"))
    assert _sent(body, api) == ("gpt-5.6-luna", "none", "low")


async def test_a_named_model_outside_gpt_5_sends_no_reasoning(
    server: FakeOpenAIServer, provider_for_api: OpenAIProvider, api: str
) -> None:
    body = await _run(server, provider_for_api, Agent(name="a", model="gpt-4.1"))
    assert _sent(body, api) == ("gpt-4.1", None, None)


async def test_gpt_5_starts_at_low_effort(
    server: FakeOpenAIServer, provider_for_api: OpenAIProvider, api: str
) -> None:
    body = await _run(server, provider_for_api, Agent(name="a", model="gpt-5-2025-08-07"))
    assert _sent(body, api) == ("gpt-5-2025-08-07", "low", "low")


async def test_the_run_model_replaces_the_agents_starting_settings(
    server: FakeOpenAIServer, provider_for_api: OpenAIProvider, api: str
) -> None:
    body = await _run(server, provider_for_api, Agent(name="a"), model="gpt-4o")
    assert _sent(body, api) == ("gpt-4o", None, None)
    body = await _run(
        server, provider_for_api, Agent(name="a", model="gpt-4.1"), model="gpt-5.4-pro"
    )
    assert _sent(body, api) == ("gpt-5.4-pro", "medium", "low")


async def test_settings_the_agent_chose_are_kept_when_the_run_changes_the_model(
    server: FakeOpenAIServer, provider_for_api: OpenAIProvider, api: str
) -> None:
    agent = Agent(
        name="a", model_settings=ModelSettings(reasoning=Reasoning(effort="high"), verbosity="high")
    )
    body = await _run(server, provider_for_api, agent, model="gpt-5.2")
    assert _sent(body, api) == ("gpt-5.2", "high", "high")


async def test_the_environment_chooses_the_default_model(
    server: FakeOpenAIServer,
    provider_for_api: OpenAIProvider,
    api: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OPENAI_DEFAULT_MODEL", "GPT-4o-mini")
    assert get_default_model() == "gpt-4o-mini"
    body = await _run(server, provider_for_api, Agent(name="a"))
    assert _sent(body, api) == ("gpt-4o-mini", None, None)


async def test_a_stored_prompt_chooses_the_model_when_the_agent_names_none(
    server: FakeOpenAIServer,
) -> None:
    provider = server.provider(retry_policy=FAST_RETRIES)
    try:
        prompt: Prompt = {"id": "pmpt_123", "version": "2"}
        implicit = await _run(server, provider, Agent(name="a", prompt=prompt))
        assert "model" not in implicit and implicit["prompt"] == prompt
        named = await _run(server, provider, Agent(name="a", prompt=prompt, model="gpt-4.1"))
        assert named["model"] == "gpt-4.1"
        # Without a prompt the default model is named as usual.
        plain = await _run(server, provider, Agent(name="a"))
        assert plain["model"] == get_default_model()
    finally:
        await provider.aclose()
