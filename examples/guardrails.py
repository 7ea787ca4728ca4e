"""Guardrails: an input guardrail stops off-topic requests; an output guardrail stops leaks.

Run with ``uv run python examples/guardrails.py``. Offline, with the scripted test model.
"""

from __future__ import annotations

import asyncio
from typing import Any

from agents import (
    Agent,
    GuardrailFunctionOutput,
    InputGuardrailTripwireTriggered,
    OutputGuardrailTripwireTriggered,
    RunContextWrapper,
    Runner,
    TResponseInputItem,
    input_guardrail,
    output_guardrail,
)
from agents.testing import ScriptedModel


@input_guardrail
async def on_topic(
    ctx: RunContextWrapper[Any], agent: Agent[Any], input: str | list[TResponseInputItem]
) -> GuardrailFunctionOutput:
    """Only cooking questions (a real guardrail might ask a small, fast model)."""
    text = input if isinstance(input, str) else str(input)
    off_topic = "homework" in text.lower()
    return GuardrailFunctionOutput(
        output_info={"off_topic": off_topic}, tripwire_triggered=off_topic
    )


@output_guardrail
async def no_card_numbers(
    ctx: RunContextWrapper[Any], agent: Agent[Any], output: Any
) -> GuardrailFunctionOutput:
    digits = sum(ch.isdigit() for ch in str(output))
    return GuardrailFunctionOutput(output_info={"digits": digits}, tripwire_triggered=digits >= 12)


def chef(reply: str) -> Agent[Any]:
    return Agent(
        name="Chef",
        instructions="Answer cooking questions.",
        model=ScriptedModel([reply]),
        input_guardrails=[on_topic],
        output_guardrails=[no_card_numbers],
    )


async def main() -> None:
    print("Running offline against a scripted model.")
    result = await Runner.run(
        chef("Rest the dough for 30 minutes."), "How long should pizza dough rest?"
    )
    print(f"1. answered: {result.final_output}")
    try:
        await Runner.run(chef("unused"), "Can you do my maths homework?")
    except InputGuardrailTripwireTriggered as exc:
        print(f"2. stopped by input guardrail: {exc.guardrail_result.output.output_info}")
    try:
        await Runner.run(chef("Pay with card 4111 1111 1111 1111."), "How do I pay for the class?")
    except OutputGuardrailTripwireTriggered as exc:
        print(f"3. stopped by output guardrail: {exc.guardrail_result.output.output_info}")


if __name__ == "__main__":
    asyncio.run(main())
