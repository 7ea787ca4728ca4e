"""Tool guardrails (from ``agents_core.tool_guardrails``)."""

from agents_core.tool_guardrails import *  # noqa: F403
from agents_core.tool_guardrails import __all__ as __all__
