"""Prompt references reach the model, static or chosen per turn."""

from __future__ import annotations

from typing import Any

from agents_core import Agent, GenerateDynamicPromptData, Prompt, Runner
from agents_core.testing import ScriptedModel


async def test_static_prompt_is_sent_with_every_call() -> None:
    model = ScriptedModel(["ok"])
    prompt = Prompt(id="pmpt_123", version="2", variables={"tone": "dry"})
    await Runner.run(Agent(name="a", model=model, prompt=prompt), "hi")
    assert model.calls[0].prompt == {"id": "pmpt_123", "version": "2", "variables": {"tone": "dry"}}


async def test_dynamic_prompt_sees_the_context_and_agent() -> None:
    seen: list[tuple[Any, str]] = []

    async def choose(data: GenerateDynamicPromptData) -> Prompt:
        seen.append((data.context.context, data.agent.name))
        return Prompt(id=f"pmpt_{data.context.context['tier']}")

    model = ScriptedModel(["ok"])
    await Runner.run(
        Agent(name="support", model=model, prompt=choose), "hi", context={"tier": "gold"}
    )
    assert model.calls[0].prompt == {"id": "pmpt_gold"}
    assert seen == [({"tier": "gold"}, "support")]


async def test_no_prompt_by_default() -> None:
    model = ScriptedModel(["ok"])
    await Runner.run(Agent(name="a", model=model), "hi")
    assert model.calls[0].prompt is None
