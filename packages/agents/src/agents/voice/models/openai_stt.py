"""``agents.voice.models.openai_stt``: OpenAI's speech-to-text models.

Re-exported from ``agents_voice.models.openai_stt``.
"""

from agents_voice.models.openai_stt import DEFAULT_TURN_DETECTION as DEFAULT_TURN_DETECTION
from agents_voice.models.openai_stt import EVENT_INACTIVITY_TIMEOUT as EVENT_INACTIVITY_TIMEOUT
from agents_voice.models.openai_stt import SESSION_CREATION_TIMEOUT as SESSION_CREATION_TIMEOUT
from agents_voice.models.openai_stt import SESSION_UPDATE_TIMEOUT as SESSION_UPDATE_TIMEOUT
from agents_voice.models.openai_stt import OpenAISTTModel as OpenAISTTModel
from agents_voice.models.openai_stt import (
    OpenAISTTTranscriptionSession as OpenAISTTTranscriptionSession,
)

__all__ = (
    "DEFAULT_TURN_DETECTION",
    "EVENT_INACTIVITY_TIMEOUT",
    "SESSION_CREATION_TIMEOUT",
    "SESSION_UPDATE_TIMEOUT",
    "OpenAISTTModel",
    "OpenAISTTTranscriptionSession",
)
