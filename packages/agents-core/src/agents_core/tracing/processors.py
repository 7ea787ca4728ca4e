"""Processors and exporters of this package."""

from ._batch import BatchTraceProcessor as BatchTraceProcessor
from ._exporters import ConsoleSpanExporter as ConsoleSpanExporter
from ._exporters import JSONLinesSpanExporter as JSONLinesSpanExporter

__all__ = (
    "BatchTraceProcessor",
    "ConsoleSpanExporter",
    "JSONLinesSpanExporter",
)
