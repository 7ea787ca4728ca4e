"""``ScriptedModel``: a model that replies from a script, for testing agents without a network."""

from __future__ import annotations

import copy
import json
from collections import deque
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

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
    UnconsumedModelSteps,
    UnexpectedModelCall,
    UnofferedToolCall,
    UserError,
)

__all__ = (
    "ModelCall",
    "ModelStep",
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

    ``output`` is what the model returns. ``error`` makes the call raise instead. For streamed
    calls, ``stream_events`` replaces the events the model would derive from ``output`` (to
    script a stream cut short, say); otherwise text arrives in word-sized deltas.
    """

    output: Sequence[TResponseOutputItem] = ()
    usage: Usage | None = None
    response_id: str | None = None
    error: BaseException | None = None
    stream_events: Sequence[TResponseStreamEvent] | None = None


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


def _to_step(item: Any) -> ModelStep:
    if isinstance(item, ModelStep):
        return item
    if isinstance(item, ModelResponse):
        return ModelStep(output=item.output, usage=item.usage, response_id=item.response_id)
    if isinstance(item, str):
        return ModelStep(output=[assistant_message(item)])
    if isinstance(item, BaseException):
        return ModelStep(error=item)
    if isinstance(item, _WireModel):
        return ModelStep(output=[item])  # type: ignore[list-item]  # any output item model
    if isinstance(item, Sequence):
        return ModelStep(output=list(item))
    raise UserError(
        "A ScriptedModel step must be a ModelStep, a ModelResponse, a string, an output item, "
        f"a list of output items, or an exception; got {type(item).__name__}."
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
    default_usage: Usage | None = field(default=None, kw_only=True)
    allow_unoffered_calls: bool = field(default=False, kw_only=True)
    calls: list[ModelCall] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self._queue: deque[ModelStep] = deque(_to_step(step) for step in self.steps)
        self._response_count = 0

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
        self._queue.append(_to_step(step))

    def extend(self, steps: Iterable[Any]) -> None:
        """Add several steps at the end of the script."""
        self._queue.extend(_to_step(step) for step in steps)

    def assert_complete(self) -> None:
        """Raise ``UnconsumedModelSteps`` if some scripted steps were never used."""
        if self._queue:
            raise UnconsumedModelSteps(
                f"{len(self._queue)} scripted model step(s) were never used.",
                remaining_steps=len(self._queue),
            )

    def _next_step(self, call: ModelCall) -> ModelStep:
        self.calls.append(call)
        if not self._queue:
            raise UnexpectedModelCall(
                f"The scripted model was called (call #{len(self.calls)}) but has no steps left.",
                call=call,
                call_index=len(self.calls) - 1,
            )
        step = self._queue.popleft()
        if step.error is not None:
            raise step.error
        if not self.allow_unoffered_calls:
            _check_offered(step, call)
        return step

    def _response(self, step: ModelStep) -> ModelResponse:
        self._response_count += 1
        usage = step.usage or self.default_usage
        return ModelResponse(
            output=[as_wire_object(item) for item in step.output],
            usage=copy.copy(usage) if usage is not None else Usage(requests=1),
            response_id=step.response_id or f"resp_scripted_{self._response_count}",
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
        return self._response(self._next_step(call))

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
        step = self._next_step(call)
        if step.stream_events is not None:
            for event in step.stream_events:
                yield event
            return
        for event in stream_events_for(self._response(step)):
            yield event
