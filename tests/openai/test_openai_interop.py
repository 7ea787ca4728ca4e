"""The OpenAI provider beside the ``openai`` package, in this process: every stream event type
parses into a class that is also ``openai``'s, runs on both APIs hand over ``openai`` instances
and send the very same requests, ``openai``'s parameter objects reach the wire, and an
``AsyncOpenAI`` client is used for its settings.

The same is checked from our wheels in a venv in ``test_openai_package.py``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx2
import openai
import pytest
from openai.types import responses as openai_types
from openai.types.shared import Reasoning as OpenAIReasoning

from agents_core import Agent, ModelSettings, Reasoning, Runner, UserError, function_tool
from agents_core.openai_types import set_openai_types
from agents_core.stream_types import ResponseStreamEvent
from agents_core.testing import function_call
from agents_openai import OpenAIChatCompletionsModel, OpenAIProvider, OpenAIResponsesModel
from agents_openai._events import EVENT_TYPES, parse_stream_event
from agents_openai.testing import FakeOpenAIServer

SAMPLE_EVENTS: list[dict[str, Any]] = json.loads(
    (Path(__file__).with_name("stream_event_samples.json")).read_text()
)


@function_tool
def add(a: int, b: int) -> int:
    """Add two numbers."""
    return a + b


@pytest.mark.parametrize("sample", SAMPLE_EVENTS, ids=lambda sample: sample["type"])
def test_every_event_type_is_also_openais_class(sample: dict[str, Any]) -> None:
    set_openai_types(None)  # openai is imported: its classes are used
    event: Any = parse_stream_event(json.dumps(sample).encode())  # typed as ours only
    theirs = next(
        cls
        for cls in vars(openai_types).values()
        if isinstance(cls, type)
        and issubclass(cls, openai.BaseModel)
        and cls.model_fields.get("type") is not None
        and getattr(cls.model_fields["type"].annotation, "__args__", ()) == (sample["type"],)
    )
    assert theirs in type(event).__mro__ and EVENT_TYPES[sample["type"]] in type(event).__mro__
    assert event.model_dump(mode="json", exclude_unset=True) == sample


async def _conversation(
    server: FakeOpenAIServer, api: str, streamed: bool
) -> tuple[list[Any], list[Any], Any]:
    """A tool call and an answer; the raw events, the raw items and the final output."""
    provider = server.provider(use_responses=api == "responses")
    server.add([function_call("add", {"a": 1, "b": 2}, call_id="call_1")], "It is 3.")
    agent = Agent(name="adder", model=provider.get_model("gpt-4.1"), tools=[add])
    events: list[Any] = []
    if streamed:
        result = Runner.run_streamed(agent, "1 + 2?")
        async for event in result.stream_events():
            if event.type == "raw_response_event":
                events.append(event.data)
    else:
        result = await Runner.run(agent, "1 + 2?")  # type: ignore[assignment]
    await provider.aclose()
    raw_items = [item.raw_item for item in result.new_items if not isinstance(item.raw_item, dict)]
    raw_items += [output for response in result.raw_responses for output in response.output]
    return events, raw_items, result.final_output


@pytest.mark.parametrize("streamed", [True, False], ids=["streamed", "whole"])
async def test_both_apis_hand_over_openai_instances_and_send_the_same_requests(
    server: FakeOpenAIServer, api: str, streamed: bool
) -> None:
    set_openai_types(False)
    plain_events, plain_items, plain_output = await _conversation(server, api, streamed)
    plain_requests = [request.json for request in server.model_requests()]
    set_openai_types(None)
    events, items, output = await _conversation(server, api, streamed)
    requests = [request.json for request in server.model_requests()[len(plain_requests) :]]

    assert requests == plain_requests
    assert output == plain_output == "It is 3."
    assert [event.type for event in events] == [event.type for event in plain_events]
    for event, plain in zip(events, plain_events, strict=True):
        theirs = getattr(openai_types, type(plain).__name__)
        assert isinstance(event, theirs) and isinstance(event, type(plain)), type(event)
    openai_item_classes = (
        openai_types.ResponseOutputMessage,
        openai_types.ResponseFunctionToolCall,
    )
    assert items and all(isinstance(item, openai_item_classes) for item in items)
    assert [_without_id(item.to_input_item()) for item in items] == [
        _without_id(item.to_input_item()) for item in plain_items
    ]


def _without_id(item: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in item.items() if key != "id"}  # the server numbers them


async def test_openai_reasoning_reaches_both_apis(server: FakeOpenAIServer) -> None:
    settings = ModelSettings(reasoning=OpenAIReasoning(effort="low", summary="auto"))  # type: ignore[arg-type]  # annotated with our Reasoning
    for use_responses in (True, False):
        provider = server.provider(use_responses=use_responses)
        server.add("Thought.")
        await Runner.run(
            Agent(name="t", model=provider.get_model("o4-mini"), model_settings=settings), "Go."
        )
        await provider.aclose()
    responses, chat = (request.json for request in server.model_requests())
    assert responses["reasoning"] == {"effort": "low", "summary": "auto"}
    assert chat["reasoning_effort"] == "low" and "reasoning" not in chat
    assert ModelSettings(reasoning=Reasoning(effort="low")).reasoning == Reasoning(effort="low")


def test_settings_with_openai_objects_are_plain_json() -> None:
    settings = ModelSettings(reasoning=OpenAIReasoning(effort="low"), temperature=0.5)  # type: ignore[arg-type]  # annotated with our Reasoning
    data = settings.to_json_dict()  # what recordings and traces keep
    assert data == {"reasoning": {"effort": "low"}, "temperature": 0.5}
    assert json.loads(json.dumps(data)) == data


async def test_an_async_openai_clients_headers_are_those_it_was_given(
    server: FakeOpenAIServer,
) -> None:
    hooked: list[str] = []

    async def on_request(request: httpx2.Request) -> None:
        hooked.append(request.url.path)

    async with httpx2.AsyncClient(event_hooks={"request": [on_request]}) as http:
        client = openai.AsyncOpenAI(
            base_url=server.base_url,
            api_key=server.api_key,
            default_headers={"User-Agent": "mine/1.0", "X-Team": "search"},
            http_client=http,
        )
        server.add("Hi.", "Hi again.")
        for model in (
            OpenAIResponsesModel("gpt-4.1", client),
            OpenAIChatCompletionsModel("gpt-4.1", client),
        ):
            await Runner.run(Agent(name="h", model=model), "Hello.")
    for request in server.model_requests():
        assert request.headers["user-agent"] == "mine/1.0"  # set by the user: kept
        assert request.headers["x-team"] == "search"
        assert request.headers["authorization"] == f"Bearer {server.api_key}"
        assert not any(name.startswith("x-stainless") for name in request.headers)
    assert hooked == ["/v1/responses", "/v1/chat/completions"]


def test_a_provider_takes_an_async_openai_clients_settings(server: FakeOpenAIServer) -> None:
    client = openai.AsyncOpenAI(
        base_url=server.base_url + "/",
        api_key=server.api_key,
        organization="org_1",
        project="proj_1",
        default_query={"api-version": "7"},
        timeout=httpx2.Timeout(30.0, connect=2.0),
        max_retries=5,
    )
    ours = OpenAIProvider(openai_client=client).client
    assert ours.base_url == server.base_url
    assert (ours.organization, ours.project) == ("org_1", "proj_1")
    assert ours.default_query == {"api-version": "7"}
    assert (ours.timeout.read, ours.timeout.connect) == (30.0, 2.0)
    assert ours.retry_policy.max_retries == 5
    assert ours.has_api_key
    assert server.api_key not in repr(ours)


def test_clients_that_cannot_be_honoured_are_refused(server: FakeOpenAIServer) -> None:
    async def key() -> str:
        return "sk-from-a-function"

    refused = {
        "needs an asynchronous client": openai.OpenAI(base_url=server.base_url, api_key="k"),
        "AsyncAzureOpenAI": openai.AsyncAzureOpenAI(
            azure_endpoint=server.base_url, api_key="k", api_version="2024-10-21"
        ),
        "API key function": openai.AsyncOpenAI(base_url=server.base_url, api_key=key),
    }
    for reason, client in refused.items():
        with pytest.raises(UserError, match=reason):
            OpenAIProvider(openai_client=client)
        with pytest.raises(UserError, match=reason):
            OpenAIResponsesModel("gpt-4.1", client)


async def test_openai_omit_leaves_a_header_out(server: FakeOpenAIServer) -> None:
    client = openai.AsyncOpenAI(
        base_url=server.base_url, api_key=server.api_key, default_headers={"X-Team": "search"}
    )
    settings = ModelSettings(extra_headers={"X-Team": openai.omit})  # type: ignore[dict-item]  # annotated as str values
    server.add("Hi.")
    agent = Agent(name="o", model=OpenAIResponsesModel("gpt-4.1", client), model_settings=settings)
    await Runner.run(agent, "Hello.")
    await client.close()  # closes the connections the run used: they are the client's own
    assert "x-team" not in server.model_requests()[0].headers


def test_events_without_openai_counterpart_stay_ours() -> None:
    set_openai_types(None)
    event = parse_stream_event(b'{"type":"response.future_thing","sequence_number":3,"x":[1]}')
    assert type(event) is ResponseStreamEvent
