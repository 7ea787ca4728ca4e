"""Tracing processors and exporters (from ``agents_core.tracing.processors``; the OpenAI
exporter and the shared default exporter and processor from ``agents_openai.tracing``)."""

from agents_core.tracing.processors import BatchTraceProcessor as BatchTraceProcessor
from agents_core.tracing.processors import ConsoleSpanExporter as ConsoleSpanExporter
from agents_core.tracing.processors import JSONLinesSpanExporter as JSONLinesSpanExporter
from agents_openai.tracing import BackendSpanExporter as BackendSpanExporter
from agents_openai.tracing import default_exporter as default_exporter
from agents_openai.tracing import default_processor as default_processor

__all__ = (
    "BackendSpanExporter",
    "BatchTraceProcessor",
    "ConsoleSpanExporter",
    "JSONLinesSpanExporter",
    "default_exporter",
    "default_processor",
)
