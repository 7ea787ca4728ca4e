"""The Responses stream events a server would send for a complete response.

Used where a response exists before its stream does: a scripted model and a replayed recording
stream their responses the way the API would (text in word-sized deltas, argument deltas,
``response.completed`` with the whole response). Events and items are built with their
``wire_class``, so they are ``openai``'s classes too while that package is in use.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .._base.usage import Usage
from .._items.items import (
    ModelResponse,
    ResponseFunctionToolCall,
    ResponseOutputMessage,
    ResponseOutputText,
)
from .._items.openai_types import as_wire_object, wire_class
from .._items.stream_types import (
    Response,
    ResponseCompletedEvent,
    ResponseContentPartAddedEvent,
    ResponseContentPartDoneEvent,
    ResponseCreatedEvent,
    ResponseFunctionCallArgumentsDeltaEvent,
    ResponseFunctionCallArgumentsDoneEvent,
    ResponseOutputItemAddedEvent,
    ResponseOutputItemDoneEvent,
    ResponseStreamEvent,
    ResponseTextDeltaEvent,
    ResponseTextDoneEvent,
    ResponseUsage,
)

__all__ = ("stream_events_for",)

_WORDS = re.compile(r"\S+\s*|\s+")

_Add = Callable[[ResponseStreamEvent], None]


def _message_events(add: _Add, index: int, item: ResponseOutputMessage) -> None:
    add(
        wire_class(ResponseOutputItemAddedEvent)(
            output_index=index,
            item=item.model_copy(update={"content": [], "status": "in_progress"}),
        )
    )
    for part_index, part in enumerate(item.content):
        where: dict[str, Any] = {
            "item_id": item.id,
            "output_index": index,
            "content_index": part_index,
        }
        if isinstance(part, ResponseOutputText):
            empty = wire_class(ResponseOutputText)(text="")
            add(wire_class(ResponseContentPartAddedEvent)(**where, part=empty))
            for delta in _WORDS.findall(part.text):
                add(wire_class(ResponseTextDeltaEvent)(**where, delta=delta))
            add(wire_class(ResponseTextDoneEvent)(**where, text=part.text))
        else:
            add(wire_class(ResponseContentPartAddedEvent)(**where, part=part))
        add(wire_class(ResponseContentPartDoneEvent)(**where, part=part))


def _function_call_events(add: _Add, index: int, item: ResponseFunctionToolCall) -> None:
    item_id = item.id or item.call_id
    in_progress = item.model_copy(update={"arguments": "", "status": "in_progress"})
    add(wire_class(ResponseOutputItemAddedEvent)(output_index=index, item=in_progress))
    add(
        wire_class(ResponseFunctionCallArgumentsDeltaEvent)(
            item_id=item_id, output_index=index, delta=item.arguments
        )
    )
    add(
        wire_class(ResponseFunctionCallArgumentsDoneEvent)(
            item_id=item_id, output_index=index, name=item.name, arguments=item.arguments
        )
    )


def _usage(usage: Usage) -> ResponseUsage:
    return wire_class(ResponseUsage)(
        input_tokens=usage.input_tokens,
        input_tokens_details={"cached_tokens": usage.input_tokens_details.cached_tokens},
        output_tokens=usage.output_tokens,
        output_tokens_details={"reasoning_tokens": usage.output_tokens_details.reasoning_tokens},
        total_tokens=usage.total_tokens,
    )


def stream_events_for(response: ModelResponse) -> list[ResponseStreamEvent]:
    """The Responses stream events a server would send for ``response``, text in word deltas."""
    events: list[ResponseStreamEvent] = []

    def add(event: ResponseStreamEvent) -> None:
        event.sequence_number = len(events)
        events.append(event)

    assert response.response_id is not None
    output = [as_wire_object(item) for item in response.output]
    started = wire_class(Response)(id=response.response_id, status="in_progress")
    add(wire_class(ResponseCreatedEvent)(response=started))
    for index, item in enumerate(output):
        if isinstance(item, ResponseOutputMessage):
            _message_events(add, index, item)
        elif isinstance(item, ResponseFunctionToolCall):
            _function_call_events(add, index, item)
        else:
            add(wire_class(ResponseOutputItemAddedEvent)(output_index=index, item=item))
        add(wire_class(ResponseOutputItemDoneEvent)(output_index=index, item=item))
    completed = wire_class(Response)(
        id=response.response_id,
        status="completed",
        output=output,
        usage=_usage(response.usage),
    )
    add(wire_class(ResponseCompletedEvent)(response=completed))
    return events
