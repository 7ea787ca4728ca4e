"""The OpenAI provider (from ``agents_openai``)."""

from agents_openai import OpenAIProvider as OpenAIProvider

__all__ = ("OpenAIProvider",)
