"""OpenAI's text-to-speech, streamed as raw PCM."""

from .._openai._tts import DEFAULT_VOICE as DEFAULT_VOICE
from .._openai._tts import OpenAITTSModel as OpenAITTSModel

__all__ = ("DEFAULT_VOICE", "OpenAITTSModel")
