"""``agents.voice.exceptions``: The voice pipeline's errors.

Re-exported from ``agents_voice.exceptions``.
"""

from agents_voice.exceptions import AudioFileError as AudioFileError
from agents_voice.exceptions import STTWebsocketConnectionError as STTWebsocketConnectionError
from agents_voice.exceptions import TranscriptionFailedError as TranscriptionFailedError

__all__ = (
    "AudioFileError",
    "STTWebsocketConnectionError",
    "TranscriptionFailedError",
)
