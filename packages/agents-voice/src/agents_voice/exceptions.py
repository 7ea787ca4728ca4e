"""The voice pipeline's errors (failures of OpenAI's HTTP API are ``agents_openai.exceptions``).

::

    AgentsException
    ├── STTWebsocketConnectionError     the transcription websocket failed
    │   └── TranscriptionFailedError        the service could not transcribe one turn
    └── AudioFileError                  an audio file could not be read or written
"""

from ._base._errors import AudioFileError as AudioFileError
from ._base._errors import STTWebsocketConnectionError as STTWebsocketConnectionError
from ._base._errors import TranscriptionFailedError as TranscriptionFailedError

__all__ = ("AudioFileError", "STTWebsocketConnectionError", "TranscriptionFailedError")
