"""Tracing: what a run did, as a tree of timed spans under one trace per workflow.

::

    from agents_core.tracing import (
        BatchTraceProcessor, JSONLinesSpanExporter, add_trace_processor, custom_span, trace,
    )

    add_trace_processor(BatchTraceProcessor(JSONLinesSpanExporter("traces.jsonl")))
    with trace("Support workflow", group_id=conversation_id):
        with custom_span("load profile"):
            ...

No processor is configured by default, so nothing is recorded until you add one; while tracing
is off the span functions return a shared no-op span and cost almost nothing. Processors see each
trace and span as it starts and ends; exporters receive batches from ``BatchTraceProcessor``.
Their errors are logged and never reach the traced code.
"""

from ._batch import BatchTraceProcessor as BatchTraceProcessor
from ._core import Span as Span
from ._core import SpanError as SpanError
from ._core import Trace as Trace
from ._core import gen_group_id as gen_group_id
from ._core import gen_span_id as gen_span_id
from ._core import gen_trace_id as gen_trace_id
from ._core import get_current_span as get_current_span
from ._core import get_current_trace as get_current_trace
from ._exporters import ConsoleSpanExporter as ConsoleSpanExporter
from ._exporters import JSONLinesSpanExporter as JSONLinesSpanExporter
from ._processor import TracingExporter as TracingExporter
from ._processor import TracingProcessor as TracingProcessor
from ._setup import add_trace_processor as add_trace_processor
from ._setup import agent_span as agent_span
from ._setup import custom_span as custom_span
from ._setup import flush_traces as flush_traces
from ._setup import function_span as function_span
from ._setup import generation_span as generation_span
from ._setup import get_trace_processors as get_trace_processors
from ._setup import guardrail_span as guardrail_span
from ._setup import handoff_span as handoff_span
from ._setup import set_trace_processors as set_trace_processors
from ._setup import set_tracing_disabled as set_tracing_disabled
from ._setup import task_span as task_span
from ._setup import trace as trace
from ._setup import turn_span as turn_span
from ._span_data import AgentSpanData as AgentSpanData
from ._span_data import CustomSpanData as CustomSpanData
from ._span_data import FunctionSpanData as FunctionSpanData
from ._span_data import GenerationSpanData as GenerationSpanData
from ._span_data import GuardrailSpanData as GuardrailSpanData
from ._span_data import HandoffSpanData as HandoffSpanData
from ._span_data import SpanData as SpanData

__all__ = (
    "AgentSpanData",
    "BatchTraceProcessor",
    "ConsoleSpanExporter",
    "CustomSpanData",
    "FunctionSpanData",
    "GenerationSpanData",
    "GuardrailSpanData",
    "HandoffSpanData",
    "JSONLinesSpanExporter",
    "Span",
    "SpanData",
    "SpanError",
    "Trace",
    "TracingExporter",
    "TracingProcessor",
    "add_trace_processor",
    "agent_span",
    "custom_span",
    "flush_traces",
    "function_span",
    "gen_group_id",
    "gen_span_id",
    "gen_trace_id",
    "generation_span",
    "get_current_span",
    "get_current_trace",
    "get_trace_processors",
    "guardrail_span",
    "handoff_span",
    "set_trace_processors",
    "set_tracing_disabled",
    "task_span",
    "trace",
    "turn_span",
)
