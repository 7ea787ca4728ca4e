"""Spans: timed operations within a trace."""

from ._core import Span as Span
from ._core import SpanError as SpanError
from ._core import TSpanData as TSpanData

__all__ = (
    "Span",
    "SpanError",
    "TSpanData",
)
