"""The Responses stream events a server would send for a complete response.

Used where a response exists before its stream does: a scripted model and a replayed recording
stream their responses the way the API would (text in word-sized deltas, argument deltas,
``response.completed`` with the whole response).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .._base.usage import Usage
from .._items.items import (
    ModelResponse,
    ResponseFunctionToolCall,
    ResponseOutputMessage,
    ResponseOutputText,
)
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
        ResponseOutputItemAddedEvent(
            output_index=index,
            item=item.model_copy(update={"content": [], "status": "in_progress"}),
        )
    )
    for part_index, part in enumerate(item.content):
        where = {"item_id": item.id, "output_index": index, "content_index": part_index}
        if isinstance(part, ResponseOutputText):
            add(ResponseContentPartAddedEvent(**where, part=ResponseOutputText(text="")))
            for delta in _WORDS.findall(part.text):
                add(ResponseTextDeltaEvent(**where, delta=delta))
            add(ResponseTextDoneEvent(**where, text=part.text))
        else:
            add(ResponseContentPartAddedEvent(**where, part=part))
        add(ResponseContentPartDoneEvent(**where, part=part))


def _function_call_events(add: _Add, index: int, item: ResponseFunctionToolCall) -> None:
    item_id = item.id or item.call_id
    in_progress = item.model_copy(update={"arguments": "", "status": "in_progress"})
    add(ResponseOutputItemAddedEvent(output_index=index, item=in_progress))
    add(
        ResponseFunctionCallArgumentsDeltaEvent(
            item_id=item_id, output_index=index, delta=item.arguments
        )
    )
    add(
        ResponseFunctionCallArgumentsDoneEvent(
            item_id=item_id, output_index=index, name=item.name, arguments=item.arguments
        )
    )


def _usage(usage: Usage) -> ResponseUsage:
    return ResponseUsage(
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
    add(ResponseCreatedEvent(response=Response(id=response.response_id, status="in_progress")))
    for index, item in enumerate(response.output):
        if isinstance(item, ResponseOutputMessage):
            _message_events(add, index, item)
        elif isinstance(item, ResponseFunctionToolCall):
            _function_call_events(add, index, item)
        else:
            add(ResponseOutputItemAddedEvent(output_index=index, item=item))
        add(ResponseOutputItemDoneEvent(output_index=index, item=item))
    completed = Response(
        id=response.response_id,
        status="completed",
        output=list(response.output),
        usage=_usage(response.usage),
    )
    add(ResponseCompletedEvent(response=completed))
    return events
