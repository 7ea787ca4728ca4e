"""A session kept by OpenAI's Conversations API (from ``agents_openai``)."""

from agents_openai import OpenAIConversationsSession as OpenAIConversationsSession
from agents_openai import start_openai_conversations_session as start_openai_conversations_session

__all__ = (
    "OpenAIConversationsSession",
    "start_openai_conversations_session",
)
