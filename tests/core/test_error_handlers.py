"""``error_handlers={"max_turns": ...}`` turns the limit into a final output."""

from __future__ import annotations

from typing import Any

import pytest

from agents_core import (
    Agent,
    MaxTurnsExceeded,
    RunErrorHandlerInput,
    RunErrorHandlerResult,
    Runner,
    function_tool,
)
from agents_core.testing import ScriptedModel, function_call


@function_tool
def spin() -> str:
    return "again"


def spinning_agent() -> Agent[Any]:
    return Agent(
        name="a",
        model=ScriptedModel([function_call("spin", {}, call_id=str(i)) for i in range(5)]),
        tools=[spin],
    )


async def test_handler_result_becomes_the_final_output() -> None:
    seen: list[RunErrorHandlerInput[Any]] = []

    async def give_up(data: RunErrorHandlerInput[Any]) -> RunErrorHandlerResult:
        seen.append(data)
        return RunErrorHandlerResult(final_output="Sorry, that took too long.")

    result = await Runner.run(
        spinning_agent(), "go", max_turns=2, error_handlers={"max_turns": give_up}
    )
    assert result.final_output == "Sorry, that took too long."
    assert isinstance(seen[0].error, MaxTurnsExceeded)
    assert len(seen[0].run_data.raw_responses) == 2
    assert result.to_input_list()[-1]["content"][0]["text"] == "Sorry, that took too long."


async def test_plain_values_dicts_and_history_opt_out() -> None:
    plain = await Runner.run(
        spinning_agent(), "go", max_turns=1, error_handlers={"max_turns": lambda d: 42}
    )
    assert plain.final_output == 42
    quiet = await Runner.run(
        spinning_agent(),
        "go",
        max_turns=1,
        error_handlers={"max_turns": lambda d: {"final_output": "x", "include_in_history": False}},
    )
    assert quiet.final_output == "x"
    assert [i.type for i in quiet.new_items] == ["tool_call_item", "tool_call_output_item"]


async def test_handler_returning_none_lets_the_error_through() -> None:
    with pytest.raises(MaxTurnsExceeded):
        await Runner.run(
            spinning_agent(), "go", max_turns=1, error_handlers={"max_turns": lambda d: None}
        )
