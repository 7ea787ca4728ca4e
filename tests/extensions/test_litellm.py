"""LitellmModel, offline: LiteLLM's OpenAI provider pointed at the fake OpenAI server on
127.0.0.1, so the requests LiteLLM sends are checked against OpenAI's spec and asserted here."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import pytest

from agents_core import Agent, Runner, function_tool
from agents_core.testing import function_call
from agents_extensions.models.litellm_model import LitellmModel
from agents_extensions.models.litellm_provider import LitellmProvider
from agents_openai import BadRequestError
from agents_openai.testing import ErrorReply, FakeOpenAIServer

os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

# LiteLLM's own code trips pydantic warnings while it streams: LiteLLM's, and harmless.
pytestmark = [
    pytest.mark.filterwarnings("ignore:Item .* is using the `ReadOnly` qualifier"),
    pytest.mark.filterwarnings("ignore::DeprecationWarning:litellm"),
]


@function_tool
def weather(city: str) -> str:
    """The weather in a city."""
    return f"{city}: sunny"


def model_for(server: FakeOpenAIServer) -> LitellmModel:
    return LitellmModel("openai/gpt-4.1", base_url=server.base_url, api_key=server.api_key)


@pytest.mark.parametrize("streamed", [False, True])
async def test_a_run_with_a_tool_goes_through_litellm(
    openai_server: FakeOpenAIServer, streamed: bool
) -> None:
    model = model_for(openai_server)
    helper = Agent(name="Helper", model=model)
    agent = Agent(
        name="a", instructions="Be brief.", model=model, tools=[weather], handoffs=[helper]
    )
    openai_server.add([function_call("weather", {"city": "Oslo"}, call_id="c1")], "Sunny in Oslo.")
    if streamed:
        result: Any = Runner.run_streamed(agent, "Weather in Oslo?")
        deltas = [
            event.data.delta
            async for event in result.stream_events()
            if event.type == "raw_response_event"
            and event.data.type == "response.output_text.delta"
        ]
        assert "".join(deltas) == "Sunny in Oslo."
    else:
        result = await Runner.run(agent, "Weather in Oslo?")
    assert result.final_output == "Sunny in Oslo."
    first, second = (request.json for request in openai_server.model_requests())
    assert first["model"] == "gpt-4.1"  # LiteLLM strips its provider prefix
    assert first["messages"] == [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Weather in Oslo?"},
    ]
    assert [t["function"]["name"] for t in first["tools"]] == ["weather", "transfer_to_helper"]
    assert second["messages"][-1]["role"] == "tool"
    assert second["messages"][-1]["content"] == "Oslo: sunny"
    assert result.context_wrapper.usage.requests == 2
    assert result.context_wrapper.usage.total_tokens > 0
    await model.close()


async def test_litellm_errors_become_api_errors(openai_server: FakeOpenAIServer) -> None:
    openai_server.add(ErrorReply(400, "Unsupported value: 'temperature'.", param="temperature"))
    model = model_for(openai_server)
    with pytest.raises(BadRequestError, match="Unsupported value") as caught:
        await Runner.run(Agent(name="a", model=model), "hi")
    assert caught.value.status_code == 400
    await model.close()


def test_litellm_is_imported_on_the_first_call_only() -> None:
    code = (
        "import sys\n"
        "from agents_extensions.models.litellm_model import LitellmModel\n"
        "from agents_extensions.models.litellm_provider import LitellmProvider\n"
        "LitellmProvider().get_model('anthropic/claude')\n"
        "print('litellm' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "False"


def test_the_provider_names_models() -> None:
    model = LitellmProvider().get_model("anthropic/claude-sonnet-4")
    assert isinstance(model, LitellmModel) and model.model == "anthropic/claude-sonnet-4"
    assert LitellmProvider().get_model(None).model  # type: ignore[attr-defined]
