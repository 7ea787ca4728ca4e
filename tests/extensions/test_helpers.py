"""ToolOutputTrimmer and the handoff prompt helpers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from agents_core import UserError
from agents_extensions import ToolOutputTrimmer
from agents_extensions.handoff_prompt import (
    RECOMMENDED_PROMPT_PREFIX,
    prompt_with_handoff_instructions,
)


@dataclass
class ModelInputData:
    """The shape a call-model input filter receives and returns."""

    input: list[Any]
    instructions: str | None = None


@dataclass
class CallModelData:
    model_data: ModelInputData
    agent: Any = None
    context: Any = None
    extra: dict[str, Any] = field(default_factory=dict)


def user(text: str) -> dict[str, Any]:
    return {"role": "user", "content": text}


def call(name: str, call_id: str) -> dict[str, Any]:
    return {"type": "function_call", "call_id": call_id, "name": name, "arguments": "{}"}


def output(call_id: str, text: Any) -> dict[str, Any]:
    return {"type": "function_call_output", "call_id": call_id, "output": text}


def history() -> list[dict[str, Any]]:
    return [
        user("first"),
        call("search", "s1"),
        output("s1", "A" * 1000),
        call("lookup", "l1"),
        output("l1", "B" * 1000),
        call("search", "s2"),
        output("s2", "short"),
        user("second"),
        call("search", "s3"),
        output("s3", "C" * 1000),
        user("third"),
        call("search", "s4"),
        output("s4", "D" * 1000),
    ]


def test_old_large_outputs_are_trimmed_and_recent_turns_kept() -> None:
    items = history()
    trimmer = ToolOutputTrimmer(recent_turns=2, max_output_chars=500, preview_chars=20)
    trimmed = trimmer.trim_items(items)
    assert trimmed[2]["output"].startswith(
        "[search output trimmed: 1000 characters, first 20 kept]"
    )
    assert trimmed[2]["output"].endswith("\n" + "A" * 20 + "...")
    assert trimmed[4]["output"].startswith("[lookup output trimmed")
    assert trimmed[6] is items[6]  # short: untouched
    assert trimmed[9:] == items[9:] and trimmed[9] is items[9]  # the last two turns: untouched
    assert items[2]["output"] == "A" * 1000  # the original is not changed


def test_only_named_tools_are_trimmed() -> None:
    trimmed = ToolOutputTrimmer(trimmable_tools="lookup", preview_chars=5).trim_items(history())
    assert trimmed[2]["output"] == "A" * 1000
    assert trimmed[4]["output"].startswith("[lookup output trimmed")
    many = ToolOutputTrimmer(trimmable_tools=["lookup", "search"]).trim_items(history())
    assert many[2]["output"] != "A" * 1000


def test_structured_outputs_keep_text_and_count_dropped_parts() -> None:
    parts = [
        {"type": "input_text", "text": "E" * 800},
        {"type": "input_image", "image_url": "data:image/png;base64," + "x" * 500},
    ]
    items = [user("a"), call("shot", "c"), output("c", parts), user("b"), user("c")]
    (trimmed,) = [
        i
        for i in ToolOutputTrimmer(preview_chars=10).trim_items(items)
        if i.get("call_id") == "c" and i["type"] == "function_call_output"
    ]
    assert trimmed["output"].startswith("[shot output trimmed: 1322 characters, first 10 kept; 1")
    assert "E" * 10 + "..." in trimmed["output"] and "base64" not in trimmed["output"]


def test_as_a_model_input_filter() -> None:
    trimmer = ToolOutputTrimmer(recent_turns=1, max_output_chars=100, preview_chars=5)
    data = CallModelData(ModelInputData(input=history(), instructions="Be brief."))
    result = trimmer(data)
    assert isinstance(result, ModelInputData) and result.instructions == "Be brief."
    assert result.input[9]["output"].startswith("[search output trimmed")
    assert result.input[12]["output"] == "D" * 1000
    unchanged = CallModelData(ModelInputData(input=[user("only")]))
    assert trimmer(unchanged) is unchanged.model_data


@pytest.mark.parametrize(
    "options",
    [
        {"recent_turns": 0},
        {"max_output_chars": 0},
        {"preview_chars": -1},
        {"trimmable_tools": b"x"},
    ],
)
def test_bad_options_are_user_errors(options: dict[str, Any]) -> None:
    with pytest.raises(UserError):
        ToolOutputTrimmer(**options)


def test_handoff_prompt() -> None:
    assert RECOMMENDED_PROMPT_PREFIX.startswith("# System context\n")
    assert "transfer_to_<agent_name>" in RECOMMENDED_PROMPT_PREFIX
    assert prompt_with_handoff_instructions("Help with billing.") == (
        f"{RECOMMENDED_PROMPT_PREFIX}\n\nHelp with billing."
    )
