"""Without the ``openai`` package imported, wire objects are this library's own classes and
nothing imports it; asking for its classes without it installed is a clear error.

These run with only agents-core installed too (``tests/test_distributions.py``). With ``openai``,
the same objects are also its classes: ``tests/openai/test_openai_types.py`` and
``test_openai_interop.py`` (in this process), ``test_openai_package.py`` (from our wheels, in a
venv).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

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
def without_openai(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """As in a program that has not imported openai: the automatic choice, nothing loaded."""
    monkeypatch.delitem(sys.modules, "openai", raising=False)
    set_openai_types(None)
    yield
    assert sys.modules.get("openai") is None, "something imported openai"


def _response(output: list[dict[str, Any]]) -> ModelResponse:
    return ModelResponse.from_json_dict({"output": output, "response_id": "resp_1"})


# ------------------------------------------------------------------------------ without openai


@pytest.mark.usefixtures("without_openai")
def test_without_openai_the_classes_are_our_own() -> None:
    assert not openai_types_active()
    for cls in OUR_CLASSES:
        assert wire_class(cls) is cls
    item = assistant_message("hi")
    assert as_wire_object(item) is item
    assert [type(item) for item in _response(OUTPUT).output] == [
        ResponseOutputMessage,
        ResponseFunctionToolCall,
        ResponseReasoningItem,
        ResponseOtherItem,
        ResponseOtherItem,
    ]


@pytest.mark.usefixtures("without_openai")
async def test_without_openai_a_streamed_run_builds_only_our_classes() -> None:
    model = ScriptedModel([[function_call("lookup", {}, call_id="c1")], "Done."])
    result = Runner.run_streamed(Agent(name="a", model=model, tools=[lookup]), "hi")
    classes = {
        type(event.data)
        async for event in result.stream_events()
        if event.type == "raw_response_event"
    }
    assert classes and all(cls.__module__ == "agents_core._items.stream_types" for cls in classes)
    assert {type(item.raw_item) for item in result.new_items} == {
        ResponseFunctionToolCall,
        ResponseOutputMessage,
        dict,
    }


def test_asking_for_openai_classes_without_the_package_is_a_user_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "openai", None)  # as when it is not installed
    with pytest.raises(UserError, match=r"pip install openai"):
        set_openai_types(True)
    set_openai_types(None)
    assert not openai_types_active()
    assert wire_class(ResponseTextDeltaEvent) is ResponseTextDeltaEvent
