"""Without the ``openai`` package, wire objects are this library's own classes and nothing tries
to import it; asking for its classes without it is a clear error.

With ``openai`` installed, the same objects are also its classes: that is checked in a venv
that has it (``tests/openai/test_openai_package.py``).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from agents_core import (
    Agent,
    ModelResponse,
    ResponseFunctionToolCall,
    ResponseOtherItem,
    ResponseOutputMessage,
    ResponseReasoningItem,
    Runner,
    UserError,
    function_tool,
)
from agents_core.openai_types import (
    as_wire_object,
    openai_types_active,
    set_openai_types,
    wire_class,
)
from agents_core.stream_types import (
    Response,
    ResponseCompletedEvent,
    ResponseStreamEvent,
    ResponseTextDeltaEvent,
    ResponseUsage,
)
from agents_core.testing import ScriptedModel, assistant_message, function_call


@pytest.fixture(autouse=True)
def automatic_choice() -> Iterator[None]:
    """The suite never imports openai; each test leaves the choice automatic."""
    assert sys.modules.get("openai") is None, "something in this test run imported openai"
    yield
    set_openai_types(None)


def test_wire_classes_are_our_own_without_openai() -> None:
    assert not openai_types_active()
    for cls in (
        ResponseTextDeltaEvent,
        ResponseCompletedEvent,
        ResponseStreamEvent,
        Response,
        ResponseUsage,
        ResponseOutputMessage,
        ResponseFunctionToolCall,
        ResponseReasoningItem,
        ResponseOtherItem,
    ):
        assert wire_class(cls) is cls
    item = assistant_message("hi")
    assert as_wire_object(item) is item
    assert as_wire_object({"type": "message"}) == {"type": "message"}


def test_validated_items_are_our_own_classes() -> None:
    outputs = [
        assistant_message("hi").to_input_item(),
        function_call("f", {}, call_id="c1").to_input_item(),
        {"type": "web_search_call", "id": "ws_1", "status": "completed"},
    ]
    response = ModelResponse.from_json_dict({"output": outputs, "response_id": "r1"})
    assert [type(item) for item in response.output] == [
        ResponseOutputMessage,
        ResponseFunctionToolCall,
        ResponseOtherItem,
    ]


def test_another_items_fields_survive_a_round_trip_as_they_came() -> None:
    raw = {"type": "web_search_call", "id": "ws_1", "status": None, "action": {"query": "q"}}
    (item,) = ModelResponse.from_json_dict({"output": [raw], "response_id": "r1"}).output
    assert item.to_input_item() == raw  # nulls kept, nothing added


async def test_a_streamed_run_builds_only_our_classes() -> None:
    @function_tool
    def f() -> str:
        """Do nothing."""
        return "ok"

    model = ScriptedModel([[function_call("f", {}, call_id="c1")], "Done."])
    result = Runner.run_streamed(Agent(name="a", model=model, tools=[f]), "hi")
    classes = {
        type(event.data)
        async for event in result.stream_events()
        if event.type == "raw_response_event"
    }
    assert classes and all(cls.__module__.startswith("agents_core._items.") for cls in classes)
    assert {type(item.raw_item) for item in result.new_items} <= {
        ResponseOutputMessage,
        ResponseFunctionToolCall,
        dict,
    }
    assert sys.modules.get("openai") is None


def test_asking_for_openai_classes_without_the_package_is_a_user_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "openai", None)  # as when it is not installed
    with pytest.raises(UserError, match=r"pip install openai"):
        set_openai_types(True)
    assert not openai_types_active()
    assert wire_class(ResponseTextDeltaEvent) is ResponseTextDeltaEvent


def test_openai_classes_can_be_turned_off() -> None:
    set_openai_types(False)
    assert not openai_types_active()
    assert wire_class(Response) is Response
    set_openai_types(None)
    assert not openai_types_active()
