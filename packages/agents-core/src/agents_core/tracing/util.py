"""Trace, span and group ids, and timestamps, from the current trace provider."""

from ._util import gen_group_id as gen_group_id
from ._util import gen_span_id as gen_span_id
from ._util import gen_trace_id as gen_trace_id
from ._util import time_iso as time_iso

__all__ = (
    "gen_group_id",
    "gen_span_id",
    "gen_trace_id",
    "time_iso",
)
