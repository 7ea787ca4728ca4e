"""Tools that are not function tools: provider-run (hosted) and locally run call items."""

from __future__ import annotations

from typing import Any

import pytest

from agents_core import (
    Agent,
    HostedTool,
    LocalCallTool,
    ResponseOtherItem,
    Runner,
    ToolCallItem,
    ToolCallOutputItem,
    ToolContext,
    ToolExecutionError,
)
from agents_core.testing import ScriptedModel, assistant_message


class SearchTool(HostedTool):
    @property
    def name(self) -> str:
        return "web_search"

    def to_json_dict(self) -> dict[str, Any]:
        return {"type": "web_search"}


class ClickTool(LocalCallTool):
    def __init__(self, fail: bool = False) -> None:
        self.clicks: list[tuple[int, int]] = []
        self.fail = fail

    @property
    def name(self) -> str:
        return "computer_use"

    @property
    def call_item_type(self) -> str:
        return "computer_call"

    def to_json_dict(self) -> dict[str, Any]:
        return {"type": "computer_use_preview", "display_width": 10, "display_height": 10}

    async def run_call(self, context: ToolContext[Any], call: Any) -> dict[str, Any]:
        if self.fail:
            raise OSError("screen unplugged")
        assert context.tool_call_id == call.call_id
        self.clicks.append((call.action["x"], call.action["y"]))
        return {"type": "computer_call_output", "call_id": call.call_id, "output": "clicked"}


def computer_call(call_id: str) -> ResponseOtherItem:
    return ResponseOtherItem.model_validate(
        {
            "type": "computer_call",
            "id": f"cu_{call_id}",
            "call_id": call_id,
            "action": {"type": "click", "x": 3, "y": 4},
            "pending_safety_checks": [],
            "status": "completed",
        }
    )


async def test_local_call_items_are_run_and_answered() -> None:
    tool = ClickTool()
    model = ScriptedModel([computer_call("c1"), "done"])
    result = await Runner.run(Agent(name="a", model=model, tools=[tool]), "click it")
    assert tool.clicks == [(3, 4)]
    assert isinstance(result.new_items[0], ToolCallItem)
    output = result.new_items[1]
    assert isinstance(output, ToolCallOutputItem) and output.output == "clicked"
    assert model.calls[1].input[-1] == {
        "type": "computer_call_output",
        "call_id": "c1",
        "output": "clicked",
    }
    assert result.final_output == "done"


async def test_failing_local_tool_raises_a_tool_error() -> None:
    model = ScriptedModel([computer_call("c1")])
    with pytest.raises(ToolExecutionError, match="screen unplugged"):
        await Runner.run(Agent(name="a", model=model, tools=[ClickTool(fail=True)]), "click")


async def test_hosted_tools_are_offered_and_their_items_recorded() -> None:
    hosted_call = ResponseOtherItem.model_validate(
        {"type": "web_search_call", "id": "ws_1", "status": "completed"}
    )
    model = ScriptedModel([[hosted_call, assistant_message("found")]])
    result = await Runner.run(Agent(name="a", model=model, tools=[SearchTool()]), "search")
    assert model.calls[0].tool_names == ["web_search"]
    assert [item.type for item in result.new_items] == ["tool_call_item", "message_output_item"]
    assert result.final_output == "found"
