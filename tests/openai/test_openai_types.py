"""The runtime's wire objects with the ``openai`` package imported: every output item, event and
response is an instance of both this library's class and ``openai``'s, keeps this library's
field types, and turns into the very same JSON; scripted streams and saved runs too.

(The mechanism is ``agents_core.openai_types``; its tests without ``openai`` are in
``tests/core/test_openai_types.py``, which also run where only agents-core is installed.)
"""

from __future__ import annotations

import pickle
from typing import Any

import pytest
from openai.types import responses as openai_types

from agents_core import (
    Agent,
    ModelResponse,
    ResponseFunctionToolCall,
    ResponseOtherItem,
    ResponseOutputMessage,
    ResponseOutputRefusal,
    ResponseOutputText,
    ResponseReasoningItem,
    Runner,
    RunState,
    function_tool,
)
from agents_core.openai_types import (
    as_wire_object,
    openai_types_active,
    set_openai_types,
    wire_class,
)
from agents_core.stream_types import (
    ReasoningSummary,
    Response,
    ResponseCompletedEvent,
    ResponseStreamEvent,
    ResponseTextDeltaEvent,
    ResponseUsage,
)
from agents_core.testing import ScriptedModel, assistant_message, function_call, reasoning

OUR_CLASSES = (
    ResponseTextDeltaEvent,
    ResponseCompletedEvent,
    ResponseStreamEvent,
    Response,
    ResponseUsage,
    ResponseOutputMessage,
    ResponseFunctionToolCall,
    ResponseReasoningItem,
    ResponseOtherItem,
)

OUTPUT: list[dict[str, Any]] = [
    {
        "type": "message",
        "id": "msg_1",
        "role": "assistant",
        "status": "completed",
        "content": [
            {
                "type": "output_text",
                "text": "Hi.",
                "annotations": [{"type": "url_citation", "url": "https://example.com"}],
                "logprobs": [],
            },
            {"type": "refusal", "refusal": "No."},
        ],
    },
    {"type": "function_call", "call_id": "c1", "name": "f", "arguments": "{}", "id": "fc_1"},
    {
        "type": "reasoning",
        "id": "rs_1",
        "summary": [{"type": "summary_text", "text": "Thinking."}],
        "encrypted_content": "abc",
    },
    {"type": "web_search_call", "id": "ws_1", "status": None, "action": {"query": "q"}},
    {"type": "brand_new_call", "id": "bn_1", "payload": [1, 2]},
]


@function_tool
def lookup() -> str:
    """Look something up."""
    return "found"


@pytest.fixture
def with_openai() -> None:
    """As in a program that has imported openai: the automatic choice."""
    import openai  # noqa: F401

    set_openai_types(None)


def _both(value: Any, ours: type[Any], theirs: type[Any]) -> bool:
    """Whether ``value`` is an instance of both classes (type checkers hold that impossible,
    seeing the two class trees apart, so the checks are made out of their sight)."""
    return isinstance(value, ours) and isinstance(value, theirs)


def _response(output: list[dict[str, Any]]) -> ModelResponse:
    return ModelResponse.from_json_dict({"output": output, "response_id": "resp_1"})


@pytest.mark.usefixtures("with_openai")
def test_openai_classes_can_be_turned_off() -> None:
    assert openai_types_active()
    set_openai_types(False)
    assert not openai_types_active()
    assert all(wire_class(cls) is cls for cls in OUR_CLASSES)


@pytest.mark.usefixtures("with_openai")
def test_items_are_both_classes_and_keep_our_field_types() -> None:
    output: list[Any] = list(_response(OUTPUT).output)  # fields only some items have are read
    message, call, thought, search, unknown = output
    pairs = [
        (message, ResponseOutputMessage, openai_types.ResponseOutputMessage),
        (call, ResponseFunctionToolCall, openai_types.ResponseFunctionToolCall),
        (thought, ResponseReasoningItem, openai_types.ResponseReasoningItem),
        (search, ResponseOtherItem, openai_types.ResponseFunctionWebSearch),
    ]
    for item, ours, theirs in pairs:
        assert _both(item, ours, theirs), type(item).__mro__
    assert isinstance(message, ResponseOutputMessage)
    assert _both(message.content[0], ResponseOutputText, openai_types.ResponseOutputText)
    assert _both(message.content[1], ResponseOutputRefusal, openai_types.ResponseOutputRefusal)
    assert isinstance(thought, ResponseReasoningItem)
    assert _both(thought.summary[0], ReasoningSummary, openai_types.response_reasoning_item.Summary)
    assert type(unknown) is ResponseOtherItem  # a type openai does not know either
    assert search.action == {"query": "q"}  # a field we do not model: the JSON as it came
    assert getattr(search, "status", "absent") is None


def test_the_json_of_items_is_the_same_with_and_without_openai() -> None:
    import openai  # noqa: F401

    set_openai_types(False)
    plain = [item.to_input_item() for item in _response(OUTPUT).output]
    set_openai_types(True)
    both = _response(OUTPUT).output
    assert all(type(item).__module__ == "agents_core._items.openai_types" for item in both[:4])
    assert [item.to_input_item() for item in both] == plain
    assert plain[3] == OUTPUT[3]  # nulls kept, nothing added
    assert _response(OUTPUT).to_json_dict() == _response(OUTPUT).to_json_dict()


@pytest.mark.usefixtures("with_openai")
def test_objects_made_before_become_both_classes() -> None:
    set_openai_types(False)
    made = [assistant_message("hi"), function_call("f", {}, call_id="c1"), reasoning("r")]
    set_openai_types(None)
    converted = [as_wire_object(item) for item in made]
    theirs = (
        openai_types.ResponseOutputMessage,
        openai_types.ResponseFunctionToolCall,
        openai_types.ResponseReasoningItem,
    )
    assert [isinstance(item, cls) for item, cls in zip(converted, theirs, strict=True)] == [
        True
    ] * 3
    assert [item.to_input_item() for item in converted] == [item.to_input_item() for item in made]
    assert as_wire_object(converted[0]) is converted[0]


@pytest.mark.usefixtures("with_openai")
async def test_a_scripted_streamed_run_builds_both_classes() -> None:
    set_openai_types(False)
    script = [[reasoning("Looking."), function_call("lookup", {}, call_id="c1")], "Found it."]
    set_openai_types(None)
    model = ScriptedModel(script)
    result = Runner.run_streamed(Agent(name="a", model=model, tools=[lookup]), "hi")
    events = [
        event.data async for event in result.stream_events() if event.type == "raw_response_event"
    ]
    for event in events:
        assert _both(event, ResponseStreamEvent, getattr(openai_types, type(event).__name__))
    completed = events[-1]
    assert isinstance(completed, ResponseCompletedEvent)
    response: Any = completed.response
    assert _both(response, Response, openai_types.Response)
    assert response.output_text == "Found it."  # openai's own property works
    raw_items = [item.raw_item for item in result.new_items if not isinstance(item.raw_item, dict)]
    assert [type(item).__name__ for item in raw_items] == [
        "ResponseReasoningItem",
        "ResponseFunctionToolCall",
        "ResponseOutputMessage",
    ]
    assert all(type(item).__module__ == "agents_core._items.openai_types" for item in raw_items)
    assert result.final_output == "Found it."


@pytest.mark.usefixtures("with_openai")
async def test_a_paused_run_saved_and_loaded_keeps_both_classes() -> None:
    from agents_core import function_tool as tool

    @tool(needs_approval=True)
    def refund(amount: int) -> str:
        """Refund an amount."""
        return f"refunded {amount}"

    model = ScriptedModel([[function_call("refund", {"amount": 5}, call_id="c1")], "Refunded."])
    agent = Agent(name="a", model=model, tools=[refund])
    result = await Runner.run(agent, "Refund 5.")
    (approval,) = result.interruptions
    raw: Any = approval.raw_item  # typed as this library's classes only
    assert isinstance(raw, openai_types.ResponseFunctionToolCall)
    state = await RunState.from_string(agent, result.to_state().to_string())
    (loaded,) = state.get_interruptions()
    raw = loaded.raw_item
    assert isinstance(raw, openai_types.ResponseFunctionToolCall)
    state.approve(loaded)
    resumed = await Runner.run(agent, state)
    assert resumed.final_output == "Refunded."


@pytest.mark.usefixtures("with_openai")
def test_objects_of_both_classes_pickle() -> None:
    response = _response(OUTPUT)
    completed = wire_class(ResponseCompletedEvent)(
        response=wire_class(Response)(id="resp_1", output=response.output)
    )
    for value in [*response.output, completed]:
        restored = pickle.loads(pickle.dumps(value))
        assert type(restored) is type(value) and restored == value
        assert restored.model_dump(exclude_unset=True) == value.model_dump(exclude_unset=True)
