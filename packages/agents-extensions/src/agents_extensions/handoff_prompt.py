"""``agents_extensions.handoff_prompt``: a recommended instructions prefix for handoffs."""

from ._handoff_prompt import RECOMMENDED_PROMPT_PREFIX as RECOMMENDED_PROMPT_PREFIX
from ._handoff_prompt import prompt_with_handoff_instructions as prompt_with_handoff_instructions

__all__ = ("RECOMMENDED_PROMPT_PREFIX", "prompt_with_handoff_instructions")
