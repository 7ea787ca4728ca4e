"""Tracing: what a run did, as a tree of timed spans under one trace per workflow.

::

    from agents_core.tracing import (
        BatchTraceProcessor, JSONLinesSpanExporter, add_trace_processor, custom_span, trace,
    )

    add_trace_processor(BatchTraceProcessor(JSONLinesSpanExporter("traces.jsonl")))
    with trace("Support workflow", group_id=conversation_id):
        with custom_span("load profile"):
            ...

Every trace and span is made by the current trace provider (``get_trace_provider()``; replace
it with ``set_trace_provider``). The default one has no processor, so nothing is recorded until
you add one; until then traces and spans are no-ops and cost almost nothing. Processors see each
trace and span as it starts and ends, in order; exporters receive batches from
``BatchTraceProcessor``. Their errors are logged and never reach the traced code.
"""

from ._batch import BatchTraceProcessor as BatchTraceProcessor
from ._config import TracingConfig as TracingConfig
from ._context import TraceCtxManager as TraceCtxManager
from ._create import agent_span as agent_span
from ._create import custom_span as custom_span
from ._create import function_span as function_span
from ._create import generation_span as generation_span
from ._create import get_current_span as get_current_span
from ._create import get_current_trace as get_current_trace
from ._create import guardrail_span as guardrail_span
from ._create import handoff_span as handoff_span
from ._create import mcp_tools_span as mcp_tools_span
from ._create import response_span as response_span
from ._create import speech_group_span as speech_group_span
from ._create import speech_span as speech_span
from ._create import task_span as task_span
from ._create import trace as trace
from ._create import transcription_span as transcription_span
from ._create import turn_span as turn_span
from ._exporters import ConsoleSpanExporter as ConsoleSpanExporter
from ._exporters import JSONLinesSpanExporter as JSONLinesSpanExporter
from ._processor import TracingExporter as TracingExporter
from ._processor import TracingProcessor as TracingProcessor
from ._provider import DefaultTraceProvider as DefaultTraceProvider
from ._provider import SynchronousMultiTracingProcessor as SynchronousMultiTracingProcessor
from ._provider import TraceProvider as TraceProvider
from ._setup import add_trace_processor as add_trace_processor
from ._setup import flush_traces as flush_traces
from ._setup import get_trace_processors as get_trace_processors
from ._setup import get_trace_provider as get_trace_provider
from ._setup import set_trace_processors as set_trace_processors
from ._setup import set_trace_provider as set_trace_provider
from ._setup import set_tracing_disabled as set_tracing_disabled
from ._span_data import AgentSpanData as AgentSpanData
from ._span_data import CustomSpanData as CustomSpanData
from ._span_data import FunctionSpanData as FunctionSpanData
from ._span_data import GenerationSpanData as GenerationSpanData
from ._span_data import GuardrailSpanData as GuardrailSpanData
from ._span_data import HandoffSpanData as HandoffSpanData
from ._span_data import MCPListToolsSpanData as MCPListToolsSpanData
from ._span_data import ResponseSpanData as ResponseSpanData
from ._span_data import SpanData as SpanData
from ._span_data import SpeechGroupSpanData as SpeechGroupSpanData
from ._span_data import SpeechSpanData as SpeechSpanData
from ._span_data import TaskSpanData as TaskSpanData
from ._span_data import TranscriptionSpanData as TranscriptionSpanData
from ._span_data import TurnSpanData as TurnSpanData
from ._spans import Span as Span
from ._spans import SpanError as SpanError
from ._traces import Trace as Trace
from ._util import gen_group_id as gen_group_id
from ._util import gen_span_id as gen_span_id
from ._util import gen_trace_id as gen_trace_id

__all__ = (
    "AgentSpanData",
    "BatchTraceProcessor",
    "ConsoleSpanExporter",
    "CustomSpanData",
    "DefaultTraceProvider",
    "FunctionSpanData",
    "GenerationSpanData",
    "GuardrailSpanData",
    "HandoffSpanData",
    "JSONLinesSpanExporter",
    "MCPListToolsSpanData",
    "ResponseSpanData",
    "Span",
    "SpanData",
    "SpanError",
    "SpeechGroupSpanData",
    "SpeechSpanData",
    "SynchronousMultiTracingProcessor",
    "TaskSpanData",
    "Trace",
    "TraceCtxManager",
    "TraceProvider",
    "TracingConfig",
    "TracingExporter",
    "TracingProcessor",
    "TranscriptionSpanData",
    "TurnSpanData",
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
    "get_trace_provider",
    "guardrail_span",
    "handoff_span",
    "mcp_tools_span",
    "response_span",
    "set_trace_processors",
    "set_trace_provider",
    "set_tracing_disabled",
    "speech_group_span",
    "speech_span",
    "task_span",
    "trace",
    "transcription_span",
    "turn_span",
)
