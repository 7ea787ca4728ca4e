"""Ids and timestamps from the current trace provider."""

from __future__ import annotations

from ._setup import get_trace_provider

__all__ = ("gen_group_id", "gen_span_id", "gen_trace_id", "time_iso")


def time_iso() -> str:
    """The current time in ISO 8601."""
    return get_trace_provider().time_iso()


def gen_trace_id() -> str:
    """A new trace id: ``trace_`` and 32 hex digits."""
    return get_trace_provider().gen_trace_id()


def gen_span_id() -> str:
    """A new span id: ``span_`` and 24 hex digits."""
    return get_trace_provider().gen_span_id()


def gen_group_id() -> str:
    """A new group id (to tie the traces of one conversation together)."""
    return get_trace_provider().gen_group_id()
