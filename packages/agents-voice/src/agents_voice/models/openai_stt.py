"""OpenAI's speech-to-text: whole recordings over HTTP, streamed audio over a websocket."""

from .._openai._session import DEFAULT_TURN_DETECTION as DEFAULT_TURN_DETECTION
from .._openai._session import EVENT_INACTIVITY_TIMEOUT as EVENT_INACTIVITY_TIMEOUT
from .._openai._session import SESSION_CREATION_TIMEOUT as SESSION_CREATION_TIMEOUT
from .._openai._session import SESSION_UPDATE_TIMEOUT as SESSION_UPDATE_TIMEOUT
from .._openai._session import OpenAISTTTranscriptionSession as OpenAISTTTranscriptionSession
from .._openai._stt import OpenAISTTModel as OpenAISTTModel

__all__ = (
    "DEFAULT_TURN_DETECTION",
    "EVENT_INACTIVITY_TIMEOUT",
    "SESSION_CREATION_TIMEOUT",
    "SESSION_UPDATE_TIMEOUT",
    "OpenAISTTModel",
    "OpenAISTTTranscriptionSession",
)
