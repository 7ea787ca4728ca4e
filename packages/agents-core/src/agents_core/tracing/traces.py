"""Traces: one workflow's tree of spans, and its state saved with a run."""

from ._traces import NO_OP_TRACE as NO_OP_TRACE
from ._traces import NoOpTrace as NoOpTrace
from ._traces import ReattachedTrace as ReattachedTrace
from ._traces import Trace as Trace
from ._traces import TraceImpl as TraceImpl
from ._traces import TraceState as TraceState
from ._traces import reattach_trace as reattach_trace

__all__ = (
    "NO_OP_TRACE",
    "NoOpTrace",
    "ReattachedTrace",
    "Trace",
    "TraceImpl",
    "TraceState",
    "reattach_trace",
)
