"""Quickstart: an agent with two function tools and a typed (pydantic) final output.

Run it with ``uv run python examples/quickstart.py``. The model here is the scripted test
model from ``agents.testing``, so the run is offline and deterministic: it replays the replies a
real model would give (a tool call, then the structured answer). Swap ``model=`` for a model
name once a provider is configured and the same agent talks to a real model.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass

from pydantic import BaseModel

from agents import Agent, RunContextWrapper, Runner, function_tool
from agents.testing import ScriptedModel, function_call


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


def scripted_replies() -> ScriptedModel:
    """What a model would answer: two tool calls at once, then the structured plan."""
    plan = {
        "city": "Oslo",
        "temperature_c": 18.5,
        "budget": "25.50 EUR per meal",
        "advice": "Clear skies: walk the harbour and bring a light jacket.",
    }
    return ScriptedModel(
        [
            [
                function_call("get_weather", {"city": "Oslo"}, call_id="call_1"),
                function_call(
                    "convert_price", {"amount": 300, "currency": "NOK"}, call_id="call_2"
                ),
            ],
            json.dumps(plan),
        ]
    )


async def main() -> None:
    agent = Agent[TripContext](
        name="Trip planner",
        instructions="Plan a day out. Use the tools, then answer with a TripPlan.",
        model=scripted_replies(),
        tools=[get_weather, convert_price],
        output_type=TripPlan,
    )
    print("Running offline against a scripted model (no network, no API key).")
    result = await Runner.run(agent, "A day in Oslo, meals around 300 NOK?", context=TripContext())
    for item in result.new_items:
        if item.type == "tool_call_output_item":
            print(f"  tool output: {item.output}")
    plan = result.final_output_as(TripPlan, raise_if_incorrect_type=True)
    print(f"Plan for {plan.city} ({plan.temperature_c} °C): {plan.advice} Budget: {plan.budget}.")
    print(f"Model calls: {result.usage.requests}")


if __name__ == "__main__":
    asyncio.run(main())
