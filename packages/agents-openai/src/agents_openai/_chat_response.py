"""Chat completions read back as Responses output: one body, or a stream of chunks as events."""

from __future__ import annotations

from typing import Any

from agents_core import (
    InputTokensDetails,
    ModelResponse,
    OutputTokensDetails,
    ResponseFunctionToolCall,
    ResponseOutputMessage,
    ResponseOutputRefusal,
    ResponseOutputText,
    ResponseReasoningItem,
    TResponseOutputItem,
    Usage,
)
from agents_core.openai_types import wire_class
from agents_core.stream_types import (
    ReasoningSummary,
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

from ._events import ResponseRefusalDeltaEvent, ResponseRefusalDoneEvent, trusted_event
from .exceptions import APIResponseValidationError

__all__ = ("ChatStreamAssembler", "chat_model_response", "chat_usage")


def chat_usage(usage: dict[str, Any] | None) -> Usage:
    """A chat ``usage`` object as a one-request ``Usage`` (cached and reasoning tokens kept)."""
    if not usage:
        return Usage(requests=1)
    prompt_details = usage.get("prompt_tokens_details") or {}
    completion_details = usage.get("completion_tokens_details") or {}
    return Usage(
        requests=1,
        input_tokens=usage.get("prompt_tokens") or 0,
        input_tokens_details=InputTokensDetails(prompt_details.get("cached_tokens") or 0),
        output_tokens=usage.get("completion_tokens") or 0,
        output_tokens_details=OutputTokensDetails(completion_details.get("reasoning_tokens") or 0),
        total_tokens=usage.get("total_tokens") or 0,
    )


def _response_usage(usage: Usage) -> ResponseUsage:
    return wire_class(ResponseUsage)(
        input_tokens=usage.input_tokens,
        input_tokens_details={"cached_tokens": usage.input_tokens_details.cached_tokens},
        output_tokens=usage.output_tokens,
        output_tokens_details={"reasoning_tokens": usage.output_tokens_details.reasoning_tokens},
        total_tokens=usage.total_tokens,
    )


def _message_items(completion_id: str, message: dict[str, Any]) -> list[TResponseOutputItem]:
    items: list[TResponseOutputItem] = []
    reasoning = message.get("reasoning_content")
    if isinstance(reasoning, str) and reasoning:
        # Some compatible servers (vLLM, DeepSeek) return their reasoning beside the answer.
        items.append(
            wire_class(ResponseReasoningItem)(
                id=f"rs_{completion_id}", summary=[wire_class(ReasoningSummary)(text=reasoning)]
            )
        )
    parts: list[ResponseOutputText | ResponseOutputRefusal] = []
    if message.get("content"):
        parts.append(wire_class(ResponseOutputText)(text=message["content"]))
    if message.get("refusal"):
        parts.append(wire_class(ResponseOutputRefusal)(refusal=message["refusal"]))
    if parts:
        items.append(wire_class(ResponseOutputMessage)(id=f"msg_{completion_id}", content=parts))
    for call in message.get("tool_calls") or ():
        function = call["function"]
        items.append(
            wire_class(ResponseFunctionToolCall)(
                call_id=call["id"],
                name=function["name"],
                arguments=function.get("arguments") or "",
                status="completed",
            )
        )
    return items


def chat_model_response(
    body: Any, request_id: str | None, *, keep_raw_usage: bool = False
) -> ModelResponse:
    """A ``chat.completion`` body as a ``ModelResponse`` (message, tool calls, usage)."""
    try:
        choice = body["choices"][0]
        message = choice["message"]
        items = _message_items(str(body.get("id", "chat")), message)
    except (KeyError, IndexError, TypeError) as exc:
        raise APIResponseValidationError(
            f"The chat completion has no usable first choice ({type(exc).__name__}: {exc}).",
            request_id=request_id,
        ) from exc
    return ModelResponse(
        output=items,
        usage=chat_usage(body.get("usage")),
        response_id=None,
        request_id=request_id,
        raw_usage=body.get("usage") if keep_raw_usage else None,
    )


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise APIResponseValidationError(
            f"A chat stream chunk has a {type(value).__name__} where text belongs: {value!r:.100}"
        )
    return value


class _Text:
    """Text that arrives in pieces, kept compact: the pieces are joined every so often, so a
    long stream holds a few strings, not one per delta."""

    __slots__ = ("_pieces",)

    def __init__(self) -> None:
        self._pieces: list[str] = []

    def __bool__(self) -> bool:
        return bool(self._pieces)

    def append(self, piece: str) -> None:
        pieces = self._pieces
        pieces.append(piece)
        if len(pieces) >= 32:
            self._pieces = ["".join(pieces)]

    def __str__(self) -> str:
        return "".join(self._pieces)


class _ToolCallState:
    __slots__ = ("arguments", "call_id", "name", "output_index")

    def __init__(self, call_id: str, name: str, output_index: int) -> None:
        self.call_id = call_id
        self.name = name
        self.arguments = _Text()
        self.output_index = output_index


class ChatStreamAssembler:
    """Turns ``chat.completion.chunk`` objects into Responses stream events, item by item.

    ``feed`` returns the events a chunk produces, except that a text delta is returned as its
    text, numbered in the sequence like any event: ``text_delta_event`` makes its event when it
    is wanted. ``finish`` closes the open items and returns the closing events, ending with
    ``response.completed``.
    """

    def __init__(self) -> None:
        self.response_id = "resp_chat"
        self.finish_reason: str | None = None
        self._started = False
        self._sequence = 0
        self._items: list[TResponseOutputItem] = []
        self._message_index: int | None = None
        self._message_id = "msg_chat"
        self._text = _Text()
        self._refusal = _Text()
        self._calls: dict[int, _ToolCallState] = {}
        self._next_index = 0
        self._usage: Usage | None = None
        self._delta_class = wire_class(ResponseTextDeltaEvent)  # chosen once, for the hot path

    def _event(self, event: ResponseStreamEvent) -> ResponseStreamEvent:
        event.sequence_number = self._next_sequence()
        return event

    def _next_sequence(self) -> int:
        number = self._sequence
        self._sequence += 1
        return number

    def _start(self, chunk: dict[str, Any], events: list[ResponseStreamEvent]) -> None:
        self._started = True
        chunk_id = str(chunk.get("id", "chat"))
        self.response_id = f"resp_{chunk_id}"
        self._message_id = f"msg_{chunk_id}"
        response = wire_class(Response)(
            id=self.response_id, status="in_progress", model=chunk.get("model")
        )
        events.append(self._event(wire_class(ResponseCreatedEvent)(response=response)))

    def feed(self, chunk: dict[str, Any]) -> list[Any]:
        """The events one chunk produces, in order (a text delta as its text)."""
        events: list[Any] = []
        if not self._started:
            self._start(chunk, events)
        if chunk.get("usage"):
            self._usage = chat_usage(chunk["usage"])
        for choice in chunk.get("choices") or ():
            delta = choice.get("delta") or {}
            content = delta.get("content")
            if content:
                self._text_delta(_text(content), events)
            refusal = delta.get("refusal")
            if refusal:
                self._refusal_delta(_text(refusal), events)
            for call in delta.get("tool_calls") or ():
                self._tool_call_delta(call, events)
            if choice.get("finish_reason"):
                self.finish_reason = choice["finish_reason"]
        return events

    def _open_message(self, events: list[ResponseStreamEvent]) -> int:
        if self._message_index is None:
            self._message_index = self._next_index
            self._next_index += 1
            item = wire_class(ResponseOutputMessage)(
                id=self._message_id, status="in_progress", content=[]
            )
            events.append(
                self._event(
                    wire_class(ResponseOutputItemAddedEvent)(
                        output_index=self._message_index, item=item
                    )
                )
            )
        return self._message_index

    def _text_delta(self, text: str, events: list[Any]) -> None:
        index = self._open_message(events)
        if not self._text:
            events.append(
                self._event(
                    wire_class(ResponseContentPartAddedEvent)(
                        item_id=self._message_id,
                        output_index=index,
                        content_index=0,
                        part=wire_class(ResponseOutputText)(text=""),
                    )
                )
            )
        self._text.append(text)
        self._sequence += 1  # the delta's number, given to its event by text_delta_event
        events.append(text)

    def text_delta_event(self, text: str, sequence_number: int) -> ResponseStreamEvent:
        """The ``response.output_text.delta`` event of a text delta ``feed`` returned as text."""
        # The hot path (one event per chunk): built without validation, from checked values.
        return trusted_event(
            self._delta_class,
            {
                "type": "response.output_text.delta",
                "sequence_number": sequence_number,
                "item_id": self._message_id,
                "output_index": self._message_index,
                "content_index": 0,
                "delta": text,
                "logprobs": [],
            },
        )

    def _refusal_delta(self, refusal: str, events: list[ResponseStreamEvent]) -> None:
        index = self._open_message(events)
        content_index = 1 if self._text else 0
        if not self._refusal:
            events.append(
                self._event(
                    wire_class(ResponseContentPartAddedEvent)(
                        item_id=self._message_id,
                        output_index=index,
                        content_index=content_index,
                        part=wire_class(ResponseOutputRefusal)(refusal=""),
                    )
                )
            )
        self._refusal.append(refusal)
        events.append(
            self._event(
                wire_class(ResponseRefusalDeltaEvent)(
                    item_id=self._message_id,
                    output_index=index,
                    content_index=content_index,
                    delta=refusal,
                )
            )
        )

    def _tool_call_delta(self, call: dict[str, Any], events: list[ResponseStreamEvent]) -> None:
        position = call.get("index", 0)
        state = self._calls.get(position)
        function = call.get("function") or {}
        if state is None:
            state = _ToolCallState(
                call.get("id") or "", function.get("name") or "", self._next_index
            )
            self._next_index += 1
            self._calls[position] = state
            item = wire_class(ResponseFunctionToolCall)(
                call_id=state.call_id, name=state.name, arguments="", status="in_progress"
            )
            events.append(
                self._event(
                    wire_class(ResponseOutputItemAddedEvent)(
                        output_index=state.output_index, item=item
                    )
                )
            )
        else:
            state.call_id = state.call_id or call.get("id") or ""
            state.name += function.get("name") or ""
        arguments = function.get("arguments")
        if arguments:
            state.arguments.append(arguments)
            events.append(
                self._event(
                    wire_class(ResponseFunctionCallArgumentsDeltaEvent)(
                        item_id=state.call_id, output_index=state.output_index, delta=arguments
                    )
                )
            )

    def _close_message(self, events: list[ResponseStreamEvent]) -> tuple[int, TResponseOutputItem]:
        index = self._message_index
        assert index is not None
        parts: list[ResponseOutputText | ResponseOutputRefusal] = []
        where = {"item_id": self._message_id, "output_index": index}
        if self._text:
            text = str(self._text)
            part_text = wire_class(ResponseOutputText)(text=text)
            parts.append(part_text)
            events.append(
                self._event(wire_class(ResponseTextDoneEvent)(**where, content_index=0, text=text))
            )
            events.append(
                self._event(
                    wire_class(ResponseContentPartDoneEvent)(
                        **where, content_index=0, part=part_text
                    )
                )
            )
        if self._refusal:
            refusal = str(self._refusal)
            at = len(parts)
            part_refusal = wire_class(ResponseOutputRefusal)(refusal=refusal)
            parts.append(part_refusal)
            events.append(
                self._event(
                    wire_class(ResponseRefusalDoneEvent)(**where, content_index=at, refusal=refusal)
                )
            )
            events.append(
                self._event(
                    wire_class(ResponseContentPartDoneEvent)(
                        **where, content_index=at, part=part_refusal
                    )
                )
            )
        message = wire_class(ResponseOutputMessage)(id=self._message_id, content=parts)
        events.append(
            self._event(wire_class(ResponseOutputItemDoneEvent)(output_index=index, item=message))
        )
        return index, message

    def _close_call(
        self, state: _ToolCallState, events: list[ResponseStreamEvent]
    ) -> tuple[int, TResponseOutputItem]:
        arguments = str(state.arguments)
        events.append(
            self._event(
                wire_class(ResponseFunctionCallArgumentsDoneEvent)(
                    item_id=state.call_id,
                    output_index=state.output_index,
                    name=state.name,
                    arguments=arguments,
                )
            )
        )
        call = wire_class(ResponseFunctionToolCall)(
            call_id=state.call_id, name=state.name, arguments=arguments, status="completed"
        )
        events.append(
            self._event(
                wire_class(ResponseOutputItemDoneEvent)(output_index=state.output_index, item=call)
            )
        )
        return state.output_index, call

    def finish(self) -> list[ResponseStreamEvent]:
        """Close every open item and complete the response."""
        events: list[ResponseStreamEvent] = []
        done: list[tuple[int, TResponseOutputItem]] = []
        if self._message_index is not None:
            done.append(self._close_message(events))
        done.extend(self._close_call(state, events) for state in self._calls.values())
        output = [item for _, item in sorted(done, key=lambda pair: pair[0])]
        usage = self._usage or Usage(requests=1)
        response = wire_class(Response)(
            id=self.response_id, status="completed", output=output, usage=_response_usage(usage)
        )
        events.append(self._event(wire_class(ResponseCompletedEvent)(response=response)))
        return events

    @property
    def usage(self) -> Usage:
        """The usage reported in the stream (zero tokens when the server sent none)."""
        return self._usage or Usage(requests=1)
