"""``OpenAIVoiceModelProvider``: OpenAI's speech models by name."""

from .._openai._provider import DEFAULT_STT_MODEL as DEFAULT_STT_MODEL
from .._openai._provider import DEFAULT_TTS_MODEL as DEFAULT_TTS_MODEL
from .._openai._provider import OpenAIVoiceModelProvider as OpenAIVoiceModelProvider

__all__ = ("DEFAULT_STT_MODEL", "DEFAULT_TTS_MODEL", "OpenAIVoiceModelProvider")
