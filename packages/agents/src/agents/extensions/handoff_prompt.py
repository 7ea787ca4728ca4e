"""``agents.extensions.handoff_prompt``: the recommended instructions prefix for handoffs."""

from ._optional import missing_distribution

try:
    from agents_extensions.handoff_prompt import (
        RECOMMENDED_PROMPT_PREFIX as RECOMMENDED_PROMPT_PREFIX,
    )
    from agents_extensions.handoff_prompt import (
        prompt_with_handoff_instructions as prompt_with_handoff_instructions,
    )
except ModuleNotFoundError as exc:
    missing_distribution(exc, __name__, "extensions")

__all__ = ("RECOMMENDED_PROMPT_PREFIX", "prompt_with_handoff_instructions")
