"""MultiProvider: model names with a prefix, routed to providers, as the requests show."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from agents_core import Agent, Model, ModelProvider, RunConfig, Runner, UserError
from agents_core.testing import ScriptedModel
from agents_openai import MultiProvider, MultiProviderMap, OpenAIProvider
from agents_openai.testing import FakeOpenAIServer


def _multi(server: FakeOpenAIServer, api: str, **options: Any) -> MultiProvider:
    return MultiProvider(
        openai_api_key=server.api_key,
        openai_base_url=server.base_url,
        openai_use_responses=api == "responses",
        **options,
    )


@pytest.fixture
async def multi(server: FakeOpenAIServer, api: str) -> AsyncIterator[MultiProvider]:
    provider = _multi(server, api)
    yield provider
    await provider.aclose()


async def _sent_model(server: FakeOpenAIServer, provider: ModelProvider, name: str | None) -> str:
    server.add("ok")
    agent = Agent(name="a", model=name)
    await Runner.run(agent, "hi", run_config=RunConfig(model_provider=provider))
    model: str = server.model_requests()[-1].json["model"]
    return model


async def test_bare_and_openai_prefixed_names_go_to_openai(
    server: FakeOpenAIServer, multi: MultiProvider
) -> None:
    assert await _sent_model(server, multi, "gpt-4.1") == "gpt-4.1"
    assert await _sent_model(server, multi, "openai/gpt-4o-mini") == "gpt-4o-mini"
    assert multi.get_model("openai/gpt-4.1") is multi.get_model("gpt-4.1")


async def test_model_id_modes_send_the_whole_name(server: FakeOpenAIServer, api: str) -> None:
    provider = _multi(server, api, openai_prefix_mode="model_id", unknown_prefix_mode="model_id")
    try:
        assert await _sent_model(server, provider, "openai/gpt-4.1") == "openai/gpt-4.1"
        assert await _sent_model(server, provider, "openrouter/x/y") == "openrouter/x/y"
    finally:
        await provider.aclose()


class _Recording(ModelProvider):
    def __init__(self) -> None:
        self.asked: list[str | None] = []
        self.closed = 0

    def get_model(self, model_name: str | None) -> Model:
        self.asked.append(model_name)
        return ScriptedModel(["from my provider"])

    async def aclose(self) -> None:
        self.closed += 1


async def test_a_provider_map_routes_its_prefixes_first(server: FakeOpenAIServer, api: str) -> None:
    mine = _Recording()
    routes = MultiProviderMap()
    routes.add_provider("mine", mine)
    routes.add_provider("openai", mine)  # a mapped prefix wins over the built-in one
    provider = _multi(server, api, provider_map=routes)
    agent = Agent(name="a", model="mine/model-7")
    result = await Runner.run(agent, "hi", run_config=RunConfig(model_provider=provider))
    assert result.final_output == "from my provider"
    provider.get_model("openai/gpt-4.1")
    assert mine.asked == ["model-7", "gpt-4.1"]
    assert server.model_requests() == []
    routes.remove_provider("mine")
    assert not routes.has_prefix("mine") and routes.get_mapping() == {"openai": mine}
    await provider.aclose()
    assert mine.closed == 1  # once, though it serves two prefixes


def test_unknown_prefixes_and_modes_are_refused(server: FakeOpenAIServer) -> None:
    provider = _multi(server, "responses")
    with pytest.raises(UserError, match="unknown prefix 'acme/'"):
        provider.get_model("acme/model")
    with pytest.raises(UserError, match="any-llm provider"):
        provider.get_model("any-llm/openrouter/x")
    with pytest.raises(UserError, match="openai_prefix_mode"):
        MultiProvider(openai_prefix_mode="strip")  # type: ignore[arg-type]
    with pytest.raises(UserError, match="websocket transport"):
        MultiProvider(openai_use_responses_websocket=True)


def test_litellm_names_go_to_the_litellm_provider(server: FakeOpenAIServer) -> None:
    from agents_extensions.models.litellm_model import LitellmModel

    model = _multi(server, "responses").get_model("litellm/anthropic/claude-sonnet-4")
    assert isinstance(model, LitellmModel)
    assert model.model == "anthropic/claude-sonnet-4"


def test_the_openai_provider_is_configured_from_the_arguments() -> None:
    provider = MultiProvider(openai_api_key="sk-test", openai_base_url="http://127.0.0.1:9/v1")
    assert isinstance(provider.openai_provider, OpenAIProvider)
    assert provider.openai_provider.client.base_url == "http://127.0.0.1:9/v1"
