"""``OpenAIChatCompletionsModel``: Responses-shaped items to chat messages and back, JSON and
streamed, so a chat-only server works with every core feature."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import BaseModel

from agents_core import (
    Agent,
    ModelSettings,
    RawResponsesStreamEvent,
    Reasoning,
    RunItemStreamEvent,
    Runner,
    UserError,
    function_tool,
)
from agents_core.testing import function_call, reasoning
from agents_openai import OpenAIChatCompletionsModel, OpenAIProvider, WebSearchTool
from agents_openai._chat_request import chat_messages
from agents_openai.exceptions import APIResponseValidationError, StreamInterruptedError
from agents_openai.stream_events import ResponseTextDeltaEvent
from agents_openai.testing import FakeOpenAIServer, Gate, ModelReply, RawReply, StreamReply


class Answer(BaseModel):
    value: int


@function_tool
def add(a: int, b: int) -> int:
    """Add two numbers."""
    return a + b


def _body(server: FakeOpenAIServer, index: int = -1) -> dict[str, Any]:
    body: dict[str, Any] = server.model_requests()[index].json
    return body


async def test_tool_call_round_trip(
    server: FakeOpenAIServer, chat_provider: OpenAIProvider
) -> None:
    server.add(function_call("add", {"a": 2, "b": 3}, call_id="call_9"), "It is 5.")
    model = chat_provider.get_model("gpt-4o-mini")
    assert isinstance(model, OpenAIChatCompletionsModel)
    agent = Agent(name="calc", instructions="Use tools.", model=model, tools=[add])

    result = await Runner.run(agent, "2+3?")

    assert result.final_output == "It is 5."
    first, second = _body(server, 0), _body(server, 1)
    assert server.model_requests()[0].path == "/v1/chat/completions"
    assert first["messages"] == [
        {"role": "system", "content": "Use tools."},
        {"role": "user", "content": "2+3?"},
    ]
    assert first["tools"] == [
        {
            "type": "function",
            "function": {
                "name": "add",
                "description": "Add two numbers.",
                "parameters": add.params_json_schema,
                "strict": True,
            },
        }
    ]
    assert second["messages"][2:] == [
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_9",
                    "type": "function",
                    "function": {"name": "add", "arguments": '{"a": 2, "b": 3}'},
                }
            ],
        },
        {"role": "tool", "tool_call_id": "call_9", "content": "5"},
    ]
    assert result.usage.requests == 2 and result.usage.input_tokens == 24


async def test_structured_output_uses_response_format(
    server: FakeOpenAIServer, chat_provider: OpenAIProvider
) -> None:
    server.add(json.dumps({"value": 7}))
    agent = Agent(name="j", model=chat_provider.get_model("gpt-4o-mini"), output_type=Answer)

    result = await Runner.run(agent, "seven")

    assert result.final_output == Answer(value=7)
    response_format = _body(server)["response_format"]
    assert response_format["type"] == "json_schema"
    assert response_format["json_schema"]["name"] == "final_output"
    assert response_format["json_schema"]["strict"] is True
    assert response_format["json_schema"]["schema"]["required"] == ["value"]


async def test_settings_map_to_chat_parameters(
    server: FakeOpenAIServer, chat_provider: OpenAIProvider
) -> None:
    server.add("ok")
    settings = ModelSettings(
        temperature=0.1,
        top_p=0.5,
        frequency_penalty=0.2,
        presence_penalty=0.3,
        max_tokens=50,
        tool_choice="add",
        parallel_tool_calls=True,
        reasoning=Reasoning(effort="low"),
        top_logprobs=3,
        extra_body={"seed": 42},
    )
    agent = Agent(
        name="s", model=chat_provider.get_model("gpt-4o-mini"), model_settings=settings, tools=[add]
    )

    await Runner.run(agent, "hi")

    body = _body(server)
    assert body["temperature"] == 0.1 and body["top_p"] == 0.5
    assert body["frequency_penalty"] == 0.2 and body["presence_penalty"] == 0.3
    assert body["max_tokens"] == 50
    assert body["tool_choice"] == {"type": "function", "function": {"name": "add"}}
    assert body["parallel_tool_calls"] is True
    assert body["reasoning_effort"] == "low"
    assert body["logprobs"] is True and body["top_logprobs"] == 3
    assert body["seed"] == 42


async def test_streamed_chat_becomes_responses_events_with_usage(
    server: FakeOpenAIServer, chat_provider: OpenAIProvider
) -> None:
    usage = {
        "input_tokens": 30,
        "input_tokens_details": {"cached_tokens": 10},
        "output_tokens": 9,
        "output_tokens_details": {"reasoning_tokens": 4},
    }
    server.add(
        ModelReply([function_call("add", {"a": 1, "b": 1}, call_id="c1")], usage=usage),
        ModelReply(["One plus one is two."], usage=usage),
    )
    agent = Agent(name="s", model=chat_provider.get_model("gpt-4o-mini"), tools=[add])

    result = Runner.run_streamed(agent, "1+1")
    events = [event async for event in result.stream_events()]

    body = _body(server, 0)
    assert body["stream"] is True and body["stream_options"] == {"include_usage": True}
    types = [e.data.type for e in events if isinstance(e, RawResponsesStreamEvent)]
    assert types.count("response.created") == 2 and types.count("response.completed") == 2
    assert "response.function_call_arguments.delta" in types
    assert "response.output_text.delta" in types
    deltas = [
        e.data.delta
        for e in events
        if isinstance(e, RawResponsesStreamEvent) and isinstance(e.data, ResponseTextDeltaEvent)
    ]
    assert "".join(deltas) == "One plus one is two."
    for event in events:
        if isinstance(event, RawResponsesStreamEvent):
            # Text deltas are built without validation on the hot path: they must be exactly
            # what validation would have produced.
            data = event.data
            validated = type(data).model_validate(data.model_dump())
            assert data == validated
            if isinstance(data, ResponseTextDeltaEvent):
                assert data.model_fields_set == validated.model_fields_set
                assert data.model_dump_json() == validated.model_dump_json()
    named = [e.name for e in events if isinstance(e, RunItemStreamEvent)]
    assert named == ["tool_called", "tool_output", "message_output_created"]
    assert result.final_output == "One plus one is two."
    assert result.usage.input_tokens == 60 and result.usage.output_tokens == 18
    assert result.usage.input_tokens_details.cached_tokens == 20
    assert result.usage.output_tokens_details.reasoning_tokens == 8


@pytest.mark.timeout(20)
async def test_chat_deltas_are_surfaced_before_the_rest_of_the_stream_arrives(
    server: FakeOpenAIServer, chat_provider: OpenAIProvider
) -> None:
    gate = Gate()
    server.add(ModelReply("alpha beta gamma", pause_after=2, gate=gate))  # role chunk, "alpha "
    agent = Agent(name="s", model=chat_provider.get_model("gpt-4o-mini"))

    result = Runner.run_streamed(agent, "go")
    async for event in result.stream_events():
        data = event.data if isinstance(event, RawResponsesStreamEvent) else None
        if isinstance(data, ResponseTextDeltaEvent) and not gate.is_open:
            assert data.delta == "alpha "
            gate.open()  # without it the server would never send the rest

    assert result.final_output == "alpha beta gamma"


async def test_chat_stream_without_usage_when_switched_off(
    server: FakeOpenAIServer, chat_provider: OpenAIProvider
) -> None:
    server.add("hi")
    agent = Agent(
        name="s",
        model=chat_provider.get_model("gpt-4o-mini"),
        model_settings=ModelSettings(include_usage=False),
    )

    result = Runner.run_streamed(agent, "hi")
    async for _ in result.stream_events():
        pass

    assert "stream_options" not in _body(server)
    assert result.final_output == "hi"
    assert result.usage.requests == 1 and result.usage.input_tokens == 0


async def test_chat_stream_cut_before_done_is_an_interrupted_stream(
    server: FakeOpenAIServer, chat_provider: OpenAIProvider
) -> None:
    server.add(ModelReply("one two three four", cut_after=3))
    agent = Agent(name="s", model=chat_provider.get_model("gpt-4o-mini"))

    result = Runner.run_streamed(agent, "count")
    with pytest.raises(StreamInterruptedError):
        async for _ in result.stream_events():
            pass
    assert len(server.model_requests()) == 1


async def test_chat_stream_ending_cleanly_without_a_finish_is_interrupted(
    server: FakeOpenAIServer, chat_provider: OpenAIProvider
) -> None:
    chunk = {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "m",
        "choices": [
            {"index": 0, "delta": {"content": "Hi"}, "logprobs": None, "finish_reason": None}
        ],
    }
    server.add(StreamReply([chunk]))
    agent = Agent(name="s", model=chat_provider.get_model("gpt-4o-mini"))

    with pytest.raises(StreamInterruptedError, match="DONE"):
        result = Runner.run_streamed(agent, "hi")
        async for _ in result.stream_events():
            pass


async def test_a_chunk_with_non_text_content_is_a_validation_error(
    server: FakeOpenAIServer, chat_provider: OpenAIProvider
) -> None:
    chunk = {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "m",
        "choices": [
            {"index": 0, "delta": {"content": 42}, "logprobs": None, "finish_reason": None}
        ],
    }
    server.add(StreamReply([json.dumps(chunk).join(["data: ", "\n\n"])], done=True))
    agent = Agent(name="s", model=chat_provider.get_model("gpt-4o-mini"))

    result = Runner.run_streamed(agent, "hi")
    with pytest.raises(APIResponseValidationError, match="where text belongs") as caught:
        async for _ in result.stream_events():
            pass
    assert caught.value.request_id == "req_fake_1"


async def test_reasoning_content_of_compatible_servers_becomes_a_reasoning_item(
    server: FakeOpenAIServer, chat_provider: OpenAIProvider
) -> None:
    body = {
        "id": "chatcmpl-r",
        "object": "chat.completion",
        "created": 1,
        "model": "deepseek-reasoner",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": "42", "reasoning_content": "6 x 7"},
                "finish_reason": "stop",
            }
        ],
    }
    server.add(RawReply(json.dumps(body)))
    agent = Agent(name="r", model=chat_provider.get_model("deepseek-reasoner"))

    result = await Runner.run(agent, "?")

    assert result.final_output == "42"
    assert [item.type for item in result.new_items] == ["reasoning_item", "message_output_item"]
    assert result.usage.requests == 1 and result.usage.input_tokens == 0


def test_input_items_become_chat_messages() -> None:
    items: list[dict[str, Any]] = [
        {"role": "developer", "content": "Rules."},
        {
            "role": "user",
            "content": [
                {"type": "input_text", "text": "Look:"},
                {"type": "input_image", "image_url": "data:image/png;base64,AA", "detail": "low"},
            ],
        },
        reasoning("hmm").to_input_item(),
        {
            "type": "message",
            "id": "msg_1",
            "role": "assistant",
            "status": "completed",
            "content": [{"type": "output_text", "text": "Calling.", "annotations": []}],
        },
        function_call("add", {"a": 1, "b": 2}, call_id="c1").to_input_item(),
        function_call("add", {"a": 3, "b": 4}, call_id="c2").to_input_item(),
        {"type": "function_call_output", "call_id": "c1", "output": "3"},
        {"type": "function_call_output", "call_id": "c2", "output": "7"},
    ]

    messages = chat_messages("System.", items)

    assert messages == [
        {"role": "system", "content": "System."},
        {"role": "developer", "content": "Rules."},
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "Look:"},
                {
                    "type": "image_url",
                    "image_url": {"url": "data:image/png;base64,AA", "detail": "low"},
                },
            ],
        },
        {
            "role": "assistant",
            "content": "Calling.",
            "tool_calls": [
                {
                    "id": "c1",
                    "type": "function",
                    "function": {"name": "add", "arguments": '{"a": 1, "b": 2}'},
                },
                {
                    "id": "c2",
                    "type": "function",
                    "function": {"name": "add", "arguments": '{"a": 3, "b": 4}'},
                },
            ],
        },
        {"role": "tool", "tool_call_id": "c1", "content": "3"},
        {"role": "tool", "tool_call_id": "c2", "content": "7"},
    ]


async def test_hosted_tools_and_server_state_need_the_responses_api(
    chat_provider: OpenAIProvider,
) -> None:
    model = chat_provider.get_model("gpt-4o-mini")
    with pytest.raises(UserError, match="Responses API"):
        await Runner.run(Agent(name="h", model=model, tools=[WebSearchTool()]), "search")
    with pytest.raises(UserError, match="previous_response_id"):
        await Runner.run(Agent(name="p", model=model), "hi", previous_response_id="resp_1")
    with pytest.raises(UserError, match="cannot be sent"):
        chat_messages(None, [{"type": "web_search_call", "id": "ws", "status": "completed"}])
