"""Parameters written as dicts, pydantic models (the shape of the ``openai`` package's own) or
dataclasses reach the request body as the JSON the API takes, on both APIs where they apply.

The ``openai`` package's classes themselves are checked in ``test_openai_package.py``; here,
models of the same shape stand in for them, since ``openai`` is not installed in this suite.
"""

from __future__ import annotations

from typing import Any, Literal

import pytest
from pydantic import BaseModel

from agents_core import Agent, Model, ModelSettings, Reasoning, Runner, Tool, UserError
from agents_core.model_settings import MCPToolChoice
from agents_openai import (
    CodeInterpreterTool,
    FileSearchTool,
    HostedMCPTool,
    ImageGenerationTool,
    OpenAIProvider,
    WebSearchTool,
)
from agents_openai.testing import FakeOpenAIServer


class ReasoningModel(BaseModel):
    """Shaped like ``openai.types.shared.Reasoning``."""

    effort: Literal["low", "medium", "high"] | None = None
    summary: Literal["auto", "concise", "detailed"] | None = None
    generate_summary: Literal["auto", "concise", "detailed"] | None = None


class ApproximateLocation(BaseModel):
    """Shaped like ``openai``'s web search ``UserLocation``."""

    type: Literal["approximate"] = "approximate"
    city: str | None = None
    country: str | None = None


class ComparisonFilter(BaseModel):
    """Shaped like ``openai.types.shared.ComparisonFilter``."""

    key: str
    type: Literal["eq", "ne", "gt", "gte", "lt", "lte"]
    value: str | float | bool


class McpConfig(BaseModel):
    """Shaped like ``openai.types.responses.tool.Mcp``."""

    type: Literal["mcp"] = "mcp"
    server_label: str
    server_url: str | None = None
    require_approval: Literal["always", "never"] | None = None


class TextConfig(BaseModel):
    """Shaped like ``openai``'s ``ResponseTextConfig``."""

    verbosity: Literal["low", "medium", "high"] | None = None


@pytest.mark.parametrize(
    "reasoning",
    [
        Reasoning(effort="low"),
        {"effort": "low", "summary": None},
        ReasoningModel(effort="low"),
    ],
    ids=["ours", "dict", "model"],
)
async def test_reasoning_reaches_both_apis_however_it_is_written(
    server: FakeOpenAIServer, model: Model, api: str, reasoning: Any
) -> None:
    server.add("Thought.")
    agent = Agent(name="t", model=model, model_settings=ModelSettings(reasoning=reasoning))
    await Runner.run(agent, "Think.")
    body = server.model_requests()[0].json
    if api == "responses":
        assert body["reasoning"] == {"effort": "low"}
    else:
        assert body["reasoning_effort"] == "low"
        assert "reasoning" not in body


async def test_hosted_tool_options_take_models_and_dicts(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    config = McpConfig(
        server_label="docs", server_url="https://example.com/mcp", require_approval="never"
    )
    # Typed as the dict it is kept as; a model of the same fields is accepted too.
    mcp = HostedMCPTool(tool_config=config)  # type: ignore[arg-type]
    assert mcp.tool_config == {  # kept as a dict, as the official SDK does
        "type": "mcp",
        "server_label": "docs",
        "server_url": "https://example.com/mcp",
        "require_approval": "never",
    }
    tools: list[Tool] = [
        WebSearchTool(
            user_location=ApproximateLocation(city="Oslo"),
            filters={"allowed_domains": ["example.com"]},
            external_web_access=False,
            search_content_types=["text", "image"],
            image_settings={"max_results": 2},
        ),
        FileSearchTool(
            vector_store_ids=["vs_1"],
            filters=ComparisonFilter(key="lang", type="eq", value="no"),
            ranking_options={"ranker": "auto", "score_threshold": 0.5},
        ),
        mcp,
        CodeInterpreterTool(tool_config={"type": "code_interpreter", "container": "cntr_1"}),
        ImageGenerationTool(tool_config={"type": "image_generation", "quality": "low"}),
    ]
    server.add("Searched.")
    await Runner.run(Agent(name="s", model=provider.get_model("gpt-4.1"), tools=tools), "Go.")
    assert server.model_requests()[0].json["tools"] == [
        {
            "type": "web_search",
            "user_location": {"type": "approximate", "city": "Oslo"},
            "filters": {"allowed_domains": ["example.com"]},
            "search_context_size": "medium",
            "external_web_access": False,
            "search_content_types": ["text", "image"],
            "image_settings": {"max_results": 2},
        },
        {
            "type": "file_search",
            "vector_store_ids": ["vs_1"],
            "ranking_options": {"ranker": "auto", "score_threshold": 0.5},
            "filters": {"key": "lang", "type": "eq", "value": "no"},
        },
        {
            "type": "mcp",
            "server_label": "docs",
            "server_url": "https://example.com/mcp",
            "require_approval": "never",
        },
        {"type": "code_interpreter", "container": "cntr_1"},
        {"type": "image_generation", "quality": "low"},
    ]


def test_a_tool_config_that_is_no_object_is_refused() -> None:
    with pytest.raises(UserError, match=r"HostedMCPTool\(tool_config=...\) must be a dict"):
        HostedMCPTool(tool_config="docs")  # type: ignore[arg-type]
    with pytest.raises(UserError, match="needs a tool_config"):
        CodeInterpreterTool(tool_config=None)  # type: ignore[arg-type]


async def test_an_mcp_tool_choice_object_names_the_server_and_tool(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    mcp = HostedMCPTool(tool_config={"type": "mcp", "server_label": "docs", "server_url": "x"})
    settings = ModelSettings(tool_choice=MCPToolChoice(server_label="docs", name="search"))
    server.add("Chosen.")
    agent = Agent(name="c", model=provider.get_model("m"), tools=[mcp], model_settings=settings)
    await Runner.run(agent, "Go.")
    assert server.model_requests()[0].json["tool_choice"] == {
        "type": "mcp",
        "server_label": "docs",
        "name": "search",
    }


async def test_chat_completions_refuse_an_mcp_tool_choice(chat_provider: OpenAIProvider) -> None:
    settings = ModelSettings(tool_choice=MCPToolChoice(server_label="docs", name="search"))
    agent = Agent(name="c", model=chat_provider.get_model("m"), model_settings=settings)
    with pytest.raises(UserError, match="cannot be sent to a Chat Completions model"):
        await Runner.run(agent, "Go.")


async def test_extra_arguments_and_metadata_are_sent_as_json(
    server: FakeOpenAIServer, model: Model, api: str
) -> None:
    settings = ModelSettings(
        metadata={"team": "search"},
        extra_args={"user": "u_1"},
        extra_body={"text": TextConfig(verbosity="low")}
        if api == "responses"
        else {"verbosity": "low"},
    )
    server.add("Sent.")
    await Runner.run(Agent(name="e", model=model, model_settings=settings), "Go.")
    body = server.model_requests()[0].json
    assert body["metadata"] == {"team": "search"} and body["user"] == "u_1"
    assert (body["text"] if api == "responses" else body)["verbosity"] == "low"


async def test_a_value_that_is_not_json_is_refused_before_sending(
    server: FakeOpenAIServer, model: Model
) -> None:
    settings = ModelSettings(extra_body={"opaque": object()})
    with pytest.raises(UserError, match="object cannot be sent to the API as JSON"):
        await Runner.run(Agent(name="x", model=model, model_settings=settings), "Go.")
    assert server.requests == []


async def test_bodies_are_utf8_json_and_models_inside_them_leave_out_unset_fields(
    server: FakeOpenAIServer, model: Model, api: str
) -> None:
    # A pydantic model among the parameters is sent with its set fields only.
    settings = ModelSettings(extra_body={"opaque_option": ApproximateLocation(city="Zürich")})
    server.add("Grüezi.")
    await Runner.run(Agent(name="e", model=model, model_settings=settings), "Grüß dich ✓")
    request = server.model_requests()[0]
    assert "Grüß dich ✓".encode() in request.body  # UTF-8, not \u escapes
    assert request.headers["content-type"] == "application/json"
    body = request.json
    assert body["opaque_option"] == {"type": "approximate", "city": "Zürich"}
    sent = body["input"] if api == "responses" else body["messages"]
    assert sent[-1]["content"] == "Grüß dich ✓"
