"""The OpenAI provider (from ``agents_openai``)."""

from agents_openai import OpenAIProvider as OpenAIProvider

__all__ = ("DEFAULT_MODEL", "OpenAIProvider")

DEFAULT_MODEL: str = "gpt-4o"
"""Kept for older code; the default model is ``agents.models.get_default_model()``."""
