"""OpenAI's Responses API as a model (from ``agents_openai``)."""

from agents_openai import OpenAIResponsesModel as OpenAIResponsesModel

__all__ = ("OpenAIResponsesModel",)
