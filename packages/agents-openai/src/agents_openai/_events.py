"""Typed events of the Responses stream: all 58 event types of OpenAI's API.

The ten the runtime itself builds on (``response.created``, ``response.completed``, output items,
content parts, text and function-call argument deltas) are agents-core's own classes; the rest
are defined here on the same base, so every event that reaches ``run_streamed`` is typed. An event
type this module does not know arrives as a plain ``ResponseStreamEvent`` with every field kept.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Literal, TypeVar

import pydantic

from agents_core.openai_types import openai_types_active, wire_class
from agents_core.stream_types import (
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
)

from .exceptions import APIResponseValidationError

EventT = TypeVar("EventT", bound=ResponseStreamEvent)

__all__ = (
    "EVENT_TYPES",
    "ResponseAudioDeltaEvent",
    "ResponseAudioDoneEvent",
    "ResponseAudioTranscriptDeltaEvent",
    "ResponseAudioTranscriptDoneEvent",
    "ResponseCodeInterpreterCallCodeDeltaEvent",
    "ResponseCodeInterpreterCallCodeDoneEvent",
    "ResponseCodeInterpreterCallCompletedEvent",
    "ResponseCodeInterpreterCallInProgressEvent",
    "ResponseCodeInterpreterCallInterpretingEvent",
    "ResponseCustomToolCallInputDeltaEvent",
    "ResponseCustomToolCallInputDoneEvent",
    "ResponseErrorEvent",
    "ResponseFailedEvent",
    "ResponseFileSearchCallCompletedEvent",
    "ResponseFileSearchCallInProgressEvent",
    "ResponseFileSearchCallSearchingEvent",
    "ResponseImageGenCallCompletedEvent",
    "ResponseImageGenCallGeneratingEvent",
    "ResponseImageGenCallInProgressEvent",
    "ResponseImageGenCallPartialImageEvent",
    "ResponseInProgressEvent",
    "ResponseIncompleteEvent",
    "ResponseMCPCallArgumentsDeltaEvent",
    "ResponseMCPCallArgumentsDoneEvent",
    "ResponseMCPCallCompletedEvent",
    "ResponseMCPCallFailedEvent",
    "ResponseMCPCallInProgressEvent",
    "ResponseMCPListToolsCompletedEvent",
    "ResponseMCPListToolsFailedEvent",
    "ResponseMCPListToolsInProgressEvent",
    "ResponseOutputTextAnnotationAddedEvent",
    "ResponseQueuedEvent",
    "ResponseReasoningSummaryPartAddedEvent",
    "ResponseReasoningSummaryPartDoneEvent",
    "ResponseReasoningSummaryTextDeltaEvent",
    "ResponseReasoningSummaryTextDoneEvent",
    "ResponseReasoningTextDeltaEvent",
    "ResponseReasoningTextDoneEvent",
    "ResponseRefusalDeltaEvent",
    "ResponseRefusalDoneEvent",
    "ResponseShellCallCommandAddedEvent",
    "ResponseShellCallCommandDeltaEvent",
    "ResponseShellCallCommandDoneEvent",
    "ResponseShellCallOutputContentDeltaEvent",
    "ResponseShellCallOutputContentDoneEvent",
    "ResponseWebSearchCallCompletedEvent",
    "ResponseWebSearchCallInProgressEvent",
    "ResponseWebSearchCallSearchingEvent",
    "parse_plain_event",
    "parse_stream_event",
    "stream_event_parser",
    "trusted_event",
)


# ------------------------------------------------------------------------------------ lifecycle


class ResponseQueuedEvent(ResponseStreamEvent):
    """``response.queued``: the response waits for capacity."""

    type: Literal["response.queued"] = "response.queued"
    response: Response


class ResponseInProgressEvent(ResponseStreamEvent):
    """``response.in_progress``: the model is working on the response."""

    type: Literal["response.in_progress"] = "response.in_progress"
    response: Response


class ResponseFailedEvent(ResponseStreamEvent):
    """``response.failed``: the response failed; ``response.error`` says why."""

    type: Literal["response.failed"] = "response.failed"
    response: Response


class ResponseIncompleteEvent(ResponseStreamEvent):
    """``response.incomplete``: the response stopped short (``response.incomplete_details``)."""

    type: Literal["response.incomplete"] = "response.incomplete"
    response: Response


class ResponseErrorEvent(ResponseStreamEvent):
    """``error``: the server hit an error mid-stream; the stream ends."""

    type: Literal["error"] = "error"
    code: str | None = None
    message: str
    param: str | None = None


# ------------------------------------------------------------------------------ message content


class _ContentEvent(ResponseStreamEvent):
    item_id: str
    output_index: int
    content_index: int


class ResponseRefusalDeltaEvent(_ContentEvent):
    """``response.refusal.delta``: a piece of refusal text."""

    type: Literal["response.refusal.delta"] = "response.refusal.delta"
    delta: str


class ResponseRefusalDoneEvent(_ContentEvent):
    """``response.refusal.done``: the full refusal text."""

    type: Literal["response.refusal.done"] = "response.refusal.done"
    refusal: str


class ResponseOutputTextAnnotationAddedEvent(_ContentEvent):
    """``response.output_text.annotation.added``: a citation or file annotation on the text."""

    type: Literal["response.output_text.annotation.added"] = "response.output_text.annotation.added"
    annotation_index: int
    annotation: dict[str, Any] | None = None


class ResponseReasoningTextDeltaEvent(_ContentEvent):
    """``response.reasoning_text.delta``: a piece of reasoning text."""

    type: Literal["response.reasoning_text.delta"] = "response.reasoning_text.delta"
    delta: str


class ResponseReasoningTextDoneEvent(_ContentEvent):
    """``response.reasoning_text.done``: the full reasoning text of a content part."""

    type: Literal["response.reasoning_text.done"] = "response.reasoning_text.done"
    text: str


# ------------------------------------------------------------------------------ reasoning summary


class _SummaryEvent(ResponseStreamEvent):
    item_id: str
    output_index: int
    summary_index: int


class ResponseReasoningSummaryPartAddedEvent(_SummaryEvent):
    """``response.reasoning_summary_part.added``: a reasoning summary part has started."""

    type: Literal["response.reasoning_summary_part.added"] = "response.reasoning_summary_part.added"
    part: dict[str, Any]


class ResponseReasoningSummaryPartDoneEvent(_SummaryEvent):
    """``response.reasoning_summary_part.done``: a reasoning summary part is complete."""

    type: Literal["response.reasoning_summary_part.done"] = "response.reasoning_summary_part.done"
    part: dict[str, Any]


class ResponseReasoningSummaryTextDeltaEvent(_SummaryEvent):
    """``response.reasoning_summary_text.delta``: a piece of reasoning summary text."""

    type: Literal["response.reasoning_summary_text.delta"] = "response.reasoning_summary_text.delta"
    delta: str


class ResponseReasoningSummaryTextDoneEvent(_SummaryEvent):
    """``response.reasoning_summary_text.done``: the full text of a reasoning summary part."""

    type: Literal["response.reasoning_summary_text.done"] = "response.reasoning_summary_text.done"
    text: str


# ------------------------------------------------------------------------- hosted tool progress


class _ItemEvent(ResponseStreamEvent):
    output_index: int
    item_id: str


class ResponseWebSearchCallInProgressEvent(_ItemEvent):
    """``response.web_search_call.in_progress``: a web search has started."""

    type: Literal["response.web_search_call.in_progress"] = "response.web_search_call.in_progress"


class ResponseWebSearchCallSearchingEvent(_ItemEvent):
    """``response.web_search_call.searching``: a web search is running."""

    type: Literal["response.web_search_call.searching"] = "response.web_search_call.searching"


class ResponseWebSearchCallCompletedEvent(_ItemEvent):
    """``response.web_search_call.completed``: a web search has finished."""

    type: Literal["response.web_search_call.completed"] = "response.web_search_call.completed"


class ResponseFileSearchCallInProgressEvent(_ItemEvent):
    """``response.file_search_call.in_progress``: a file search has started."""

    type: Literal["response.file_search_call.in_progress"] = "response.file_search_call.in_progress"


class ResponseFileSearchCallSearchingEvent(_ItemEvent):
    """``response.file_search_call.searching``: a file search is running."""

    type: Literal["response.file_search_call.searching"] = "response.file_search_call.searching"


class ResponseFileSearchCallCompletedEvent(_ItemEvent):
    """``response.file_search_call.completed``: a file search has finished."""

    type: Literal["response.file_search_call.completed"] = "response.file_search_call.completed"


class ResponseCodeInterpreterCallInProgressEvent(_ItemEvent):
    """``response.code_interpreter_call.in_progress``: a code interpreter call has started."""

    type: Literal["response.code_interpreter_call.in_progress"] = (
        "response.code_interpreter_call.in_progress"
    )


class ResponseCodeInterpreterCallInterpretingEvent(_ItemEvent):
    """``response.code_interpreter_call.interpreting``: the code is running."""

    type: Literal["response.code_interpreter_call.interpreting"] = (
        "response.code_interpreter_call.interpreting"
    )


class ResponseCodeInterpreterCallCompletedEvent(_ItemEvent):
    """``response.code_interpreter_call.completed``: the code has run."""

    type: Literal["response.code_interpreter_call.completed"] = (
        "response.code_interpreter_call.completed"
    )


class ResponseCodeInterpreterCallCodeDeltaEvent(_ItemEvent):
    """``response.code_interpreter_call_code.delta``: a piece of the code being written."""

    type: Literal["response.code_interpreter_call_code.delta"] = (
        "response.code_interpreter_call_code.delta"
    )
    delta: str


class ResponseCodeInterpreterCallCodeDoneEvent(_ItemEvent):
    """``response.code_interpreter_call_code.done``: the full code to run."""

    type: Literal["response.code_interpreter_call_code.done"] = (
        "response.code_interpreter_call_code.done"
    )
    code: str


class ResponseImageGenCallInProgressEvent(_ItemEvent):
    """``response.image_generation_call.in_progress``: an image generation has started."""

    type: Literal["response.image_generation_call.in_progress"] = (
        "response.image_generation_call.in_progress"
    )


class ResponseImageGenCallGeneratingEvent(_ItemEvent):
    """``response.image_generation_call.generating``: the image is being generated."""

    type: Literal["response.image_generation_call.generating"] = (
        "response.image_generation_call.generating"
    )


class ResponseImageGenCallPartialImageEvent(_ItemEvent):
    """``response.image_generation_call.partial_image``: a preview of the image (base64)."""

    type: Literal["response.image_generation_call.partial_image"] = (
        "response.image_generation_call.partial_image"
    )
    partial_image_index: int
    partial_image_b64: str


class ResponseImageGenCallCompletedEvent(_ItemEvent):
    """``response.image_generation_call.completed``: the image is ready."""

    type: Literal["response.image_generation_call.completed"] = (
        "response.image_generation_call.completed"
    )


class ResponseMCPCallInProgressEvent(_ItemEvent):
    """``response.mcp_call.in_progress``: a hosted MCP tool call has started."""

    type: Literal["response.mcp_call.in_progress"] = "response.mcp_call.in_progress"


class ResponseMCPCallArgumentsDeltaEvent(_ItemEvent):
    """``response.mcp_call_arguments.delta``: a piece of a hosted MCP call's arguments."""

    type: Literal["response.mcp_call_arguments.delta"] = "response.mcp_call_arguments.delta"
    delta: str


class ResponseMCPCallArgumentsDoneEvent(_ItemEvent):
    """``response.mcp_call_arguments.done``: a hosted MCP call's full arguments."""

    type: Literal["response.mcp_call_arguments.done"] = "response.mcp_call_arguments.done"
    arguments: str


class ResponseMCPCallCompletedEvent(_ItemEvent):
    """``response.mcp_call.completed``: a hosted MCP tool call succeeded."""

    type: Literal["response.mcp_call.completed"] = "response.mcp_call.completed"


class ResponseMCPCallFailedEvent(_ItemEvent):
    """``response.mcp_call.failed``: a hosted MCP tool call failed."""

    type: Literal["response.mcp_call.failed"] = "response.mcp_call.failed"


class ResponseMCPListToolsInProgressEvent(_ItemEvent):
    """``response.mcp_list_tools.in_progress``: listing a hosted MCP server's tools."""

    type: Literal["response.mcp_list_tools.in_progress"] = "response.mcp_list_tools.in_progress"


class ResponseMCPListToolsCompletedEvent(_ItemEvent):
    """``response.mcp_list_tools.completed``: a hosted MCP server's tools are listed."""

    type: Literal["response.mcp_list_tools.completed"] = "response.mcp_list_tools.completed"


class ResponseMCPListToolsFailedEvent(_ItemEvent):
    """``response.mcp_list_tools.failed``: listing a hosted MCP server's tools failed."""

    type: Literal["response.mcp_list_tools.failed"] = "response.mcp_list_tools.failed"


class ResponseCustomToolCallInputDeltaEvent(_ItemEvent):
    """``response.custom_tool_call_input.delta``: a piece of a custom tool call's input."""

    type: Literal["response.custom_tool_call_input.delta"] = "response.custom_tool_call_input.delta"
    delta: str


class ResponseCustomToolCallInputDoneEvent(_ItemEvent):
    """``response.custom_tool_call_input.done``: a custom tool call's full input."""

    type: Literal["response.custom_tool_call_input.done"] = "response.custom_tool_call_input.done"
    input: str


# --------------------------------------------------------------------------------- shell calls


class _ShellCommandEvent(ResponseStreamEvent):
    output_index: int
    command_index: int


class ResponseShellCallCommandAddedEvent(_ShellCommandEvent):
    """``response.shell_call_command.added``: a shell command has started."""

    type: Literal["response.shell_call_command.added"] = "response.shell_call_command.added"
    command: str


class ResponseShellCallCommandDeltaEvent(_ShellCommandEvent):
    """``response.shell_call_command.delta``: a piece of a shell command."""

    type: Literal["response.shell_call_command.delta"] = "response.shell_call_command.delta"
    delta: str


class ResponseShellCallCommandDoneEvent(_ShellCommandEvent):
    """``response.shell_call_command.done``: a full shell command."""

    type: Literal["response.shell_call_command.done"] = "response.shell_call_command.done"
    command: str


class ResponseShellCallOutputContentDeltaEvent(_ShellCommandEvent):
    """``response.shell_call_output_content.delta``: a piece of a shell command's output."""

    type: Literal["response.shell_call_output_content.delta"] = (
        "response.shell_call_output_content.delta"
    )
    item_id: str
    delta: dict[str, Any]


class ResponseShellCallOutputContentDoneEvent(_ShellCommandEvent):
    """``response.shell_call_output_content.done``: a shell command's full output."""

    type: Literal["response.shell_call_output_content.done"] = (
        "response.shell_call_output_content.done"
    )
    item_id: str
    output: list[dict[str, Any]]


# ---------------------------------------------------------------------------------------- audio


class ResponseAudioDeltaEvent(ResponseStreamEvent):
    """``response.audio.delta``: a piece of audio (base64)."""

    type: Literal["response.audio.delta"] = "response.audio.delta"
    delta: str


class ResponseAudioDoneEvent(ResponseStreamEvent):
    """``response.audio.done``: the audio is complete."""

    type: Literal["response.audio.done"] = "response.audio.done"


class ResponseAudioTranscriptDeltaEvent(ResponseStreamEvent):
    """``response.audio.transcript.delta``: a piece of the audio's transcript."""

    type: Literal["response.audio.transcript.delta"] = "response.audio.transcript.delta"
    delta: str


class ResponseAudioTranscriptDoneEvent(ResponseStreamEvent):
    """``response.audio.transcript.done``: the transcript is complete."""

    type: Literal["response.audio.transcript.done"] = "response.audio.transcript.done"


# ------------------------------------------------------------------------------------- parsing

_ALL_EVENT_CLASSES: tuple[type[ResponseStreamEvent], ...] = (
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
    ResponseQueuedEvent,
    ResponseInProgressEvent,
    ResponseFailedEvent,
    ResponseIncompleteEvent,
    ResponseErrorEvent,
    ResponseRefusalDeltaEvent,
    ResponseRefusalDoneEvent,
    ResponseOutputTextAnnotationAddedEvent,
    ResponseReasoningTextDeltaEvent,
    ResponseReasoningTextDoneEvent,
    ResponseReasoningSummaryPartAddedEvent,
    ResponseReasoningSummaryPartDoneEvent,
    ResponseReasoningSummaryTextDeltaEvent,
    ResponseReasoningSummaryTextDoneEvent,
    ResponseWebSearchCallInProgressEvent,
    ResponseWebSearchCallSearchingEvent,
    ResponseWebSearchCallCompletedEvent,
    ResponseFileSearchCallInProgressEvent,
    ResponseFileSearchCallSearchingEvent,
    ResponseFileSearchCallCompletedEvent,
    ResponseCodeInterpreterCallInProgressEvent,
    ResponseCodeInterpreterCallInterpretingEvent,
    ResponseCodeInterpreterCallCompletedEvent,
    ResponseCodeInterpreterCallCodeDeltaEvent,
    ResponseCodeInterpreterCallCodeDoneEvent,
    ResponseImageGenCallInProgressEvent,
    ResponseImageGenCallGeneratingEvent,
    ResponseImageGenCallPartialImageEvent,
    ResponseImageGenCallCompletedEvent,
    ResponseMCPCallInProgressEvent,
    ResponseMCPCallArgumentsDeltaEvent,
    ResponseMCPCallArgumentsDoneEvent,
    ResponseMCPCallCompletedEvent,
    ResponseMCPCallFailedEvent,
    ResponseMCPListToolsInProgressEvent,
    ResponseMCPListToolsCompletedEvent,
    ResponseMCPListToolsFailedEvent,
    ResponseCustomToolCallInputDeltaEvent,
    ResponseCustomToolCallInputDoneEvent,
    ResponseShellCallCommandAddedEvent,
    ResponseShellCallCommandDeltaEvent,
    ResponseShellCallCommandDoneEvent,
    ResponseShellCallOutputContentDeltaEvent,
    ResponseShellCallOutputContentDoneEvent,
    ResponseAudioDeltaEvent,
    ResponseAudioDoneEvent,
    ResponseAudioTranscriptDeltaEvent,
    ResponseAudioTranscriptDoneEvent,
)

EVENT_TYPES: dict[str, type[ResponseStreamEvent]] = {
    cls.model_fields["type"].default: cls for cls in _ALL_EVENT_CLASSES
}
"""Every Responses stream event type, mapped to the class that types it."""

# The event's own "type" comes first in what OpenAI sends; nested objects have "type" keys too,
# so a guess from the raw bytes is only a hint: the class's Literal "type" field checks it.
_TYPE_KEY = b'"type":"'
_BY_RAW_TYPE = {name.encode(): cls for name, cls in EVENT_TYPES.items()}

_Validate = Callable[[bytes], ResponseStreamEvent]
# Each class's validator, called straight (``model_validate_json`` adds a layer per event).
_plain_validators: dict[bytes, _Validate] = {}


def stream_event_parser() -> Callable[[bytes | str], ResponseStreamEvent]:
    """A parser for the events of one stream, whose classes are chosen once, when it starts:
    this package's, or, while ``openai`` is in use, their ``wire_class`` (see
    ``agents_core.openai_types``). Without ``openai`` it costs nothing per event."""
    if not openai_types_active():
        return parse_plain_event
    validators: dict[bytes, _Validate] = {}

    def parse(data: bytes | str) -> ResponseStreamEvent:
        return _parse(data, validators, wire=True)

    return parse


def parse_stream_event(data: bytes | str) -> ResponseStreamEvent:
    """Parse and validate the JSON payload of one SSE event into its typed event (of its
    ``wire_class``).

    Raises ``APIResponseValidationError`` when the payload is not JSON or does not fit its type.
    """
    return stream_event_parser()(data)


def parse_plain_event(data: bytes | str) -> ResponseStreamEvent:
    """``parse_stream_event`` into this package's own classes, even while ``openai`` is in use."""
    return _parse(data, _plain_validators, wire=False)


def _parse(
    data: bytes | str, validators: dict[bytes, _Validate], *, wire: bool
) -> ResponseStreamEvent:
    """One pass from JSON bytes to the typed event: the type named at the start of the payload
    picks the class, whose validator reads the bytes straight into it."""
    raw = data if isinstance(data, bytes) else data.encode()
    if raw.startswith(b'{"type":"'):
        name = raw[9 : raw.find(b'"', 9)]
    else:
        at = raw.find(_TYPE_KEY)
        name = raw[at + 8 : raw.find(b'"', at + 8)] if at != -1 else b""
    validate = validators.get(name)
    if validate is None:
        cls = _BY_RAW_TYPE.get(name)
        if cls is None:
            return _parse_slowly(raw, wire)
        validate = validators[name] = _validator(wire_class(cls) if wire else cls)
    try:
        event: ResponseStreamEvent = validate(raw)
    except pydantic.ValidationError:
        return _parse_slowly(raw, wire)  # a wrong hint or a bad event: tell them apart
    return event


def _validator(cls: type[ResponseStreamEvent]) -> _Validate:
    if not cls.__pydantic_complete__:
        cls.model_rebuild()  # the classes build their validators on first use
    validate: _Validate = cls.__pydantic_validator__.validate_json
    return validate


def _parse_slowly(raw: bytes, wire: bool) -> ResponseStreamEvent:
    try:
        payload = json.loads(raw)
    except ValueError as exc:
        raise APIResponseValidationError(
            f"A stream event is not valid JSON ({exc}): {_clip(raw)}"
        ) from exc
    if not isinstance(payload, dict) or not isinstance(payload.get("type"), str):
        raise APIResponseValidationError(f"A stream event has no 'type': {_clip(raw)}")
    cls = EVENT_TYPES.get(payload["type"], ResponseStreamEvent)
    if wire:
        cls = wire_class(cls)
    try:
        return cls.model_validate(payload)
    except pydantic.ValidationError as exc:
        raise APIResponseValidationError(
            f"A '{payload['type']}' stream event does not have the expected shape: {_describe(exc)}"
        ) from exc


_set = object.__setattr__
_padding: dict[type[Any], dict[str, Any]] = {}


def trusted_event(cls: type[EventT], fields: dict[str, Any]) -> EventT:
    """An event built from values this package produced and checked itself, without validation.

    For the hot path of the Chat Completions stream, where each text delta becomes an event:
    ``fields`` must hold every field of ``cls`` with a value of its type (tests check that such
    events equal validated ones). This is what ``model_construct`` does, minus its overhead.
    ``cls`` may be a ``wire_class``: the fields only ``openai``'s class has are then ``None``.
    """
    padding = _padding.get(cls)
    if padding is None:
        padding = _padding[cls] = {name: None for name in cls.model_fields if name not in fields}
    event = cls.__new__(cls)
    _set(event, "__dict__", {**fields, **padding} if padding else fields)
    _set(event, "__pydantic_fields_set__", set(fields))
    _set(event, "__pydantic_extra__", {})
    _set(event, "__pydantic_private__", None)
    return event


def _clip(raw: bytes, limit: int = 200) -> str:
    text = raw.decode("utf-8", "replace")
    return text if len(text) <= limit else text[:limit] + "..."


def _describe(exc: pydantic.ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in error['loc']) or '(root)'}: {error['msg']}"
        for error in exc.errors(include_url=False)[:3]
    )
