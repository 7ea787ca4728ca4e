"""Starting traces and spans (the functions of ``agents_core.tracing``)."""

from ._core import get_current_span as get_current_span
from ._core import get_current_trace as get_current_trace
from ._setup import agent_span as agent_span
from ._setup import custom_span as custom_span
from ._setup import function_span as function_span
from ._setup import generation_span as generation_span
from ._setup import guardrail_span as guardrail_span
from ._setup import handoff_span as handoff_span
from ._setup import task_span as task_span
from ._setup import trace as trace
from ._setup import turn_span as turn_span

__all__ = (
    "agent_span",
    "custom_span",
    "function_span",
    "generation_span",
    "get_current_span",
    "get_current_trace",
    "guardrail_span",
    "handoff_span",
    "task_span",
    "trace",
    "turn_span",
)
