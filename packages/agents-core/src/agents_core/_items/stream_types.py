"""Typed events of the Responses streaming API, as a model yields them from ``stream_response``.

The runtime itself needs only ``response.completed`` (the finished response) and forwards every
event to ``run_streamed`` consumers unchanged. Event types without a model here arrive as
``ResponseStreamEvent`` with all their fields kept.
"""

from __future__ import annotations

import abc
from collections.abc import AsyncGenerator, AsyncIterator
from typing import Annotated, Any, Literal, TypeAlias

from pydantic import Discriminator, Tag, TypeAdapter

from .._base.usage import InputTokensDetails, OutputTokensDetails, Usage
from .items import (
    ResponseOutputRefusal,
    ResponseOutputText,
    TResponseOutputItem,
    _WireModel,
)

__all__ = (
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


class ResponseUsage(_WireModel):
    """Token usage as the Responses API reports it."""

    input_tokens: int = 0
    input_tokens_details: dict[str, int] = {"cached_tokens": 0}  # noqa: RUF012 (pydantic copies)
    output_tokens: int = 0
    output_tokens_details: dict[str, int] = {"reasoning_tokens": 0}  # noqa: RUF012
    total_tokens: int = 0

    def to_usage(self) -> Usage:
        """This figure as a one-request ``Usage``."""
        return Usage(
            requests=1,
            input_tokens=self.input_tokens,
            input_tokens_details=InputTokensDetails(
                self.input_tokens_details.get("cached_tokens", 0) or 0
            ),
            output_tokens=self.output_tokens,
            output_tokens_details=OutputTokensDetails(
                self.output_tokens_details.get("reasoning_tokens", 0) or 0
            ),
            total_tokens=self.total_tokens,
        )


class Response(_WireModel):
    """A Responses API response object (the fields the runtime reads; all others are kept)."""

    id: str
    object: Literal["response"] = "response"
    status: str | None = None
    model: str | None = None
    output: list[TResponseOutputItem] = []  # noqa: RUF012 (pydantic copies defaults)
    usage: ResponseUsage | None = None


class ResponseStreamEvent(_WireModel):
    """Any event of the Responses stream; subclasses type the ones the runtime produces."""

    type: str
    sequence_number: int = 0


class ResponseCreatedEvent(ResponseStreamEvent):
    """``response.created``: the response has started."""

    type: Literal["response.created"] = "response.created"
    response: Response


class ResponseCompletedEvent(ResponseStreamEvent):
    """``response.completed``: the finished response, with its output and usage."""

    type: Literal["response.completed"] = "response.completed"
    response: Response


class ResponseOutputItemAddedEvent(ResponseStreamEvent):
    """``response.output_item.added``: a new output item has started."""

    type: Literal["response.output_item.added"] = "response.output_item.added"
    output_index: int
    item: TResponseOutputItem


class ResponseOutputItemDoneEvent(ResponseStreamEvent):
    """``response.output_item.done``: an output item is complete."""

    type: Literal["response.output_item.done"] = "response.output_item.done"
    output_index: int
    item: TResponseOutputItem


class ResponseContentPartAddedEvent(ResponseStreamEvent):
    """``response.content_part.added``: a message content part has started."""

    type: Literal["response.content_part.added"] = "response.content_part.added"
    item_id: str
    output_index: int
    content_index: int
    part: ResponseOutputText | ResponseOutputRefusal


class ResponseContentPartDoneEvent(ResponseStreamEvent):
    """``response.content_part.done``: a message content part is complete."""

    type: Literal["response.content_part.done"] = "response.content_part.done"
    item_id: str
    output_index: int
    content_index: int
    part: ResponseOutputText | ResponseOutputRefusal


class ResponseTextDeltaEvent(ResponseStreamEvent):
    """``response.output_text.delta``: a piece of message text."""

    type: Literal["response.output_text.delta"] = "response.output_text.delta"
    item_id: str
    output_index: int
    content_index: int
    delta: str
    logprobs: list[dict[str, Any]] = []  # noqa: RUF012 (pydantic copies defaults)


class ResponseTextDoneEvent(ResponseStreamEvent):
    """``response.output_text.done``: the full text of a content part."""

    type: Literal["response.output_text.done"] = "response.output_text.done"
    item_id: str
    output_index: int
    content_index: int
    text: str
    logprobs: list[dict[str, Any]] = []  # noqa: RUF012 (pydantic copies defaults)


class ResponseFunctionCallArgumentsDeltaEvent(ResponseStreamEvent):
    """``response.function_call_arguments.delta``: a piece of a tool call's arguments."""

    type: Literal["response.function_call_arguments.delta"] = (
        "response.function_call_arguments.delta"
    )
    item_id: str
    output_index: int
    delta: str


class ResponseFunctionCallArgumentsDoneEvent(ResponseStreamEvent):
    """``response.function_call_arguments.done``: a tool call's complete arguments."""

    type: Literal["response.function_call_arguments.done"] = "response.function_call_arguments.done"
    item_id: str
    output_index: int
    name: str | None = None
    arguments: str


_TYPED_EVENTS: dict[str, type[ResponseStreamEvent]] = {
    cls.model_fields["type"].default: cls
    for cls in (
        ResponseCreatedEvent,
        ResponseCompletedEvent,
        ResponseOutputItemAddedEvent,
        ResponseOutputItemDoneEvent,
        ResponseContentPartAddedEvent,
        ResponseContentPartDoneEvent,
        ResponseTextDeltaEvent,
        ResponseTextDoneEvent,
        ResponseFunctionCallArgumentsDeltaEvent,
        ResponseFunctionCallArgumentsDoneEvent,
    )
}


def _event_tag(value: Any) -> str:
    kind = value.get("type") if isinstance(value, dict) else getattr(value, "type", None)
    return kind if kind in _TYPED_EVENTS else "other"


TResponseStreamEvent: TypeAlias = Annotated[
    Annotated[ResponseCreatedEvent, Tag("response.created")]
    | Annotated[ResponseCompletedEvent, Tag("response.completed")]
    | Annotated[ResponseOutputItemAddedEvent, Tag("response.output_item.added")]
    | Annotated[ResponseOutputItemDoneEvent, Tag("response.output_item.done")]
    | Annotated[ResponseContentPartAddedEvent, Tag("response.content_part.added")]
    | Annotated[ResponseContentPartDoneEvent, Tag("response.content_part.done")]
    | Annotated[ResponseTextDeltaEvent, Tag("response.output_text.delta")]
    | Annotated[ResponseTextDoneEvent, Tag("response.output_text.done")]
    | Annotated[
        ResponseFunctionCallArgumentsDeltaEvent, Tag("response.function_call_arguments.delta")
    ]
    | Annotated[
        ResponseFunctionCallArgumentsDoneEvent, Tag("response.function_call_arguments.done")
    ]
    | Annotated[ResponseStreamEvent, Tag("other")],
    Discriminator(_event_tag),
]
"""One event of a Responses stream."""

stream_event_adapter: TypeAdapter[TResponseStreamEvent] = TypeAdapter(TResponseStreamEvent)
"""Validates one stream event from JSON data."""


class ResponseEventStream(AsyncIterator[TResponseStreamEvent]):
    """The events of one streamed response, which a streamed run decodes where they are read.

    A model's ``stream_response`` may return one. Iterated, it yields typed events like any
    stream. A streamed run reads ``batches()`` instead and hands each batch to its reader as
    it is: an item is either a typed event or a payload (``bytes`` or ``str``) that ``decode``
    turns into its event later, in the task that reads the run's events. So an event's objects
    are made and dropped by the reader, one at a time, and what waits between the two tasks is
    compact and invisible to the garbage collector. The events the runtime acts on must be typed
    in the batches: ``response.completed`` (also kept in ``completed``) and those that end the
    stream with an error.
    """

    completed: ResponseCompletedEvent | None = None
    """The stream's ``response.completed`` event, once it has arrived."""

    _typed: AsyncGenerator[TResponseStreamEvent, None] | None = None

    @abc.abstractmethod
    def batches(self) -> AsyncIterator[list[Any]]:
        """The stream's items in order, a list at a time (typed events and payloads)."""

    def decode(self, item: Any) -> TResponseStreamEvent:
        """The typed event for one item of ``batches()``; called for every item, in order
        (typed events included, which it returns as they are)."""
        event: TResponseStreamEvent = item
        return event

    def __aiter__(self) -> ResponseEventStream:
        return self

    async def __anext__(self) -> TResponseStreamEvent:
        typed = self._typed
        if typed is None:
            typed = self._typed = self._decoded()
        return await typed.__anext__()

    async def aclose(self) -> None:
        """Stop reading the stream (and close its connection)."""
        if self._typed is not None:
            await self._typed.aclose()

    async def _decoded(self) -> AsyncGenerator[TResponseStreamEvent, None]:
        decode = self.decode
        async for batch in self.batches():
            for item in batch:
                yield decode(item)
