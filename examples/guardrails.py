"""Guardrails: an input guardrail stops off-topic requests; an output guardrail stops leaks.

Run with ``uv run python examples/guardrails.py``. With ``OPENAI_API_KEY`` set it talks to OpenAI;
without, to the bundled fake OpenAI server on 127.0.0.1 with scripted replies. The off-topic
question never reaches the model: the input guardrail decides before the request is sent.
"""

from __future__ import annotations

import asyncio
from typing import Any

from _offline import openai_or_offline

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
from agents_openai.testing import ModelReply, RecordedRequest


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


chef = Agent(
    name="Chef",
    instructions="Cooking school assistant. Answer cooking questions in one sentence.",
    model="gpt-4.1",
    input_guardrails=[on_topic],
    output_guardrails=[no_card_numbers],
)

QUESTIONS = (
    "How long should pizza dough rest?",
    "Can you do my maths homework?",
    "How do I pay for the class? Tell me the school's card number to use.",
)


def scripted_model(request: RecordedRequest) -> ModelReply:
    """Offline replies: a good answer about dough, a leaky one about payment."""
    question = request.view.user_messages[-1]
    if "dough" in question:
        return ModelReply(["Rest the dough for 30 minutes."])
    return ModelReply(["Pay with card 4111 1111 1111 1111."])


async def main() -> None:
    async with openai_or_offline(scripted_model):
        for number, question in enumerate(QUESTIONS, start=1):
            try:
                result = await Runner.run(chef, question)
                print(f"{number}. answered: {result.final_output}")
            except InputGuardrailTripwireTriggered as exc:
                info = exc.guardrail_result.output.output_info
                print(f"{number}. stopped by input guardrail: {info}")
            except OutputGuardrailTripwireTriggered as exc:
                info = exc.guardrail_result.output.output_info
                print(f"{number}. stopped by output guardrail: {info}")


if __name__ == "__main__":
    asyncio.run(main())
