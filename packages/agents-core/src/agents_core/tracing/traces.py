"""Traces: one workflow's tree of spans."""

from ._core import NoOpTrace as NoOpTrace
from ._core import Trace as Trace

__all__ = (
    "NoOpTrace",
    "Trace",
)
