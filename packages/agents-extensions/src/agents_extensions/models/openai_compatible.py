"""``agents_extensions.models.openai_compatible``: OpenAI-compatible Chat Completions servers."""

from .._models._compatible import ModelProfile as ModelProfile
from .._models._compatible import OpenAICompatibleProvider as OpenAICompatibleProvider

__all__ = ("ModelProfile", "OpenAICompatibleProvider")
