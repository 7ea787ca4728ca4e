"""Handoffs reach the model as function tools, on both APIs, and a call to one hands off."""

from __future__ import annotations

import pytest

from agents_core import Agent, Runner, handoff
from agents_core.testing import function_call
from agents_openai import OpenAIProvider
from agents_openai.testing import FakeOpenAIServer


@pytest.mark.parametrize("api", ["responses", "chat"])
async def test_handoffs_are_offered_and_followed(
    server: FakeOpenAIServer, provider: OpenAIProvider, chat_provider: OpenAIProvider, api: str
) -> None:
    chosen = provider if api == "responses" else chat_provider
    model = chosen.get_model("gpt-4.1")
    billing = Agent(name="Billing", model=model, handoff_description="Invoices and refunds.")
    triage = Agent(
        name="Triage", model=model, handoffs=[billing, handoff(Agent(name="Sales", model=model))]
    )
    server.add([function_call("transfer_to_billing", {}, call_id="h1")], "Billing here.")
    result = await Runner.run(triage, "My invoice is wrong.")
    assert result.final_output == "Billing here." and result.last_agent is billing
    tools = server.model_requests()[0].json["tools"]
    if api == "responses":
        names = [tool["name"] for tool in tools]
        assert tools[0]["description"].endswith("Invoices and refunds.")
    else:
        names = [tool["function"]["name"] for tool in tools]
        assert tools[0]["function"]["parameters"]["type"] == "object"
    assert names == ["transfer_to_billing", "transfer_to_sales"]
