"""``agents.voice.models.openai_tts``: OpenAI's text-to-speech model.

Re-exported from ``agents_voice.models.openai_tts``.
"""

from agents_voice.models.openai_tts import DEFAULT_VOICE as DEFAULT_VOICE
from agents_voice.models.openai_tts import OpenAITTSModel as OpenAITTSModel

__all__ = (
    "DEFAULT_VOICE",
    "OpenAITTSModel",
)
