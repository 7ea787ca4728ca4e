"""``agents.voice.models.openai_model_provider``: ``OpenAIVoiceModelProvider``.

Re-exported from ``agents_voice.models.openai_model_provider``.
"""

from agents_voice.models.openai_model_provider import DEFAULT_STT_MODEL as DEFAULT_STT_MODEL
from agents_voice.models.openai_model_provider import DEFAULT_TTS_MODEL as DEFAULT_TTS_MODEL
from agents_voice.models.openai_model_provider import (
    OpenAIVoiceModelProvider as OpenAIVoiceModelProvider,
)

__all__ = (
    "DEFAULT_STT_MODEL",
    "DEFAULT_TTS_MODEL",
    "OpenAIVoiceModelProvider",
)
