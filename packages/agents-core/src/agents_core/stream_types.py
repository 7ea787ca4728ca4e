"""Typed events of the Responses stream, as models yield them and ``run_streamed`` passes them on.

Use them to pick events out of a streamed run::

    async for event in result.stream_events():
        if event.type == "raw_response_event" and isinstance(event.data, ResponseTextDeltaEvent):
            print(event.data.delta, end="")

Model providers build these (``agents_openai`` types every other event of the API too), and
may return a ``ResponseEventStream`` from ``stream_response`` so that a streamed run decodes each
event in the task that reads it.
"""

from ._items.items import ReasoningSummary as ReasoningSummary
from ._items.stream_types import Response as Response
from ._items.stream_types import ResponseCompletedEvent as ResponseCompletedEvent
from ._items.stream_types import ResponseContentPartAddedEvent as ResponseContentPartAddedEvent
from ._items.stream_types import ResponseContentPartDoneEvent as ResponseContentPartDoneEvent
from ._items.stream_types import ResponseCreatedEvent as ResponseCreatedEvent
from ._items.stream_types import ResponseEventStream as ResponseEventStream
from ._items.stream_types import (
    ResponseFunctionCallArgumentsDeltaEvent as ResponseFunctionCallArgumentsDeltaEvent,
)
from ._items.stream_types import (
    ResponseFunctionCallArgumentsDoneEvent as ResponseFunctionCallArgumentsDoneEvent,
)
from ._items.stream_types import ResponseOutputItemAddedEvent as ResponseOutputItemAddedEvent
from ._items.stream_types import ResponseOutputItemDoneEvent as ResponseOutputItemDoneEvent
from ._items.stream_types import ResponseStreamEvent as ResponseStreamEvent
from ._items.stream_types import ResponseTextDeltaEvent as ResponseTextDeltaEvent
from ._items.stream_types import ResponseTextDoneEvent as ResponseTextDoneEvent
from ._items.stream_types import ResponseUsage as ResponseUsage
from ._items.stream_types import TResponseStreamEvent as TResponseStreamEvent
from ._items.stream_types import stream_event_adapter as stream_event_adapter

__all__ = (
    "ReasoningSummary",
    "Response",
    "ResponseCompletedEvent",
    "ResponseContentPartAddedEvent",
    "ResponseContentPartDoneEvent",
    "ResponseCreatedEvent",
    "ResponseEventStream",
    "ResponseFunctionCallArgumentsDeltaEvent",
    "ResponseFunctionCallArgumentsDoneEvent",
    "ResponseOutputItemAddedEvent",
    "ResponseOutputItemDoneEvent",
    "ResponseStreamEvent",
    "ResponseTextDeltaEvent",
    "ResponseTextDoneEvent",
    "ResponseUsage",
    "TResponseStreamEvent",
    "stream_event_adapter",
)
