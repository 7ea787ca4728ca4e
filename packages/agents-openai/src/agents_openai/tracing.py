"""Trace export to OpenAI: the exporter, and the process's shared exporter and processor."""

from ._tracing import BackendSpanExporter as BackendSpanExporter
from ._tracing import OpenAITracingExporter as OpenAITracingExporter
from ._tracing import default_exporter as default_exporter
from ._tracing import default_processor as default_processor
from ._tracing import enable_openai_tracing as enable_openai_tracing
from ._tracing import set_tracing_export_api_key as set_tracing_export_api_key

__all__ = (
    "BackendSpanExporter",
    "OpenAITracingExporter",
    "default_exporter",
    "default_processor",
    "enable_openai_tracing",
    "set_tracing_export_api_key",
)
