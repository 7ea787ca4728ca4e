"""Item models: validation at the edge, unknown types kept, helpers."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ValidationError

from agents_core import (
    Agent,
    ItemHelpers,
    MessageOutputItem,
    ModelResponse,
    ResponseFunctionToolCall,
    ResponseOtherItem,
    ResponseOutputMessage,
    ResponseReasoningItem,
    Usage,
)
from agents_core._items.items import (
    output_item_adapter,
    output_items_adapter,
    stringify_tool_output,
)
from agents_core.testing import assistant_message, function_call, refusal


def test_known_items_validate_into_their_models() -> None:
    items = output_items_adapter().validate_python(
        [
            {
                "type": "message",
                "id": "m",
                "role": "assistant",
                "status": "completed",
                "content": [{"type": "output_text", "text": "hi", "annotations": []}],
            },
            {"type": "function_call", "call_id": "c", "name": "f", "arguments": "{}"},
            {"type": "reasoning", "id": "r", "summary": [{"type": "summary_text", "text": "t"}]},
            {"type": "web_search_call", "id": "w", "status": "completed", "action": {"query": "x"}},
        ]
    )
    assert [type(i) for i in items] == [
        ResponseOutputMessage,
        ResponseFunctionToolCall,
        ResponseReasoningItem,
        ResponseOtherItem,
    ]
    assert items[3].to_input_item() == {
        "type": "web_search_call",
        "id": "w",
        "status": "completed",
        "action": {"query": "x"},
    }


def test_malformed_items_are_rejected_with_the_field() -> None:
    with pytest.raises(ValidationError, match="call_id"):
        output_item_adapter().validate_python(
            {"type": "function_call", "name": "f", "arguments": "{}"}
        )


def test_new_fields_survive_a_round_trip() -> None:
    data = {
        "type": "function_call",
        "call_id": "c",
        "name": "f",
        "arguments": "{}",
        "namespace": "ns",
    }
    item = output_item_adapter().validate_python(data)
    assert item.to_input_item()["namespace"] == "ns"


def test_model_response_json_round_trip() -> None:
    response = ModelResponse(
        output=[assistant_message("hi"), function_call("f", {"a": 1}, call_id="c")],
        usage=Usage(requests=1, input_tokens=3, output_tokens=2, total_tokens=5),
        response_id="resp_1",
    )
    again = ModelResponse.from_json_dict(response.to_json_dict())
    assert again.to_json_dict() == response.to_json_dict()
    assert again.usage == response.usage


def test_item_helpers() -> None:
    message = ResponseOutputMessage.model_validate(
        {
            "id": "m",
            "content": [{"type": "output_text", "text": "a"}, {"type": "output_text", "text": "b"}],
        }
    )
    assert ItemHelpers.extract_text(message) == "ab"
    assert ItemHelpers.extract_last_text(message) == "b"
    assert ItemHelpers.extract_last_content(refusal("no")) == "no"
    assert ItemHelpers.extract_refusal(refusal("no")) == "no"
    assert ItemHelpers.extract_text(function_call("f", {}, call_id="c")) is None
    agent = Agent(name="a")
    items = [
        MessageOutputItem(agent=agent, raw_item=assistant_message("x")),
        MessageOutputItem(agent=agent, raw_item=assistant_message("y")),
    ]
    assert ItemHelpers.text_message_outputs(items) == "xy"  # type: ignore[arg-type]
    assert ItemHelpers.input_to_new_input_list("q") == [{"role": "user", "content": "q"}]
    original = [{"role": "user", "content": "q"}]
    copied = ItemHelpers.input_to_new_input_list(original)
    copied[0]["content"] = "changed"
    assert original[0]["content"] == "q"


def test_tool_outputs_are_stringified_for_the_model() -> None:
    class Point(BaseModel):
        x: int

    assert stringify_tool_output("s") == "s"
    assert stringify_tool_output(Point(x=1)) == '{"x":1}'
    assert stringify_tool_output({"a": [1, "é"]}) == '{"a": [1, "é"]}'
    assert stringify_tool_output(3) == "3"
    assert stringify_tool_output(None) == "None"


async def test_released_items_keep_only_a_weak_reference_to_their_agent() -> None:
    import gc

    from agents_core import Agent, Runner
    from agents_core.testing import ScriptedModel

    agent = Agent(name="short-lived", model=ScriptedModel(["hi"]))
    result = await Runner.run(agent, "hello")
    [message] = result.new_items
    result.release_agents()
    assert message.agent is agent and "agent" not in vars(message)
    del agent
    result._last_agent = None  # type: ignore[assignment]  # the result's own reference
    result._progress = None
    gc.collect()
    assert message.agent is None
