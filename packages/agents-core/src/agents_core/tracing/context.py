"""The trace of a run."""

from ._context import TraceCtxManager as TraceCtxManager
from ._context import create_trace_for_run as create_trace_for_run

__all__ = (
    "TraceCtxManager",
    "create_trace_for_run",
)
