"""``ScriptedModel``: a model that replies from a script, for testing agents without a network."""

from __future__ import annotations

import copy
import inspect
import json
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from typing_extensions import TypedDict

from .._base.model_settings import ModelSettings
from .._base.output_schema import AgentOutputSchemaBase
from .._base.usage import Usage
from .._items.items import (
    ModelResponse,
    ReasoningSummary,
    ResponseFunctionToolCall,
    ResponseOutputMessage,
    ResponseOutputRefusal,
    ResponseOutputText,
    ResponseReasoningItem,
    TResponseInputItem,
    TResponseOutputItem,
    _WireModel,
)
from .._items.openai_types import as_wire_object
from .._items.stream_types import (
    TResponseStreamEvent,
)
from .._models.interface import Model, ModelTracing
from .._models.response_stream import stream_events_for
from .._tools.tools import Tool
from ..exceptions import (
    InvalidModelStep,
    ModelStepReason,
    UnconsumedModelSteps,
    UnexpectedModelCall,
    UnofferedToolCall,
)

__all__ = (
    "ModelCall",
    "ModelResponder",
    "ModelStep",
    "ModelStepSpec",
    "ModelStreamFactory",
    "ScriptedModel",
    "assistant_message",
    "function_call",
    "reasoning",
    "refusal",
)


def assistant_message(text: str, *, item_id: str = "msg_scripted") -> ResponseOutputMessage:
    """An assistant message output item with the given text."""
    return ResponseOutputMessage(id=item_id, content=[ResponseOutputText(text=text)])


def refusal(text: str, *, item_id: str = "msg_scripted") -> ResponseOutputMessage:
    """An assistant message that refuses, with the given refusal text."""
    return ResponseOutputMessage(id=item_id, content=[ResponseOutputRefusal(refusal=text)])


def function_call(
    name: str,
    arguments: str | Mapping[str, Any],
    *,
    call_id: str,
    item_id: str | None = None,
) -> ResponseFunctionToolCall:
    """A function tool call output item; ``arguments`` may be a mapping (sent as JSON) or raw text.

    Raw text lets a test send malformed arguments on purpose.
    """
    raw = arguments if isinstance(arguments, str) else json.dumps(dict(arguments))
    return ResponseFunctionToolCall(
        id=item_id or f"fc_{call_id}", call_id=call_id, name=name, arguments=raw, status="completed"
    )


def reasoning(summary: str, *, item_id: str = "rs_scripted") -> ResponseReasoningItem:
    """A reasoning output item with one summary part."""
    return ResponseReasoningItem(id=item_id, summary=[ReasoningSummary(text=summary)])


@dataclass
class ModelStep:
    """One scripted model reply.

    ``output`` is what the model returns. ``error`` makes the call raise instead; ``responder``
    decides the reply from the recorded ``ModelCall`` (it returns anything a script step may be,
    and may be async). For streamed calls, ``stream_events`` replaces the events the model would
    derive from ``output`` (to script a stream cut short, say): a list of events, or a function
    of the ``ModelCall`` returning an async iterator of them; otherwise text arrives in
    word-sized deltas. At most one of ``error``, ``responder`` and ``stream_events`` is set.
    """

    output: Sequence[TResponseOutputItem] = ()
    usage: Usage | None = None
    response_id: str | None = None
    request_id: str | None = None
    raw_usage: dict[str, Any] | None = None
    """The provider's own usage payload, kept on the response when the call's settings ask for
    it (``ModelSettings(preserve_raw_usage=True)``)."""
    error: BaseException | None = None
    responder: ModelResponder | None = None
    stream_events: Sequence[TResponseStreamEvent] | ModelStreamFactory | None = None

    @classmethod
    def raise_error(cls, error: BaseException) -> ModelStep:
        """A step whose call raises ``error``."""
        return cls(error=error)

    @classmethod
    def respond(cls, responder: ModelResponder) -> ModelStep:
        """A step whose reply ``responder`` makes from the recorded call."""
        return cls(responder=responder)

    @classmethod
    def stream(
        cls,
        events: Sequence[TResponseStreamEvent] | ModelStreamFactory,
        *,
        output: Sequence[TResponseOutputItem] = (),
        usage: Usage | None = None,
        response_id: str | None = None,
    ) -> ModelStep:
        """A step streamed as exactly ``events`` (or what the factory yields for the call);
        ``output`` is the reply of a non-streamed call to the same step."""
        return cls(
            output=output,
            usage=usage,
            response_id=response_id,
            stream_events=events if callable(events) else tuple(events),
        )


class ModelStepSpec(TypedDict, total=False):
    """A ``ModelStep`` written as a dict (``ScriptedModel`` accepts either)."""

    output: Sequence[TResponseOutputItem]
    usage: Usage
    response_id: str | None
    request_id: str | None
    raw_usage: dict[str, Any] | None
    error: Exception | None
    responder: ModelResponder | None
    stream_events: Sequence[TResponseStreamEvent] | ModelStreamFactory | None


_STEP_FIELDS = frozenset(ModelStepSpec.__annotations__)

ModelResponder: TypeAlias = Callable[["ModelCall"], Any]
"""Makes a step's reply from the recorded call: anything a script step may be, or an awaitable
of it."""

ModelStreamFactory: TypeAlias = Callable[["ModelCall"], AsyncIterator[TResponseStreamEvent]]
"""Makes a streamed step's events from the recorded call."""


@dataclass
class ModelCall:
    """What the model was called with (recorded for every call, in order)."""

    system_instructions: str | None
    input: list[TResponseInputItem]
    model_settings: ModelSettings
    tools: list[Tool]
    output_schema: AgentOutputSchemaBase | None
    handoffs: list[Any]
    tracing: ModelTracing
    previous_response_id: str | None
    conversation_id: str | None
    prompt: Any | None
    streamed: bool

    @property
    def tool_names(self) -> list[str]:
        """The names of the tools offered to the model in this call."""
        return [tool.name for tool in self.tools]


def _to_step(item: Any, index: int = 0) -> ModelStep:
    if isinstance(item, ModelStep):
        step = item
    elif isinstance(item, ModelResponse):
        step = ModelStep(
            output=item.output,
            usage=item.usage,
            response_id=item.response_id,
            request_id=item.request_id,
            raw_usage=item.raw_usage,
        )
    elif isinstance(item, str):
        step = ModelStep(output=[assistant_message(item)])
    elif isinstance(item, BaseException):
        step = ModelStep(error=item)
    elif isinstance(item, _WireModel):
        step = ModelStep(output=[item])  # type: ignore[list-item]  # any output item model
    elif isinstance(item, Mapping):
        unknown = sorted(str(key) for key in item if key not in _STEP_FIELDS)
        if unknown:
            raise _invalid(
                index,
                "unsupported_field",
                f"has fields a ModelStep does not: {', '.join(unknown)}",
            )
        step = ModelStep(**item)
    elif isinstance(item, Sequence):
        step = ModelStep(output=list(item))
    else:
        raise _invalid(
            index,
            "invalid_input",
            "must be a ModelStep, a ModelStepSpec dict, a ModelResponse, a string, an output "
            f"item, a list of output items, or an exception; got {type(item).__name__}",
        )
    _validate(step, index)
    return step


def _invalid(index: int, reason: ModelStepReason, detail: str) -> InvalidModelStep:
    return InvalidModelStep(
        f"Scripted model step #{index + 1} {detail}.", reason=reason, input_index=index
    )


def _validate(step: ModelStep, index: int) -> None:
    output: object = step.output
    if isinstance(output, str | bytes) or not isinstance(output, Sequence):
        raise _invalid(
            index,
            "invalid_input",
            "must give output as a list of output items (a plain string is a step of its own)",
        )
    if step.usage is not None and not isinstance(step.usage, Usage):
        raise _invalid(index, "invalid_input", "must give usage as a Usage")
    for name in ("response_id", "request_id"):
        value = getattr(step, name)
        if value is not None and not isinstance(value, str):
            raise _invalid(index, "invalid_input", f"must give {name} as a string or None")
    if step.raw_usage is not None and not isinstance(step.raw_usage, dict):
        raise _invalid(index, "invalid_input", "must give raw_usage as a dict or None")
    if step.error is not None and not isinstance(step.error, BaseException):
        raise _invalid(index, "invalid_error", "must give error as an exception")
    if step.responder is not None and not callable(step.responder):
        raise _invalid(index, "invalid_responder", "must give a callable responder")
    events: object = step.stream_events
    if (
        events is not None
        and not callable(events)
        and (isinstance(events, str | bytes) or not isinstance(events, Sequence))
    ):
        raise _invalid(
            index, "invalid_stream_events", "must give stream_events as a list or a function"
        )
    outcomes = [
        name for name in ("error", "responder", "stream_events") if getattr(step, name) is not None
    ]
    if len(outcomes) > 1:
        raise _invalid(
            index, "conflicting_outcomes", f"sets more than one of {', '.join(outcomes)}"
        )


def _check_offered(step: ModelStep, call: ModelCall) -> None:
    offered: list[str] | None = None
    for item in step.output:
        if not isinstance(item, ResponseFunctionToolCall):
            continue
        if offered is None:
            offered = call.tool_names + [handoff.tool_name for handoff in call.handoffs]
        if item.name not in offered:
            raise UnofferedToolCall(
                f"The scripted step calls '{item.name}', which this model call did not offer "
                f"(offered: {', '.join(offered) or 'nothing'}). Give the agent that tool or "
                "handoff, or use ScriptedModel(..., allow_unoffered_calls=True) to test a call "
                "to an unknown tool.",
                name=item.name,
                offered=offered,
            )


@dataclass(eq=False)
class ScriptedModel(Model):
    """A ``Model`` that answers each call with the next scripted step, streamed or not.

    Steps can be a string (an assistant message), output items (``assistant_message``,
    ``function_call``, ``reasoning``), a ``ModelStep``, a ``ModelResponse``, or an exception to
    raise. Every call is recorded in ``calls``; ``assert_complete()`` checks that every step was
    used. A call with no step left raises ``UnexpectedModelCall``.

    Like a real model, it only calls what it was offered: a step that calls a function (tool or
    handoff) missing from the call's tools raises ``UnofferedToolCall``, naming the call and what
    was offered. ``allow_unoffered_calls=True`` lifts that, for tests of how a run handles a
    call to a tool that does not exist.
    """

    steps: Iterable[Any] = ()
    emit_traces: bool = field(default=False, kw_only=True)
    """Record a generation span for each call, as real models do (off: scripted calls leave no
    generation spans in traces)."""
    default_usage: Usage | None = field(default=None, kw_only=True)
    allow_unoffered_calls: bool = field(default=False, kw_only=True)
    calls: list[ModelCall] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self._queue: deque[ModelStep] = deque(
            _to_step(step, index) for index, step in enumerate(self.steps)
        )
        self._response_count = 0

    @property
    def _generation_spans(self) -> bool:
        # Read by the runner, which records the generation spans of every model.
        return self.emit_traces

    @property
    def remaining_steps(self) -> int:
        """How many scripted steps have not been used yet."""
        return len(self._queue)

    @property
    def first_call(self) -> ModelCall:
        """The first recorded call."""
        if not self.calls:
            raise AssertionError("The scripted model has not been called.")
        return self.calls[0]

    @property
    def last_call(self) -> ModelCall:
        """The most recent recorded call."""
        if not self.calls:
            raise AssertionError("The scripted model has not been called.")
        return self.calls[-1]

    def enqueue(self, step: Any) -> None:
        """Add one step at the end of the script."""
        self._queue.append(_to_step(step, len(self._queue)))

    def extend(self, steps: Iterable[Any]) -> None:
        """Add several steps at the end of the script."""
        first = len(self._queue)
        self._queue.extend(_to_step(step, first + i) for i, step in enumerate(steps))

    def set_default_usage(self, usage: Usage | None) -> None:
        """The usage of steps that give none (``None``: one request, no tokens)."""
        self.default_usage = copy.deepcopy(usage)

    def assert_complete(self) -> None:
        """Raise ``UnconsumedModelSteps`` if some scripted steps were never used."""
        if self._queue:
            raise UnconsumedModelSteps(
                f"{len(self._queue)} scripted model step(s) were never used.",
                remaining_steps=len(self._queue),
            )

    async def _next_step(self, call: ModelCall) -> ModelStep:
        self.calls.append(call)
        if not self._queue:
            raise UnexpectedModelCall(
                f"The scripted model was called (call #{len(self.calls)}) but has no steps left.",
                call=call,
                call_index=len(self.calls) - 1,
            )
        step = self._queue.popleft()
        while step.responder is not None:
            reply = step.responder(call)
            if inspect.isawaitable(reply):
                reply = await reply
            step = _to_step(reply)
        if step.error is not None:
            raise step.error
        if not self.allow_unoffered_calls:
            _check_offered(step, call)
        return step

    def _response(self, step: ModelStep, settings: ModelSettings) -> ModelResponse:
        self._response_count += 1
        usage = step.usage or self.default_usage
        return ModelResponse(
            output=[as_wire_object(item) for item in step.output],
            usage=copy.deepcopy(usage) if usage is not None else Usage(requests=1),
            response_id=step.response_id or f"resp_scripted_{self._response_count}",
            request_id=step.request_id,
            raw_usage=copy.deepcopy(step.raw_usage) if settings.preserve_raw_usage else None,
        )

    @staticmethod
    def _record(streamed: bool, **arguments: Any) -> ModelCall:
        given = arguments["input"]
        arguments["input"] = (
            [{"role": "user", "content": given}]
            if isinstance(given, str)
            else [dict(item) for item in given]
        )
        return ModelCall(streamed=streamed, **arguments)

    async def get_response(
        self,
        system_instructions: str | None,
        input: str | list[TResponseInputItem],
        model_settings: ModelSettings,
        tools: list[Tool],
        output_schema: AgentOutputSchemaBase | None,
        handoffs: list[Any],
        tracing: ModelTracing,
        *,
        previous_response_id: str | None,
        conversation_id: str | None,
        prompt: Any | None,
    ) -> ModelResponse:
        """Record the call and return the next scripted reply."""
        call = self._record(
            False,
            system_instructions=system_instructions,
            input=input,
            model_settings=model_settings,
            tools=tools,
            output_schema=output_schema,
            handoffs=handoffs,
            tracing=tracing,
            previous_response_id=previous_response_id,
            conversation_id=conversation_id,
            prompt=prompt,
        )
        return self._response(await self._next_step(call), model_settings)

    async def stream_response(
        self,
        system_instructions: str | None,
        input: str | list[TResponseInputItem],
        model_settings: ModelSettings,
        tools: list[Tool],
        output_schema: AgentOutputSchemaBase | None,
        handoffs: list[Any],
        tracing: ModelTracing,
        *,
        previous_response_id: str | None,
        conversation_id: str | None,
        prompt: Any | None,
    ) -> AsyncIterator[TResponseStreamEvent]:
        """Record the call and stream the next scripted reply as Responses stream events."""
        call = self._record(
            True,
            system_instructions=system_instructions,
            input=input,
            model_settings=model_settings,
            tools=tools,
            output_schema=output_schema,
            handoffs=handoffs,
            tracing=tracing,
            previous_response_id=previous_response_id,
            conversation_id=conversation_id,
            prompt=prompt,
        )
        step = await self._next_step(call)
        events = step.stream_events
        if callable(events):
            stream = events(call)
            try:
                async for event in stream:
                    yield event
            finally:
                aclose = getattr(stream, "aclose", None)
                if aclose is not None:
                    await aclose()
            return
        if events is not None:
            for event in events:
                yield event
            return
        for event in stream_events_for(self._response(step, model_settings)):
            yield event
