"""Code written for OpenAI's Agents SDK, run against our wheels with the ``openai`` package.

``python openai_package_app.py CHECK`` runs one check against a fake OpenAI server on loopback
and prints what it saw as one JSON line prefixed with ``RESULT``. The test that installs our
wheels and ``openai`` into a throwaway venv runs each check there and asserts on the results.
When ``AGENTS_OPENAI_SPEC`` is set, the server validates its traffic against OpenAI's spec and
the result carries the conformance errors. ``no_import`` and ``opt_in`` must not import
``openai`` before they say so, so ``openai`` is imported inside the checks.
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import os
import sys
import typing
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from agents_core.exceptions import UserError
from agents_openai.testing import ErrorReply, FakeOpenAIServer

Check = Callable[[FakeOpenAIServer], Awaitable[dict[str, Any]]]
CHECKS: dict[str, Check] = {}

FOLLOWED_PROMPT = "Please tell me 5 jokes."
JOKES = "Why did the chicken join a band? It had the drumsticks."


def check(function: Check) -> Check:
    CHECKS[function.__name__] = function
    return function


def _validator() -> Callable[[str, Any], list[str]] | None:
    spec = os.environ.get("AGENTS_OPENAI_SPEC")
    if not spec:
        return None
    script = Path(spec).with_name("validate_openai.py")
    loader = importlib.util.spec_from_file_location("validate_openai", script)
    assert loader is not None and loader.loader is not None
    module = importlib.util.module_from_spec(loader)
    loader.loader.exec_module(module)
    errors_for: Callable[[Any, str], list[str]] = module.errors_for
    return lambda schema, body: errors_for(body, schema)


# ------------------------------------------------------------------------------------- checks


@check
async def streaming_example(server: FakeOpenAIServer) -> dict[str, Any]:
    """The streaming example of the official docs, unchanged, with the client set as default."""
    from openai import AsyncOpenAI
    from openai.types.responses import ResponseTextDeltaEvent

    from agents import Agent, Runner, set_default_openai_client

    set_default_openai_client(AsyncOpenAI(base_url=server.base_url, api_key=server.api_key))
    server.add(JOKES)

    agent = Agent(name="Joker", instructions="You are a helpful assistant.")
    result = Runner.run_streamed(agent, input=FOLLOWED_PROMPT)
    deltas: list[str] = []
    # The docs' loop, unchanged. Type checkers see only this library's classes in event.data,
    # and hold a class that is also openai's impossible: hence the two narrow ignores.
    async for event in result.stream_events():
        if event.type == "raw_response_event" and isinstance(event.data, ResponseTextDeltaEvent):  # type: ignore[unreachable]
            print(event.data.delta, end="", flush=True)  # type: ignore[unreachable]
            deltas.append(event.data.delta)
    print()
    return {"deltas": deltas, "final_output": result.final_output}


@check
async def raw_items(server: FakeOpenAIServer) -> dict[str, Any]:
    """Raw events and items pass isinstance checks against openai's classes, on both APIs."""
    from openai import AsyncOpenAI
    from openai.types import responses as types

    from agents import (
        Agent,
        ItemHelpers,
        ModelSettings,
        OpenAIProvider,
        Runner,
        WebSearchTool,
        function_tool,
    )
    from agents.testing import function_call, reasoning

    @function_tool
    def add(a: int, b: int) -> int:
        """Add two numbers."""
        return a + b

    client = AsyncOpenAI(base_url=server.base_url, api_key=server.api_key)
    web_search: dict[str, Any] = {"type": "web_search_call", "id": "ws_1", "status": "completed"}
    web_search["action"] = {"type": "search", "query": "sum"}
    found: dict[str, Any] = {}
    for api in ("responses", "chat"):
        provider = OpenAIProvider(openai_client=client, use_responses=api == "responses")
        agent = Agent(
            name="Adder",
            tools=[add, WebSearchTool()] if api == "responses" else [add],
            model=provider.get_model("gpt-4.1"),
            model_settings=ModelSettings(temperature=0),
        )
        first: list[Any] = [function_call("add", {"a": 1, "b": 2}, call_id="call_1")]
        if api == "responses":
            first = [reasoning("Adding."), web_search, *first]
        server.add(first, "It is 3.")
        result = Runner.run_streamed(agent, "1 + 2?")
        events: dict[str, bool] = {}
        async for event in result.stream_events():
            if event.type != "raw_response_event":
                continue
            data: Any = event.data  # typed as this library's classes only
            name = type(data).__name__
            theirs = getattr(types, name, None)
            events[name] = theirs is not None and isinstance(data, theirs)
            if isinstance(data, types.ResponseCompletedEvent):
                events["completed.response"] = isinstance(data.response, types.Response)
            if isinstance(data, types.ResponseOutputItemDoneEvent):
                key = f"item_done.{type(data.item).__name__}"
                events[key] = isinstance(data.item, _output_item_classes())
        items = {
            f"{item.type}:{type(item.raw_item).__name__}": isinstance(
                item.raw_item,
                (
                    types.ResponseOutputMessage,
                    types.ResponseFunctionToolCall,
                    types.ResponseReasoningItem,
                    types.ResponseFunctionWebSearch,
                ),
            )
            for item in result.new_items
            if not isinstance(item.raw_item, dict)
        }
        outputs = [
            isinstance(output, _output_item_classes())
            for response in result.raw_responses
            for output in response.output
        ]
        found[api] = {
            "events": events,
            "items": items,
            "raw_responses": outputs,
            "final_output": result.final_output,
            "output_text": ItemHelpers.extract_last_text(result.raw_responses[-1].output[0]),
        }
    return found


@check
async def scripted(server: FakeOpenAIServer) -> dict[str, Any]:
    """A scripted model's streamed events and items are openai's classes too."""
    from openai.types import responses as types

    from agents import Agent, Runner, function_tool
    from agents.testing import ScriptedModel, function_call, reasoning

    @function_tool
    def lookup() -> str:
        """Look something up."""
        return "found"

    model = ScriptedModel(
        [[reasoning("Looking."), function_call("lookup", {}, call_id="c1")], "Found it."]
    )
    result = Runner.run_streamed(Agent(name="S", model=model, tools=[lookup]), "hi")
    events = {
        type(event.data).__name__: isinstance(
            event.data, getattr(types, type(event.data).__name__, ())
        )
        async for event in _raw(result)
    }
    items = [
        _is_openai(item.raw_item)
        for item in result.new_items
        if item.type != "tool_call_output_item"
    ]
    return {"events": events, "items": items, "final_output": result.final_output}


@check
async def reasoning(server: FakeOpenAIServer) -> dict[str, Any]:
    """openai's Reasoning reaches the request body on both APIs."""
    from openai import AsyncOpenAI
    from openai.types.shared import Reasoning

    from agents import Agent, ModelSettings, OpenAIProvider, Runner

    client = AsyncOpenAI(base_url=server.base_url, api_key=server.api_key)
    for use_responses in (True, False):
        provider = OpenAIProvider(openai_client=client, use_responses=use_responses)
        agent = Agent(
            name="Thinker",
            model=provider.get_model("o4-mini"),
            # ModelSettings.reasoning is annotated with this library's Reasoning only.
            model_settings=ModelSettings(reasoning=Reasoning(effort="low")),  # type: ignore[arg-type]
        )
        server.add("Done.")
        await Runner.run(agent, "Think.")
    responses, chat = (request.json for request in server.model_requests())
    return {"responses": responses.get("reasoning"), "chat": chat.get("reasoning_effort")}


@check
async def client_settings(server: FakeOpenAIServer) -> dict[str, Any]:
    """An AsyncOpenAI's settings are the ones used, through every place that takes a client."""
    import httpx2
    from openai import AsyncOpenAI

    from agents import (
        Agent,
        OpenAIChatCompletionsModel,
        OpenAIProvider,
        OpenAIResponsesModel,
        Runner,
        set_default_openai_client,
    )

    hooked: list[str] = []

    async def on_request(request: httpx2.Request) -> None:
        hooked.append(request.url.path)

    http_client = httpx2.AsyncClient(event_hooks={"request": [on_request]})
    client = AsyncOpenAI(
        base_url=server.base_url,
        api_key=server.api_key,
        organization="org_1",
        project="proj_1",
        default_headers={"X-Team": "search"},
        default_query={"api-version": "7"},
        timeout=42.0,
        max_retries=1,
        http_client=http_client,
    )
    set_default_openai_client(client)
    server.add(ErrorReply(500), "via default")  # one retry, as max_retries=1 allows
    default = await Runner.run(Agent(name="D", model="gpt-4.1"), "hi")
    server.add("via responses model")
    responses = await Runner.run(Agent(name="R", model=OpenAIResponsesModel("m", client)), "hi")
    server.add("via chat model")
    chat = await Runner.run(Agent(name="C", model=OpenAIChatCompletionsModel("m", client)), "hi")
    provider = OpenAIProvider(openai_client=client)
    server.add(ErrorReply(500), ErrorReply(500))
    try:
        await Runner.run(Agent(name="P", model=provider.get_model("m")), "hi")
        retries_exhausted = False
    except Exception as error:  # the second failure is the last try
        retries_exhausted = type(error).__name__ == "InternalServerError"
    await http_client.aclose()
    requests = server.model_requests()
    return {
        "outputs": [default.final_output, responses.final_output, chat.final_output],
        "headers": [
            {
                name: request.headers.get(name)
                for name in ("authorization", "openai-organization", "openai-project", "x-team")
            }
            for request in requests
        ],
        "queries": [request.query for request in requests],
        "paths": [request.path for request in requests],
        "timeout": provider.client.timeout.read,
        "retries_exhausted": retries_exhausted,
        "hooked": len(hooked),
        "requests": len(requests),
    }


@check
async def refusals(server: FakeOpenAIServer) -> dict[str, Any]:
    """Clients whose settings cannot be honoured are refused at once, saying why."""
    from openai import AsyncAzureOpenAI, AsyncOpenAI, OpenAI

    from agents import OpenAIProvider, OpenAIResponsesModel, set_default_openai_client

    async def key() -> str:
        return server.api_key

    cases: dict[str, Callable[[], object]] = {
        "sync": lambda: OpenAIResponsesModel(
            "m", OpenAI(base_url=server.base_url, api_key=server.api_key)
        ),
        "azure": lambda: OpenAIProvider(
            openai_client=AsyncAzureOpenAI(
                azure_endpoint=server.base_url, api_key="k", api_version="2024-10-21"
            )
        ),
        "key_function": lambda: set_default_openai_client(
            AsyncOpenAI(base_url=server.base_url, api_key=key)
        ),
        "not_a_client": lambda: OpenAIProvider(openai_client=object()),
    }
    messages: dict[str, str | None] = {}
    for name, attempt in cases.items():
        try:
            attempt()
            messages[name] = None
        except UserError as error:
            messages[name] = str(error)
    return messages


@check
async def tool_params(server: FakeOpenAIServer) -> dict[str, Any]:
    """openai's parameter objects in hosted tools and settings, as the request body has them."""
    import openai
    from openai import AsyncOpenAI
    from openai.types.responses import tool, web_search_tool
    from openai.types.shared import ComparisonFilter

    from agents import (
        Agent,
        FileSearchTool,
        HostedMCPTool,
        ModelSettings,
        OpenAIResponsesModel,
        Runner,
        WebSearchTool,
    )

    client = AsyncOpenAI(
        base_url=server.base_url, api_key=server.api_key, default_headers={"X-Team": "search"}
    )
    agent = Agent(
        name="Searcher",
        model=OpenAIResponsesModel("gpt-4.1", client),
        tools=[
            WebSearchTool(
                user_location={"type": "approximate", "city": "Oslo"},
                filters=web_search_tool.Filters(allowed_domains=["example.com"]),
            ),
            FileSearchTool(
                vector_store_ids=["vs_1"],
                filters=ComparisonFilter(key="lang", type="eq", value="no"),
                ranking_options={"ranker": "auto"},
            ),
            HostedMCPTool(  # tool_config is annotated as the dict it is kept as
                tool_config=tool.Mcp(  # type: ignore[arg-type]
                    type="mcp",
                    server_label="docs",
                    server_url="https://example.com/mcp",
                    require_approval="never",
                )
            ),
        ],
        model_settings=ModelSettings(
            # Leaves the client's header out (extra_headers is annotated as str values only).
            extra_headers={"X-Team": openai.omit},  # type: ignore[dict-item]
            extra_args={"text": {"verbosity": "low"}},
        ),
    )
    server.add("Found it.")
    await Runner.run(agent, "Search.")
    request = server.model_requests()[0]
    return {
        "tools": request.json["tools"],
        "text": request.json.get("text"),
        "headers": {"x-team": request.headers.get("x-team")},
    }


@check
async def no_import(server: FakeOpenAIServer) -> dict[str, Any]:
    """Without an import of openai, nothing imports it and the objects are this library's."""
    from agents import Agent, Runner

    server.add("Plain.")
    provider = server.provider()
    result = Runner.run_streamed(Agent(name="P", model=provider.get_model("m")), "hi")
    modules = {type(event.data).__module__ async for event in _raw(result)}
    await provider.aclose()
    return {"openai_imported": "openai" in sys.modules, "event_modules": sorted(modules)}


@check
async def opt_in(server: FakeOpenAIServer) -> dict[str, Any]:
    """set_openai_types(True) imports openai itself; False keeps this library's classes."""
    from agents import Agent, Runner
    from agents_core.openai_types import set_openai_types

    found: dict[str, Any] = {"before": "openai" in sys.modules}
    for mode in (True, False):
        set_openai_types(mode)
        server.add("Chosen.")
        provider = server.provider()
        result = Runner.run_streamed(Agent(name="O", model=provider.get_model("m")), "hi")
        modules = {type(event.data).__module__ async for event in _raw(result)}
        await provider.aclose()
        found[str(mode)] = {
            "openai_imported": "openai" in sys.modules,
            "item_is_openai": _is_openai(result.new_items[0].raw_item),
            "event_modules": sorted(modules),
        }
    return found


def _output_item_classes() -> tuple[type[Any], ...]:
    from openai.types.responses import ResponseOutputItem

    union = typing.get_args(ResponseOutputItem)[0]
    return typing.get_args(union)


def _is_openai(value: Any) -> bool:
    return any(cls.__module__.startswith("openai.") for cls in type(value).__mro__)


async def _raw(result: Any) -> Any:
    async for event in result.stream_events():
        if event.type == "raw_response_event":
            yield event


async def main(name: str) -> None:
    async with FakeOpenAIServer(validator=_validator()) as server:
        found = await CHECKS[name](server)
        found["conformance_errors"] = server.conformance_errors
    print("RESULT " + json.dumps(found))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
