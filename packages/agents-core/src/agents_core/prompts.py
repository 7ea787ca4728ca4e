"""Stored prompts: a reference to one, or a function choosing one per turn."""

from ._agents.prompts import DynamicPromptFunction as DynamicPromptFunction
from ._agents.prompts import GenerateDynamicPromptData as GenerateDynamicPromptData
from ._agents.prompts import Prompt as Prompt

__all__ = (
    "DynamicPromptFunction",
    "GenerateDynamicPromptData",
    "Prompt",
)
