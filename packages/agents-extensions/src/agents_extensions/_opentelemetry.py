"""``OpenTelemetryTracingProcessor``: traces of runs as OpenTelemetry spans, with GenAI attributes.

Add it like any tracing processor (``add_trace_processor(OpenTelemetryTracingProcessor())``) and
every trace and span of a run becomes an OpenTelemetry span, sent wherever the application's
tracer provider sends spans (an OTLP collector, Jaeger, a console exporter...). Names and
attributes follow OpenTelemetry's semantic conventions for generative AI:

===============  ==========================  =================================================
our span         OpenTelemetry span          attributes
===============  ==========================  =================================================
trace            the workflow's name         ``gen_ai.conversation.id`` (the group id)
agent            ``invoke_agent NAME``       ``gen_ai.operation.name``, ``gen_ai.agent.name``
generation       ``chat MODEL`` (client)     ``gen_ai.request.model``, ``gen_ai.usage.*_tokens``,
                                             request settings; messages when allowed
function         ``execute_tool NAME``       ``gen_ai.tool.name``, ``gen_ai.tool.type``;
                                             arguments and result when allowed
handoff          ``handoff FROM -> TO``      ``agents.handoff.from_agent`` / ``to_agent``
guardrail        ``guardrail NAME``          ``agents.guardrail.name`` / ``triggered``
custom           its name                    ``agents.custom.data`` (JSON)
===============  ==========================  =================================================

The runner's task and turn spans have no GenAI counterpart and are not exported: their children
hang from the nearest exported ancestor (``workflow > invoke_agent > chat, execute_tool``).
The root span carries our trace id as ``agents.trace_id``. Parents come from our
spans' ``parent_id``, not from OpenTelemetry's current context, so spans opened in other asyncio
tasks (parallel tools, guardrails) still hang off the right parent. Model inputs and outputs and
tool arguments and results are exported only with ``include_sensitive_data=True`` *and* when the
run recorded them (``RunConfig.trace_include_sensitive_data``). A failed span gets status ERROR
and ``error.type``.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping
from typing import Any

from agents_core.tracing import (
    AgentSpanData,
    CustomSpanData,
    FunctionSpanData,
    GenerationSpanData,
    GuardrailSpanData,
    HandoffSpanData,
    Span,
    TaskSpanData,
    Trace,
    TracingProcessor,
    TurnSpanData,
)

from ._optional import require

otel_trace = require("opentelemetry.trace", feature="OpenTelemetryTracingProcessor", extra="otel")

__all__ = ("OpenTelemetryTracingProcessor",)

_SETTINGS = (
    ("temperature", "gen_ai.request.temperature"),
    ("top_p", "gen_ai.request.top_p"),
    ("max_tokens", "gen_ai.request.max_tokens"),
    ("frequency_penalty", "gen_ai.request.frequency_penalty"),
    ("presence_penalty", "gen_ai.request.presence_penalty"),
)


def _json(value: Any) -> str:
    try:
        return json.dumps(value, ensure_ascii=False, default=str, separators=(",", ":"))
    except (TypeError, ValueError):
        return str(value)


def _setting(config: Any, name: str) -> Any:
    if config is None:
        return None
    if isinstance(config, Mapping):
        return config.get(name)
    return getattr(config, name, None)


class OpenTelemetryTracingProcessor(TracingProcessor):
    """Sends our traces and spans to OpenTelemetry, named and described as GenAI spans.

    ``tracer_provider``: where spans go (default: the global one the application set up).
    ``include_sensitive_data``: also export model messages and tool arguments and results
    (only those the run recorded; off by default).
    """

    def __init__(
        self,
        tracer_provider: Any | None = None,
        *,
        include_sensitive_data: bool = False,
        tracer_name: str = "agents",
    ) -> None:
        provider = tracer_provider or otel_trace.get_tracer_provider()
        self._tracer = provider.get_tracer(tracer_name)
        self._provider = provider
        self.include_sensitive_data = include_sensitive_data
        # Our trace and span ids -> the OpenTelemetry spans still open, and their contexts.
        self._open: dict[str, Any] = {}
        self._contexts: dict[str, Any] = {}
        # Spans not exported (task, turn) -> the id their children hang from instead.
        self._skipped: dict[str, str] = {}
        self._lock = threading.Lock()

    # ------------------------------------------------------------------------------- traces

    def on_trace_start(self, trace: Trace) -> None:
        """Open the workflow's root span."""
        attributes: dict[str, Any] = {"agents.trace_id": trace.trace_id}
        if trace.group_id:
            attributes["gen_ai.conversation.id"] = trace.group_id
        for key, value in (trace.metadata or {}).items():
            attributes[f"agents.metadata.{key}"] = (
                value if isinstance(value, str | bool | int | float) else _json(value)
            )
        span = self._tracer.start_span(trace.name, attributes=attributes)
        with self._lock:
            self._open[trace.trace_id] = span

    def on_trace_end(self, trace: Trace) -> None:
        """Close the workflow's root span."""
        with self._lock:
            span = self._open.pop(trace.trace_id, None)
            self._contexts.pop(trace.trace_id, None)
        if span is not None:
            span.end()

    # -------------------------------------------------------------------------------- spans

    def on_span_start(self, span: Span[Any]) -> None:
        """Open the span under its parent (or the trace's root span)."""
        parent_id = span.parent_id or span.trace_id
        parent_id = self._skipped.get(parent_id, parent_id)
        if isinstance(span.span_data, TaskSpanData | TurnSpanData):
            self._skipped[span.span_id] = parent_id
            return
        name, kind, attributes = self._describe(span.span_data)
        context = self._parent_context(parent_id, span.trace_id)
        opened = self._tracer.start_span(name, context=context, kind=kind, attributes=attributes)
        with self._lock:
            self._open[span.span_id] = opened

    def _parent_context(self, parent_id: str, trace_id: str) -> Any:
        """The OpenTelemetry context holding the parent's span (made once per parent)."""
        with self._lock:
            context = self._contexts.get(parent_id)
            if context is not None:
                return context
            parent = self._open.get(parent_id) or self._open.get(trace_id)
        if parent is None:
            return None
        context = otel_trace.set_span_in_context(parent)
        with self._lock:
            self._contexts[parent_id] = context
        return context

    def on_span_end(self, span: Span[Any]) -> None:
        """Record what the span learnt while it ran (usage, outputs, errors) and close it."""
        if self._skipped.pop(span.span_id, None) is not None:
            return
        with self._lock:
            opened = self._open.pop(span.span_id, None)
            self._contexts.pop(span.span_id, None)
        if opened is None:
            return
        attributes = self._results(span.span_data)
        if attributes:
            opened.set_attributes(attributes)
        error = span.error
        if error is not None:
            message = error.get("message") or "error"
            opened.set_attribute("error.type", message.split(":", 1)[0])
            opened.set_status(otel_trace.Status(otel_trace.StatusCode.ERROR, message))
        opened.end()

    def force_flush(self) -> None:
        """Ask the tracer provider to export what it holds."""
        flush = getattr(self._provider, "force_flush", None)
        if flush is not None:
            flush()

    def shutdown(self) -> None:
        """Close spans left open (a run abandoned mid-way), then flush."""
        with self._lock:
            left, self._open, self._contexts = list(self._open.values()), {}, {}
            self._skipped = {}
        for span in left:
            span.end()
        self.force_flush()

    # ------------------------------------------------------------------------------ mapping

    def _describe(self, data: Any) -> tuple[str, Any, dict[str, Any]]:
        """The span's name, kind and the attributes known when it starts."""
        kind = otel_trace.SpanKind.INTERNAL
        if isinstance(data, AgentSpanData):
            attributes: dict[str, Any] = {
                "gen_ai.operation.name": "invoke_agent",
                "gen_ai.agent.name": data.name,
            }
            if data.tools:
                attributes["agents.agent.tools"] = list(data.tools)
            if data.handoffs:
                attributes["agents.agent.handoffs"] = list(data.handoffs)
            if data.output_type:
                attributes["agents.agent.output_type"] = data.output_type
            return f"invoke_agent {data.name}", kind, attributes
        if isinstance(data, GenerationSpanData):
            attributes = {"gen_ai.operation.name": "chat"}
            if data.model:
                attributes["gen_ai.request.model"] = data.model
            for setting, attribute in _SETTINGS:
                value = _setting(data.model_config, setting)
                if isinstance(value, int | float) and not isinstance(value, bool):
                    attributes[attribute] = value
            return f"chat {data.model or ''}".rstrip(), otel_trace.SpanKind.CLIENT, attributes
        if isinstance(data, FunctionSpanData):
            attributes = {
                "gen_ai.operation.name": "execute_tool",
                "gen_ai.tool.name": data.name,
                "gen_ai.tool.type": "function",
            }
            if data.mcp_data:
                attributes["agents.mcp.data"] = _json(data.mcp_data)
            return f"execute_tool {data.name}", kind, attributes
        if isinstance(data, HandoffSpanData):
            attributes = {
                "agents.handoff.from_agent": data.from_agent or "",
                "agents.handoff.to_agent": data.to_agent or "",
            }
            return f"handoff {data.from_agent} -> {data.to_agent}", kind, attributes
        if isinstance(data, GuardrailSpanData):
            return f"guardrail {data.name}", kind, {"agents.guardrail.name": data.name}
        if isinstance(data, CustomSpanData):
            return data.name, kind, {}
        return str(getattr(data, "type", "span")), kind, {}

    def _results(self, data: Any) -> dict[str, Any]:
        """The attributes known only when the span ends."""
        sensitive = self.include_sensitive_data
        if isinstance(data, GenerationSpanData):
            attributes: dict[str, Any] = {}
            usage = data.usage or {}
            for ours, theirs in (("input_tokens", "input"), ("output_tokens", "output")):
                if isinstance(usage.get(ours), int):
                    attributes[f"gen_ai.usage.{theirs}_tokens"] = usage[ours]
            if data.model:
                attributes["gen_ai.response.model"] = data.model
            if sensitive and data.input is not None:
                attributes["gen_ai.input.messages"] = _json(_plain(data.input))
            if sensitive and data.output is not None:
                attributes["gen_ai.output.messages"] = _json(_plain(data.output))
            return attributes
        if isinstance(data, FunctionSpanData):
            attributes = {}
            if sensitive and data.input is not None:
                attributes["gen_ai.tool.call.arguments"] = data.input
            if sensitive and data.output is not None:
                output = data.output
                attributes["gen_ai.tool.call.result"] = (
                    output if isinstance(output, str) else _json(output)
                )
            return attributes
        if isinstance(data, GuardrailSpanData):
            return {"agents.guardrail.triggered": data.triggered}
        if isinstance(data, CustomSpanData) and data.data:
            return {"agents.custom.data": _json(data.data)}
        return {}


def _plain(items: Any) -> Any:
    """Output item models as plain JSON (what the model received or sent)."""
    if isinstance(items, list):
        return [item.to_input_item() if hasattr(item, "to_input_item") else item for item in items]
    return items
