"""``agents.extensions.models.openai_compatible``: any OpenAI-compatible Chat Completions server."""

from .._optional import missing_distribution

try:
    from agents_extensions.models.openai_compatible import ModelProfile as ModelProfile
    from agents_extensions.models.openai_compatible import (
        OpenAICompatibleProvider as OpenAICompatibleProvider,
    )
except ModuleNotFoundError as exc:
    missing_distribution(exc, __name__, "openai")

__all__ = ("ModelProfile", "OpenAICompatibleProvider")
