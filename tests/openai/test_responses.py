"""``OpenAIResponsesModel`` through the real runner, against the fake server: ``/responses``."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import BaseModel

from agents_core import (
    Agent,
    ModelSettings,
    ModelTracing,
    Reasoning,
    ReasoningItem,
    RunConfig,
    Runner,
    ToolCallOutputItem,
    function_tool,
)
from agents_core.testing import function_call, reasoning
from agents_openai import OpenAIProvider, OpenAIResponsesModel
from agents_openai.testing import FakeOpenAIServer, ModelReply


class Trip(BaseModel):
    city: str
    days: int


@function_tool
def get_weather(city: str) -> str:
    """The weather in a city.

    Args:
        city: The city.
    """
    return f"Sunny in {city}"


def _body(server: FakeOpenAIServer, index: int = -1) -> dict[str, Any]:
    body: dict[str, Any] = server.model_requests()[index].json
    return body


async def test_one_turn_text(server: FakeOpenAIServer, provider: OpenAIProvider) -> None:
    server.add("Hello there.")
    agent = Agent(name="greeter", instructions="Be brief.", model=provider.get_model("gpt-4.1"))

    result = await Runner.run(agent, "Hi!")

    assert result.final_output == "Hello there."
    request = server.model_requests()[0]
    assert request.path == "/v1/responses"
    assert request.headers["authorization"] == f"Bearer {server.api_key}"
    assert request.headers["content-type"] == "application/json"
    assert _body(server) == {
        "model": "gpt-4.1",
        "input": [{"role": "user", "content": "Hi!"}],
        "instructions": "Be brief.",
        # Empty lists, as the official SDK sends them.
        "tools": [],
        "include": [],
    }
    assert result.raw_responses[0].request_id == "req_fake_1"
    assert result.last_response_id == result.raw_responses[0].response_id


async def test_tool_call_then_answer(server: FakeOpenAIServer, provider: OpenAIProvider) -> None:
    server.add(function_call("get_weather", {"city": "Oslo"}, call_id="call_1"), "It is sunny.")
    agent = Agent(name="w", model=provider.get_model("gpt-4.1"), tools=[get_weather])

    result = await Runner.run(agent, "Weather in Oslo?")

    assert result.final_output == "It is sunny."
    first, second = _body(server, 0), _body(server, 1)
    assert first["tools"] == [
        {
            "type": "function",
            "name": "get_weather",
            "description": "The weather in a city.",
            "parameters": get_weather.params_json_schema,
            "strict": True,
        }
    ]
    assert first["tools"][0]["parameters"]["additionalProperties"] is False
    assert [item.get("type") for item in second["input"]] == [
        None,
        "function_call",
        "function_call_output",
    ]
    assert second["input"][2] == {
        "type": "function_call_output",
        "call_id": "call_1",
        "output": "Sunny in Oslo",
    }
    outputs = [item for item in result.new_items if isinstance(item, ToolCallOutputItem)]
    assert [item.output for item in outputs] == ["Sunny in Oslo"]
    assert result.usage.requests == 2


async def test_structured_output_is_requested_strictly(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    server.add(json.dumps({"city": "Rome", "days": 3}))
    agent = Agent(name="planner", model=provider.get_model("gpt-4.1"), output_type=Trip)

    result = await Runner.run(agent, "Plan a trip")

    assert result.final_output == Trip(city="Rome", days=3)
    text_format = _body(server)["text"]["format"]
    assert text_format["type"] == "json_schema"
    assert text_format["name"] == "final_output"
    assert text_format["strict"] is True
    assert text_format["schema"]["required"] == ["city", "days"]
    assert text_format["schema"]["additionalProperties"] is False


async def test_settings_reasoning_and_request_options(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    server.add(ModelReply([reasoning("Thinking it over."), "Done."]))
    settings = ModelSettings(
        temperature=0.2,
        top_p=0.9,
        max_tokens=256,
        truncation="auto",
        reasoning=Reasoning(effort="low", summary="auto"),
        verbosity="low",
        metadata={"user": "u1"},
        store=False,
        response_include=["reasoning.encrypted_content"],
        top_logprobs=2,
        tool_choice="get_weather",
        parallel_tool_calls=False,
        extra_headers={"X-Trace": "t1"},
        extra_query={"debug": "1"},
        extra_body={"safety_identifier": "s1"},
    )
    agent = Agent(
        name="r",
        model=provider.get_model("o4-mini"),
        model_settings=settings,
        tools=[get_weather],
        reset_tool_choice=False,
    )

    result = await Runner.run(agent, "Think")

    assert result.final_output == "Done."
    body = _body(server)
    assert body["model"] == "o4-mini"
    assert body["temperature"] == 0.2 and body["top_p"] == 0.9
    assert body["max_output_tokens"] == 256 and body["truncation"] == "auto"
    assert body["reasoning"] == {"effort": "low", "summary": "auto"}
    assert body["text"] == {"verbosity": "low"}
    assert body["metadata"] == {"user": "u1"} and body["store"] is False
    assert body["include"] == ["reasoning.encrypted_content", "message.output_text.logprobs"]
    assert body["top_logprobs"] == 2
    assert body["tool_choice"] == {"type": "function", "name": "get_weather"}
    assert body["parallel_tool_calls"] is False
    assert body["safety_identifier"] == "s1"
    request = server.model_requests()[-1]
    assert request.headers["x-trace"] == "t1" and request.query == {"debug": "1"}
    reasoning_items = [item for item in result.new_items if isinstance(item, ReasoningItem)]
    assert reasoning_items[0].raw_item.summary[0].text == "Thinking it over."


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        ("auto", "auto"),
        ("required", "required"),
        ("none", "none"),
        ("web_search", {"type": "web_search"}),
        ("file_search", {"type": "file_search"}),
        ("get_weather", {"type": "function", "name": "get_weather"}),
        ({"type": "function", "name": "x"}, {"type": "function", "name": "x"}),
    ],
)
def test_tool_choice_mapping(choice: Any, expected: Any) -> None:
    from agents_openai._responses_request import responses_tool_choice

    assert responses_tool_choice(choice) == expected


async def test_usage_keeps_cached_and_reasoning_tokens(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    usage = {
        "input_tokens": 100,
        "input_tokens_details": {"cached_tokens": 60},
        "output_tokens": 40,
        "output_tokens_details": {"reasoning_tokens": 25},
        "total_tokens": 140,
    }
    server.add(ModelReply(["ok"], usage=usage), ModelReply(["ok"], usage=usage))
    agent = Agent(name="u", model=provider.get_model("gpt-4.1"))

    result = await Runner.run(agent, "hi")
    streamed = Runner.run_streamed(agent, "hi")
    async for _ in streamed.stream_events():
        pass

    for run_usage in (result.usage, streamed.usage):
        assert run_usage.requests == 1
        assert run_usage.input_tokens == 100 and run_usage.output_tokens == 40
        assert run_usage.input_tokens_details.cached_tokens == 60
        assert run_usage.output_tokens_details.reasoning_tokens == 25
        assert run_usage.total_tokens == 140
    assert result.raw_responses[0].raw_usage is None  # only with preserve_raw_usage


async def test_previous_response_id_sends_only_new_items(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    server.add(ModelReply(["first"], response_id="resp_a"))
    agent = Agent(name="c", model=provider.get_model("gpt-4.1"), tools=[get_weather])
    first = await Runner.run(agent, "one")
    server.add(
        ModelReply(
            [function_call("get_weather", {"city": "Oslo"}, call_id="c1")], response_id="resp_b"
        ),
        ModelReply(["second"], response_id="resp_c"),
    )

    second = await Runner.run(agent, "two", previous_response_id=first.last_response_id)

    assert second.final_output == "second"
    assert "previous_response_id" not in _body(server, 0)
    assert _body(server, 1)["previous_response_id"] == "resp_a"
    assert _body(server, 1)["input"] == [{"role": "user", "content": "two"}]
    # After a tool call only the tool's output goes back, continuing the newest response.
    assert _body(server, 2)["previous_response_id"] == "resp_b"
    assert [item["type"] for item in _body(server, 2)["input"]] == ["function_call_output"]


async def test_unknown_previous_response_is_a_bad_request(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    from agents_openai import BadRequestError

    agent = Agent(name="c", model=provider.get_model("gpt-4.1"))
    with pytest.raises(BadRequestError, match="resp_missing") as caught:
        await Runner.run(agent, "hi", previous_response_id="resp_missing")
    assert caught.value.param == "previous_response_id"
    assert len(server.model_requests()) == 1  # a 400 is never retried


async def test_conversation_id_continues_a_server_side_conversation(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    conversation = server.conversations.create([], None)["id"]
    server.add("Nice to meet you, Ada.", "Your name is Ada.")
    agent = Agent(name="c", model=provider.get_model("gpt-4.1"))

    await Runner.run(agent, "I am Ada.", conversation_id=conversation)
    result = await Runner.run(agent, "Who am I?", conversation_id=conversation)

    assert result.final_output == "Your name is Ada."
    assert _body(server, 1)["conversation"] == conversation
    assert _body(server, 1)["input"] == [{"role": "user", "content": "Who am I?"}]
    stored = server.conversations.items(conversation)
    assert [item["role"] for item in stored] == ["user", "assistant", "user", "assistant"]


async def test_prompt_reference_is_sent(server: FakeOpenAIServer, provider: OpenAIProvider) -> None:
    server.add("From the prompt.")
    model = provider.get_model("gpt-4.1")

    response = await model.get_response(
        None,
        "hi",
        ModelSettings(),
        [],
        None,
        [],
        ModelTracing.DISABLED,
        previous_response_id=None,
        conversation_id=None,
        prompt={"id": "pmpt_123", "version": "2", "variables": {"city": "Oslo"}},
    )

    assert response.output[0].type == "message"
    assert _body(server)["prompt"] == {
        "id": "pmpt_123",
        "version": "2",
        "variables": {"city": "Oslo"},
    }
    assert _body(server)["input"] == "hi"


async def test_run_config_model_name_resolves_through_the_provider(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    server.add("ok")
    agent = Agent(name="a", model="ignored-model")

    await Runner.run(
        agent, "hi", run_config=RunConfig(model="gpt-4.1-mini", model_provider=provider)
    )

    assert _body(server)["model"] == "gpt-4.1-mini"
    assert isinstance(provider.get_model("gpt-4.1-mini"), OpenAIResponsesModel)
    assert provider.get_model("gpt-4.1-mini") is provider.get_model("gpt-4.1-mini")


def test_run_sync_against_a_server_in_a_thread() -> None:
    with FakeOpenAIServer() as server:
        server.add("Synchronous hello.")
        # run_sync keeps its event loop (and pooled connections) for the thread; ask for no
        # keep-alive so no connection outlives the test.
        provider = server.provider(default_headers={"Connection": "close"})
        agent = Agent(name="s", model=provider.get_model("gpt-4.1"))
        result = Runner.run_sync(agent, "hi")
        assert result.final_output == "Synchronous hello."
        assert len(server.requests) == 1


async def test_agent_prompt_reference_is_sent(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    server.add("Filed.")
    agent = Agent(
        name="clerk",
        model=provider.get_model("gpt-4.1"),
        prompt={"id": "pmpt_abc", "version": "3", "variables": {"team": "billing"}},
    )
    await Runner.run(agent, "File this.")
    assert _body(server)["prompt"] == {
        "id": "pmpt_abc",
        "version": "3",
        "variables": {"team": "billing"},
    }
