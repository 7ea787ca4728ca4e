"""Spans: timed operations within a trace."""

from ._spans import NoOpSpan as NoOpSpan
from ._spans import Span as Span
from ._spans import SpanError as SpanError
from ._spans import SpanImpl as SpanImpl
from ._spans import TSpanData as TSpanData

__all__ = (
    "NoOpSpan",
    "Span",
    "SpanError",
    "SpanImpl",
    "TSpanData",
)
