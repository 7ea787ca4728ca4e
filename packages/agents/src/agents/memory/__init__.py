"""Sessions: conversation memory (from ``agents_core.memory`` and ``agents_openai``)."""

from agents_core.memory import *  # noqa: F403
from agents_core.memory import __all__ as _core_names
from agents_openai import OpenAIConversationsSession as OpenAIConversationsSession

__all__ = (*_core_names, "OpenAIConversationsSession")
