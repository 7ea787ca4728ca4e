"""OpenAICompatibleProvider against the fake server set up like a limited compatible server:
it refuses strict schemas, parallel_tool_calls, usage in streams and the Responses API."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from pydantic import BaseModel

from agents_core import Agent, ModelSettings, Runner, UserError, function_tool
from agents_core.testing import function_call
from agents_extensions.models.openai_compatible import ModelProfile, OpenAICompatibleProvider
from agents_openai.testing import FakeOpenAIServer


def limited(spec: Callable[[str, Any], list[str]] | None) -> Callable[[str, Any], list[str]]:
    """A validator that refuses what many compatible servers do not support."""

    def validate(schema: str, body: Any) -> list[str]:
        errors = list(spec(schema, body)) if spec is not None else []
        if schema == "CreateResponse":
            errors.append("this server has no Responses API")
        if schema != "CreateChatCompletionRequest":
            return errors
        for tool in body.get("tools") or []:
            if tool["function"].get("strict"):
                errors.append(f"strict schemas are not supported ({tool['function']['name']})")
        if (body.get("response_format") or {}).get("json_schema", {}).get("strict"):
            errors.append("strict response_format is not supported")
        if "parallel_tool_calls" in body:
            errors.append("unknown field parallel_tool_calls")
        if "stream_options" in body:
            errors.append("unknown field stream_options")
        return errors

    return validate


@pytest.fixture
async def limited_server(spec_validator: Any) -> AsyncIterator[FakeOpenAIServer]:
    async with FakeOpenAIServer(validator=limited(spec_validator), require_api_key=False) as server:
        yield server


@function_tool
def weather(city: str) -> str:
    """The weather in a city."""
    return f"{city}: sunny"


class Forecast(BaseModel):
    city: str
    sky: str


def agent_on(provider: OpenAICompatibleProvider, name: str = "llama3.1:8b") -> Agent[Any]:
    helper = Agent(name="Helper", model=provider.get_model(name))
    return Agent(
        name="Forecaster",
        model=provider.get_model(name),
        tools=[weather],
        handoffs=[helper],
        output_type=Forecast,
        model_settings=ModelSettings(parallel_tool_calls=True),
    )


@pytest.mark.parametrize("streamed", [False, True])
async def test_requests_leave_out_what_the_server_refuses(
    limited_server: FakeOpenAIServer, streamed: bool
) -> None:
    provider = OpenAICompatibleProvider(base_url=limited_server.base_url)
    limited_server.add(
        [function_call("weather", {"city": "Oslo"}, call_id="c1")],
        '{"city": "Oslo", "sky": "sunny"}',
    )
    agent = agent_on(provider)
    if streamed:
        result: Any = Runner.run_streamed(agent, "Oslo?")
        async for _ in result.stream_events():
            pass
    else:
        result = await Runner.run(agent, "Oslo?")
    assert result.final_output == Forecast(city="Oslo", sky="sunny")
    assert limited_server.conformance_errors == []
    first, second = (request.json for request in limited_server.model_requests())
    assert [t["function"]["name"] for t in first["tools"]] == ["weather", "transfer_to_helper"]
    assert all(t["function"]["strict"] is False for t in first["tools"])
    assert first["response_format"]["json_schema"]["strict"] is False
    assert "parallel_tool_calls" not in first and "stream_options" not in first
    assert first.get("stream", False) is streamed
    assert second["messages"][-1] == {
        "role": "tool",
        "tool_call_id": "c1",
        "content": "Oslo: sunny",
    }
    assert limited_server.requests[0].path == "/v1/chat/completions"
    assert "authorization" in limited_server.requests[0].headers  # a placeholder bearer key
    await provider.aclose()


async def test_a_capable_model_gets_every_feature(
    openai_server: FakeOpenAIServer,
) -> None:
    capable = ModelProfile(strict_json_schema=True, parallel_tool_calls=True, usage_in_streams=True)
    provider = OpenAICompatibleProvider(
        base_url=openai_server.base_url,
        api_key=openai_server.api_key,
        profiles={"gpt-*": capable},
    )
    openai_server.add(
        [function_call("weather", {"city": "Oslo"}, call_id="c1")],
        '{"city": "Oslo", "sky": "sunny"}',
    )
    result = Runner.run_streamed(agent_on(provider, "gpt-4.1-mini"), "Oslo?")
    async for _ in result.stream_events():
        pass
    first = openai_server.model_requests()[0].json
    assert all(t["function"]["strict"] is True for t in first["tools"])
    assert first["parallel_tool_calls"] is True
    assert first["stream_options"] == {"include_usage": True}
    assert result.context_wrapper.usage.total_tokens > 0  # usage came at the end of the streams
    await provider.aclose()


def test_profiles_by_name_then_pattern_then_default() -> None:
    exact, pattern, default = (
        ModelProfile(strict_json_schema=True),
        ModelProfile(parallel_tool_calls=True),
        ModelProfile(usage_in_streams=True),
    )
    provider = OpenAICompatibleProvider(
        base_url="http://127.0.0.1:9/v1",
        profiles={"qwen2.5-72b": exact, "qwen*": pattern},
        default_profile=default,
        default_model="qwen2.5-7b",
    )
    assert provider.profile_for("qwen2.5-72b") is exact
    assert provider.profile_for("qwen2.5-7b") is pattern
    assert provider.profile_for("mistral") is default
    assert provider.get_model(None) is provider.get_model("qwen2.5-7b")
    assert (
        OpenAICompatibleProvider(base_url="http://127.0.0.1:9/v1").default_profile == ModelProfile()
    )


async def test_misuse_is_a_user_error(limited_server: FakeOpenAIServer) -> None:
    with pytest.raises(UserError, match="base_url"):
        OpenAICompatibleProvider()
    provider = OpenAICompatibleProvider(base_url=limited_server.base_url)
    with pytest.raises(UserError, match="default_model"):
        provider.get_model(None)
    agent = Agent(name="a", model=provider.get_model("m"))
    with pytest.raises(UserError, match="Responses API"):
        await Runner.run(agent, "hi", previous_response_id="resp_1")
    assert limited_server.requests == []  # refused before anything was sent
    await provider.aclose()
