"""Process-wide tracing settings, and the functions that open traces and spans.

No processor is configured by default, so nothing is recorded or exported until one is added
(``add_trace_processor``); the OpenAI exporter belongs to the ``agents-openai`` distribution.
``OPENAI_AGENTS_DISABLE_TRACING=1`` in the environment starts with tracing disabled.
"""

from __future__ import annotations

import atexit
import os
import threading
from collections.abc import Mapping, Sequence
from typing import Any

from .._base.logging import log
from ._core import (
    NOOP_SPAN,
    NoOpTrace,
    RecordingSpan,
    RecordingTrace,
    Span,
    Trace,
    current_span,
    current_trace,
    disabled_span,
    gen_trace_id,
)
from ._processor import TracingProcessor
from ._span_data import (
    AgentSpanData,
    CustomSpanData,
    FunctionSpanData,
    GenerationSpanData,
    GuardrailSpanData,
    HandoffSpanData,
)

__all__ = (
    "add_trace_processor",
    "agent_span",
    "custom_span",
    "flush_traces",
    "function_span",
    "generation_span",
    "get_trace_processors",
    "guardrail_span",
    "handoff_span",
    "set_trace_processors",
    "set_tracing_disabled",
    "task_span",
    "trace",
    "turn_span",
)


class _Settings:
    """The processors (an immutable tuple, swapped whole) and the global switch."""

    __slots__ = ("disabled", "exit_hook_registered", "lock", "processors")

    def __init__(self) -> None:
        self.processors: tuple[TracingProcessor, ...] = ()
        value = os.environ.get("OPENAI_AGENTS_DISABLE_TRACING", "")
        self.disabled = value.strip().lower() in ("1", "true", "yes", "on")
        self.lock = threading.Lock()
        self.exit_hook_registered = False

    def replace(self, processors: tuple[TracingProcessor, ...]) -> None:
        with self.lock:
            self.processors = processors
            if not self.exit_hook_registered:
                atexit.register(_shutdown_processors)
                self.exit_hook_registered = True


_settings = _Settings()


def add_trace_processor(span_processor: TracingProcessor) -> None:
    """Add a processor; it receives every trace started from now on, after those already added."""
    _settings.replace((*_settings.processors, span_processor))


def set_trace_processors(processors: list[TracingProcessor]) -> None:
    """Replace every processor (an empty list turns recording off)."""
    _settings.replace(tuple(processors))


def get_trace_processors() -> tuple[TracingProcessor, ...]:
    """The processors configured now, in the order they are called."""
    return _settings.processors


def set_tracing_disabled(disabled: bool) -> None:
    """Turn tracing off (or back on) for the whole process."""
    _settings.disabled = disabled


def flush_traces() -> None:
    """Ask every processor to export what it holds now (``force_flush``)."""
    for processor in _settings.processors:
        try:
            processor.force_flush()
        except Exception as exc:
            log().error(
                "tracing processor failed to flush", processor=type(processor).__name__, error=exc
            )


def _shutdown_processors() -> None:
    for processor in _settings.processors:
        try:
            processor.shutdown()
        except Exception as exc:
            log().error(
                "tracing processor failed to shut down",
                processor=type(processor).__name__,
                error=exc,
            )


def trace(
    workflow_name: str,
    trace_id: str | None = None,
    group_id: str | None = None,
    metadata: dict[str, Any] | None = None,
    disabled: bool = False,
) -> Trace:
    """A new trace for one workflow (not started: use ``with`` / ``async with``, or ``start()``).

    ``group_id`` ties the traces of one conversation together; ``metadata`` is your own JSON.
    When tracing is disabled (here, globally, or by having no processor), the trace is a
    ``NoOpTrace``: still a context manager that marks the code inside as traced, so that nested
    runs do not open traces of their own, but nothing is recorded.
    """
    if current_trace.get() is not None:
        log().warning("a trace was started inside another trace", workflow=workflow_name)
    processors = _settings.processors
    if disabled or _settings.disabled or not processors:
        return NoOpTrace()
    return RecordingTrace(workflow_name, trace_id or gen_trace_id(), group_id, metadata, processors)


def _place(
    parent: Trace | Span[Any] | None, disabled: bool
) -> tuple[RecordingTrace, str | None] | Span[Any]:
    """Where a new span goes (its trace and parent id), or the no-op span to return instead."""
    if disabled:
        return disabled_span()
    if parent is None:
        trace_ = current_trace.get()
        if not isinstance(trace_, RecordingTrace) or _settings.disabled:
            return NOOP_SPAN
        span = current_span.get()
        if span is None:
            return trace_, None
        if isinstance(span, RecordingSpan):
            return trace_, span.span_id
        return NOOP_SPAN  # inside a span that was disabled on its own
    if isinstance(parent, RecordingTrace) and not _settings.disabled:
        return parent, None
    if isinstance(parent, RecordingSpan) and not _settings.disabled:
        return parent.trace, parent.span_id
    return NOOP_SPAN


def agent_span(
    name: str,
    handoffs: list[str] | None = None,
    tools: list[str] | None = None,
    output_type: str | None = None,
    span_id: str | None = None,
    parent: Trace | Span[Any] | None = None,
    disabled: bool = False,
) -> Span[AgentSpanData]:
    """A span for an agent's part of a run (its tools, handoffs and output type by name)."""
    place = _place(parent, disabled)
    if isinstance(place, Span):
        return place
    return RecordingSpan(AgentSpanData(name, handoffs, tools, output_type), *place, span_id)


def generation_span(
    input: Sequence[Mapping[str, Any]] | None = None,
    output: Sequence[Mapping[str, Any]] | None = None,
    model: str | None = None,
    model_config: Mapping[str, Any] | None = None,
    usage: dict[str, Any] | None = None,
    span_id: str | None = None,
    parent: Trace | Span[Any] | None = None,
    disabled: bool = False,
    *,
    include_data: bool = True,
) -> Span[GenerationSpanData]:
    """A span for one model call; ``include_data=False`` keeps its input and output out."""
    place = _place(parent, disabled)
    if isinstance(place, Span):
        return place
    data = GenerationSpanData(input, output, model, model_config, usage, include_data=include_data)
    return RecordingSpan(data, *place, span_id)


def function_span(
    name: str,
    input: str | None = None,
    output: Any | None = None,
    span_id: str | None = None,
    parent: Trace | Span[Any] | None = None,
    disabled: bool = False,
    *,
    include_data: bool = True,
) -> Span[FunctionSpanData]:
    """A span for one tool call; ``include_data=False`` keeps its arguments and output out."""
    place = _place(parent, disabled)
    if isinstance(place, Span):
        return place
    data = FunctionSpanData(name, input, output, include_data=include_data)
    return RecordingSpan(data, *place, span_id)


def handoff_span(
    from_agent: str | None = None,
    to_agent: str | None = None,
    span_id: str | None = None,
    parent: Trace | Span[Any] | None = None,
    disabled: bool = False,
) -> Span[HandoffSpanData]:
    """A span for a handoff from one agent to another."""
    place = _place(parent, disabled)
    if isinstance(place, Span):
        return place
    return RecordingSpan(HandoffSpanData(from_agent, to_agent), *place, span_id)


def guardrail_span(
    name: str,
    triggered: bool = False,
    span_id: str | None = None,
    parent: Trace | Span[Any] | None = None,
    disabled: bool = False,
) -> Span[GuardrailSpanData]:
    """A span for a guardrail check; set ``span_data.triggered`` when its tripwire fires."""
    place = _place(parent, disabled)
    if isinstance(place, Span):
        return place
    return RecordingSpan(GuardrailSpanData(name, triggered), *place, span_id)


def custom_span(
    name: str,
    data: dict[str, Any] | None = None,
    span_id: str | None = None,
    parent: Trace | Span[Any] | None = None,
    disabled: bool = False,
) -> Span[CustomSpanData]:
    """A span of your own, with a name and JSON data."""
    place = _place(parent, disabled)
    if isinstance(place, Span):
        return place
    return RecordingSpan(CustomSpanData(name, data), *place, span_id)


def turn_span(
    turn: int,
    agent_name: str,
    span_id: str | None = None,
    parent: Trace | Span[Any] | None = None,
    disabled: bool = False,
) -> Span[CustomSpanData]:
    """A span for one turn of the run loop (a custom span named ``"turn"``)."""
    place = _place(parent, disabled)
    if isinstance(place, Span):
        return place
    data = {"sdk_span_type": "turn", "turn": turn, "agent_name": agent_name}
    return RecordingSpan(CustomSpanData("turn", data), *place, span_id)


def task_span(
    name: str,
    span_id: str | None = None,
    parent: Trace | Span[Any] | None = None,
    disabled: bool = False,
) -> Span[CustomSpanData]:
    """A span for a unit of work of your own (a custom span named ``"task"``)."""
    place = _place(parent, disabled)
    if isinstance(place, Span):
        return place
    data = {"sdk_span_type": "task", "name": name}
    return RecordingSpan(CustomSpanData("task", data), *place, span_id)
