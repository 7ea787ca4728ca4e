"""run_demo_loop: lines in, answers out, the conversation and the current agent carried over."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from agents_core import Agent, function_tool, run_demo_loop
from agents_core.testing import ScriptedModel, function_call


@function_tool
def lookup(order: str) -> str:
    return f"order {order}: shipped"


def _type(monkeypatch: pytest.MonkeyPatch, lines: list[str | BaseException]) -> list[str]:
    """Feed ``lines`` to input(); returns the prompts it was called with."""
    prompts: list[str] = []
    queue: Iterator[str | BaseException] = iter(lines)

    def fake_input(prompt: str = "") -> str:
        prompts.append(prompt)
        line = next(queue, EOFError())
        if isinstance(line, BaseException):
            raise line
        return line

    monkeypatch.setattr("builtins.input", fake_input)
    return prompts


def _agents() -> tuple[Agent[Any], Agent[Any], ScriptedModel]:
    model = ScriptedModel([])
    billing = Agent(name="Billing", model=model, tools=[lookup])
    triage = Agent(name="Triage", model=model, handoffs=[billing])
    return triage, billing, model


@pytest.mark.parametrize("stream", [True, False])
async def test_the_conversation_and_agent_carry_over(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], stream: bool
) -> None:
    triage, _, model = _agents()
    model.extend(
        [
            function_call("transfer_to_billing", {}, call_id="h1"),
            function_call("lookup", {"order": "7"}, call_id="t1"),
            "It shipped.",
            "You're welcome.",
        ]
    )
    prompts = _type(monkeypatch, ["Where is order 7?", "   ", "thanks", "exit", "never read"])

    await run_demo_loop(triage, stream=stream)

    assert prompts == [" > "] * 4
    # The second line went to the agent the first one ended with, with the whole conversation.
    second = model.calls[-1]
    assert second.system_instructions is None
    texts = [item.get("content") for item in second.input if isinstance(item, dict)]
    assert texts[0] == "Where is order 7?" and texts[-1] == "thanks"
    assert any(
        isinstance(item, dict) and item.get("type") == "function_call_output"
        for item in second.input
    )
    model.assert_complete()
    out = capsys.readouterr().out
    assert "It shipped." in out and "You're welcome." in out
    if stream:
        assert "[Agent updated: Billing]" in out
        assert "[tool called]" in out
        assert "[tool output: order 7: shipped]" in out


async def test_quit_end_of_input_and_ctrl_c_end_the_loop(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    triage, _, model = _agents()
    for ending in (["QUIT"], [], [KeyboardInterrupt()]):
        _type(monkeypatch, list(ending))
        await run_demo_loop(triage)
    assert model.calls == []
