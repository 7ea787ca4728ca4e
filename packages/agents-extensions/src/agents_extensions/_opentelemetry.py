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

The root span carries our trace id (``agents.trace_id``) and every span its own id
(``agents.span_id``). Parents come from our
spans' ``parent_id``, not from OpenTelemetry's current context, so spans opened in other asyncio
tasks (parallel tools, guardrails) still hang off the right parent. Model inputs and outputs and
tool arguments and results are exported only with ``include_sensitive_data=True`` *and* when the
run recorded them (``RunConfig.trace_include_sensitive_data``). A failed span gets status ERROR
and ``error.type``.
"""

from __future__ import annotations

import json
import queue
import threading
import time
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
    Trace,
    TracingProcessor,
)

from ._logging import logger
from ._optional import require

otel_trace = require("opentelemetry.trace", feature="OpenTelemetryTracingProcessor", extra="otel")

__all__ = ("OpenTelemetryTracingProcessor",)

_TRACE_START, _SPAN_START, _SPAN_END, _TRACE_END = range(4)

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
    (only those the run recorded; off by default). The hooks only note the time and queue the
    event; a worker thread builds the OpenTelemetry spans (with those times), so the SDK's cost
    stays off the traced code's path. ``force_flush()`` waits until every queued event is
    handed to OpenTelemetry, and flushes the provider. At most ``max_queue_size`` events wait;
    beyond that they are dropped and counted in ``dropped_count``.
    """

    def __init__(
        self,
        tracer_provider: Any | None = None,
        *,
        include_sensitive_data: bool = False,
        tracer_name: str = "agents",
        max_queue_size: int = 65_536,
    ) -> None:
        provider = tracer_provider or otel_trace.get_tracer_provider()
        self._tracer = provider.get_tracer(tracer_name)
        self._provider = provider
        self.include_sensitive_data = include_sensitive_data
        self.dropped_count = 0
        self._max_queue_size = max_queue_size
        self._queue: queue.SimpleQueue[tuple[int, Any, int] | threading.Event] = queue.SimpleQueue()
        # Our trace and span ids -> the OpenTelemetry spans still open (worker thread only).
        self._open: dict[str, Any] = {}
        self._worker: threading.Thread | None = None
        self._worker_lock = threading.Lock()

    # ----------------------------------------------------------------- the traced code's side

    def _put(self, event: int, item: Any) -> None:
        if self._queue.qsize() >= self._max_queue_size:
            self.dropped_count += 1
            return
        self._queue.put((event, item, time.time_ns()))
        if self._worker is None:
            self._start_worker()

    def _start_worker(self) -> None:
        with self._worker_lock:
            if self._worker is None or not self._worker.is_alive():
                self._worker = threading.Thread(
                    target=self._serve, name="agents-opentelemetry", daemon=True
                )
                self._worker.start()

    def on_trace_start(self, trace: Trace) -> None:
        """Queue the start of the workflow's root span."""
        self._put(_TRACE_START, trace)

    def on_trace_end(self, trace: Trace) -> None:
        """Queue the end of the workflow's root span."""
        self._put(_TRACE_END, trace)

    def on_span_start(self, span: Span[Any]) -> None:
        """Queue the start of a span."""
        self._put(_SPAN_START, span)

    def on_span_end(self, span: Span[Any]) -> None:
        """Queue the end of a span."""
        self._put(_SPAN_END, span)

    def force_flush(self) -> None:
        """Wait until every queued event reached OpenTelemetry, then flush the provider."""
        if self._worker is not None and self._worker.is_alive():
            done = threading.Event()
            self._queue.put(done)
            done.wait()
        flush = getattr(self._provider, "force_flush", None)
        if flush is not None:
            flush()

    def shutdown(self) -> None:
        """Hand over what is queued, end spans left open (a run abandoned mid-way), flush."""
        self.force_flush()
        left, self._open = list(self._open.values()), {}
        for span in left:
            span.end()
        flush = getattr(self._provider, "force_flush", None)
        if flush is not None:
            flush()

    # ------------------------------------------------------------------- the worker's side

    def _serve(self) -> None:
        while True:
            entry = self._queue.get()
            if isinstance(entry, threading.Event):
                entry.set()
                continue
            event, item, when = entry
            try:
                self._handle(event, item, when)
            except Exception as exc:  # a bad attribute must not stop the worker
                logger().error("OpenTelemetry span not exported", error=type(exc).__name__)

    def _handle(self, event: int, item: Any, when: int) -> None:
        if event == _TRACE_START:
            attributes: dict[str, Any] = {"agents.trace_id": item.trace_id}
            if item.group_id:
                attributes["gen_ai.conversation.id"] = item.group_id
            for key, value in (item.metadata or {}).items():
                attributes[f"agents.metadata.{key}"] = (
                    value if isinstance(value, str | bool | int | float) else _json(value)
                )
            self._open[item.trace_id] = self._tracer.start_span(
                item.name, attributes=attributes, start_time=when
            )
        elif event == _SPAN_START:
            parent = self._open.get(item.parent_id or item.trace_id) or self._open.get(
                item.trace_id
            )
            name, kind, attributes = self._describe(item.span_data)
            attributes["agents.span_id"] = item.span_id
            context = otel_trace.set_span_in_context(parent) if parent is not None else None
            self._open[item.span_id] = self._tracer.start_span(
                name, context=context, kind=kind, attributes=attributes, start_time=when
            )
        elif event == _SPAN_END:
            self._end_span(item, when)
        else:
            opened = self._open.pop(item.trace_id, None)
            if opened is not None:
                opened.end(end_time=when)

    def _end_span(self, span: Any, when: int) -> None:
        opened = self._open.pop(span.span_id, None)
        if opened is None:
            return
        attributes = self._results(span.span_data)
        error = span.error
        if error is not None:
            message = error.get("message") or "error"
            attributes["error.type"] = message.split(":", 1)[0]
            opened.set_status(otel_trace.Status(otel_trace.StatusCode.ERROR, message))
        if attributes:
            opened.set_attributes(attributes)
        opened.end(end_time=when)

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
