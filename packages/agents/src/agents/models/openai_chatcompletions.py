"""OpenAI's Chat Completions API as a model (from ``agents_openai``)."""

from agents_openai import OpenAIChatCompletionsModel as OpenAIChatCompletionsModel

__all__ = ("OpenAIChatCompletionsModel",)
