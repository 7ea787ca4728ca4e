"""Trace providers: what makes traces and spans, and the processors they report to (from
``agents_core.tracing.provider``)."""

from agents_core.tracing.provider import *  # noqa: F403
from agents_core.tracing.provider import __all__ as __all__
