"""Trace providers: what makes traces and spans, and the processors they report to."""

from ._provider import DefaultTraceProvider as DefaultTraceProvider
from ._provider import SynchronousMultiTracingProcessor as SynchronousMultiTracingProcessor
from ._provider import TraceProvider as TraceProvider

__all__ = (
    "DefaultTraceProvider",
    "SynchronousMultiTracingProcessor",
    "TraceProvider",
)
