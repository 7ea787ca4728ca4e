"""Input and output guardrails (from ``agents_core.guardrail``)."""

from agents_core.guardrail import *  # noqa: F403
from agents_core.guardrail import __all__ as __all__
