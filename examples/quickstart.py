"""Quickstart: an agent with two function tools and a typed (pydantic) final output.

Run it with ``uv run python examples/quickstart.py``.

- With ``OPENAI_API_KEY`` set (and, for another OpenAI-compatible server, ``OPENAI_BASE_URL``),
  the agent talks to that server through the default OpenAI provider.
- Without a key it runs offline: it starts the fake OpenAI server from ``agents_openai.testing``
  on 127.0.0.1 and answers with scripted replies (a tool call, then a plan built from what the
  tools returned), over real HTTP, through exactly the same code path.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from typing import Any

from _offline import openai_or_offline
from pydantic import BaseModel

from agents import Agent, RunContextWrapper, Runner, function_tool
from agents.testing import function_call
from agents_openai.testing import ModelReply, RecordedRequest


@dataclass
class TripContext:
    """Our own context object: tools see it, the model never does."""

    home_currency: str = "EUR"


class TripPlan(BaseModel):
    city: str
    temperature_c: float
    budget: str
    advice: str


@function_tool
async def get_weather(city: str) -> dict[str, float | str]:
    """Look up the current weather.

    Args:
        city: The city to look up.
    """
    await asyncio.sleep(0)  # a real tool would call a weather service here
    return {"city": city, "temperature_c": 18.5, "sky": "clear"}


@function_tool
def convert_price(ctx: RunContextWrapper[TripContext], amount: float, currency: str) -> str:
    """Convert a price into the traveller's home currency.

    Args:
        amount: The price in the local currency.
        currency: The local currency code, such as NOK.
    """
    rates = {"NOK": 0.085, "USD": 0.92, "EUR": 1.0}
    converted = amount * rates.get(currency.upper(), 1.0)
    return f"{converted:.2f} {ctx.context.home_currency}"


agent = Agent[TripContext](
    name="Trip planner",
    instructions="Plan a day out. Use the tools, then answer with a TripPlan.",
    model="gpt-4.1",
    tools=[get_weather, convert_price],
    output_type=TripPlan,
)


def scripted_model(request: RecordedRequest) -> ModelReply:
    """What the offline server answers: first the tool calls, then a plan from their results."""
    outputs = list(request.view.function_outputs.values())
    if not outputs:
        return ModelReply(
            [
                function_call("get_weather", {"city": "Oslo"}, call_id="call_1"),
                function_call(
                    "convert_price", {"amount": 300, "currency": "NOK"}, call_id="call_2"
                ),
            ]
        )
    weather: dict[str, Any] = json.loads(outputs[0])
    plan = {
        "city": weather["city"],
        "temperature_c": weather["temperature_c"],
        "budget": f"{outputs[1]} per meal",
        "advice": f"{weather['sky'].capitalize()} skies: walk the harbour, bring a light jacket.",
    }
    return ModelReply([json.dumps(plan)])


async def plan_a_day() -> None:
    question = "A day in Oslo, meals around 300 NOK?"
    result = await Runner.run(agent, question, context=TripContext())
    for item in result.new_items:
        if item.type == "tool_call_output_item":
            print(f"  tool output: {item.output}")
    plan = result.final_output_as(TripPlan, raise_if_incorrect_type=True)
    print(f"Plan for {plan.city} ({plan.temperature_c} °C): {plan.advice} Budget: {plan.budget}.")
    print(f"Model calls: {result.usage.requests}")


async def main() -> None:
    async with openai_or_offline(scripted_model):
        await plan_a_day()


if __name__ == "__main__":
    asyncio.run(main())
