"""The functions that make traces and spans, each through the current trace provider.

None of them starts what it returns: use ``with`` / ``async with``, or call ``start()`` and
``finish()``. Every span function takes ``span_id`` (default: a new id), ``parent`` (a trace or
span; default: the current span or trace) and ``disabled`` (a no-op span, whose children are
no-ops too).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .._base.logging import log
from ._config import TracingConfig
from ._setup import get_trace_provider
from ._span_data import (
    AgentSpanData,
    CustomSpanData,
    FunctionSpanData,
    GenerationSpanData,
    GuardrailSpanData,
    HandoffSpanData,
    MCPListToolsSpanData,
    ResponseSpanData,
    SpeechGroupSpanData,
    SpeechSpanData,
    TaskSpanData,
    TranscriptionSpanData,
    TurnSpanData,
)
from ._spans import Span
from ._traces import Trace

__all__ = (
    "agent_span",
    "custom_span",
    "function_span",
    "generation_span",
    "get_current_span",
    "get_current_trace",
    "guardrail_span",
    "handoff_span",
    "mcp_tools_span",
    "response_span",
    "speech_group_span",
    "speech_span",
    "task_span",
    "trace",
    "transcription_span",
    "turn_span",
)

_Parent = Trace | Span[Any] | None


def trace(
    workflow_name: str,
    trace_id: str | None = None,
    group_id: str | None = None,
    metadata: dict[str, Any] | None = None,
    tracing: TracingConfig | None = None,
    disabled: bool = False,
) -> Trace:
    """A new trace for one workflow (not started: use ``with`` / ``async with``, or ``start()``).

    ``group_id`` ties the traces of one conversation together; ``metadata`` is your own JSON;
    ``tracing`` carries per-trace settings (the API key its export uses). When tracing is
    disabled (here, globally, or by having no processor), the trace is a ``NoOpTrace``: still a
    context manager that marks the code inside as traced, so that nested runs do not open traces
    of their own, but nothing is recorded.
    """
    provider = get_trace_provider()
    if provider.get_current_trace() is not None:
        log().warning("a trace was started inside another trace", workflow=workflow_name)
    return provider.create_trace(
        name=workflow_name,
        trace_id=trace_id,
        group_id=group_id,
        metadata=metadata,
        tracing=tracing,
        disabled=disabled,
    )


def get_current_trace() -> Trace | None:
    """The trace the calling code runs in, if any."""
    return get_trace_provider().get_current_trace()


def get_current_span() -> Span[Any] | None:
    """The innermost span the calling code runs in, if any."""
    return get_trace_provider().get_current_span()


def agent_span(
    name: str,
    handoffs: list[str] | None = None,
    tools: list[str] | None = None,
    output_type: str | None = None,
    span_id: str | None = None,
    parent: _Parent = None,
    disabled: bool = False,
) -> Span[AgentSpanData]:
    """A span for an agent's part of a run (its tools, handoffs and output type by name)."""
    data = AgentSpanData(name, handoffs, tools, output_type)
    return get_trace_provider().create_span(data, span_id, parent, disabled)


def task_span(
    name: str, span_id: str | None = None, parent: _Parent = None, disabled: bool = False
) -> Span[TaskSpanData]:
    """A span for one top-level run of the runner."""
    return get_trace_provider().create_span(TaskSpanData(name), span_id, parent, disabled)


def turn_span(
    turn: int,
    agent_name: str,
    span_id: str | None = None,
    parent: _Parent = None,
    disabled: bool = False,
) -> Span[TurnSpanData]:
    """A span for one turn of the run loop."""
    data = TurnSpanData(turn, agent_name)
    return get_trace_provider().create_span(data, span_id, parent, disabled)


def function_span(
    name: str,
    input: str | None = None,
    output: str | None = None,
    span_id: str | None = None,
    parent: _Parent = None,
    disabled: bool = False,
    *,
    include_data: bool = True,
) -> Span[FunctionSpanData]:
    """A span for one tool call; ``include_data=False`` keeps its arguments and output out."""
    data = FunctionSpanData(name, input, output, include_data=include_data)
    return get_trace_provider().create_span(data, span_id, parent, disabled)


def generation_span(
    input: Sequence[Mapping[str, Any]] | None = None,
    output: Sequence[Mapping[str, Any]] | None = None,
    model: str | None = None,
    model_config: Mapping[str, Any] | None = None,
    usage: dict[str, Any] | None = None,
    span_id: str | None = None,
    parent: _Parent = None,
    disabled: bool = False,
    *,
    include_data: bool = True,
) -> Span[GenerationSpanData]:
    """A span for one model call; ``include_data=False`` keeps its input and output out."""
    data = GenerationSpanData(input, output, model, model_config, usage, include_data=include_data)
    return get_trace_provider().create_span(data, span_id, parent, disabled)


def response_span(
    response: Any | None = None,
    span_id: str | None = None,
    parent: _Parent = None,
    disabled: bool = False,
) -> Span[ResponseSpanData]:
    """A span for one Responses API call (its response id is exported)."""
    return get_trace_provider().create_span(ResponseSpanData(response), span_id, parent, disabled)


def handoff_span(
    from_agent: str | None = None,
    to_agent: str | None = None,
    span_id: str | None = None,
    parent: _Parent = None,
    disabled: bool = False,
) -> Span[HandoffSpanData]:
    """A span for a handoff from one agent to another."""
    data = HandoffSpanData(from_agent, to_agent)
    return get_trace_provider().create_span(data, span_id, parent, disabled)


def custom_span(
    name: str,
    data: dict[str, Any] | None = None,
    span_id: str | None = None,
    parent: _Parent = None,
    disabled: bool = False,
) -> Span[CustomSpanData]:
    """A span of your own, with a name and JSON data."""
    span_data = CustomSpanData(name, data or {})
    return get_trace_provider().create_span(span_data, span_id, parent, disabled)


def guardrail_span(
    name: str,
    triggered: bool = False,
    span_id: str | None = None,
    parent: _Parent = None,
    disabled: bool = False,
) -> Span[GuardrailSpanData]:
    """A span for a guardrail check; set ``span_data.triggered`` when its tripwire fires."""
    data = GuardrailSpanData(name, triggered)
    return get_trace_provider().create_span(data, span_id, parent, disabled)


def transcription_span(
    model: str | None = None,
    input: str | None = None,
    input_format: str | None = "pcm",
    output: str | None = None,
    model_config: Mapping[str, Any] | None = None,
    span_id: str | None = None,
    parent: _Parent = None,
    disabled: bool = False,
) -> Span[TranscriptionSpanData]:
    """A span for one speech-to-text call (``input`` is the audio, base64)."""
    data = TranscriptionSpanData(input, input_format, output, model, model_config)
    return get_trace_provider().create_span(data, span_id, parent, disabled)


def speech_span(
    model: str | None = None,
    input: str | None = None,
    output: str | None = None,
    output_format: str | None = "pcm",
    model_config: Mapping[str, Any] | None = None,
    first_content_at: str | None = None,
    span_id: str | None = None,
    parent: _Parent = None,
    disabled: bool = False,
) -> Span[SpeechSpanData]:
    """A span for one text-to-speech call (``output`` is the audio, base64)."""
    data = SpeechSpanData(input, output, output_format, model, model_config, first_content_at)
    return get_trace_provider().create_span(data, span_id, parent, disabled)


def speech_group_span(
    input: str | None = None,
    span_id: str | None = None,
    parent: _Parent = None,
    disabled: bool = False,
) -> Span[SpeechGroupSpanData]:
    """A span for the spoken answer of one turn; its speech spans are its children."""
    data = SpeechGroupSpanData(input)
    return get_trace_provider().create_span(data, span_id, parent, disabled)


def mcp_tools_span(
    server: str | None = None,
    result: list[str] | None = None,
    span_id: str | None = None,
    parent: _Parent = None,
    disabled: bool = False,
) -> Span[MCPListToolsSpanData]:
    """A span for listing an MCP server's tools."""
    data = MCPListToolsSpanData(server, result)
    return get_trace_provider().create_span(data, span_id, parent, disabled)
