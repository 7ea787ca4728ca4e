"""The voice pipeline's own errors (HTTP failures are ``agents_openai.exceptions``' errors).

::

    AgentsException
    ├── STTWebsocketConnectionError     the transcription websocket failed
    │   └── TranscriptionFailedError        the service could not transcribe one turn
    └── AudioFileError                  an audio file could not be read or written
"""

from __future__ import annotations

from agents_core.exceptions import AgentsException

__all__ = ("AudioFileError", "STTWebsocketConnectionError", "TranscriptionFailedError")


class STTWebsocketConnectionError(AgentsException):
    """The realtime transcription websocket failed: it could not be opened, the service sent an
    error, or it closed before the session ended. The message says which, and ``close_code`` /
    ``server_error`` carry what the service said."""

    def __init__(
        self,
        message: str,
        *,
        close_code: int | None = None,
        server_error: dict[str, object] | None = None,
    ) -> None:
        super().__init__(message)
        self.close_code = close_code
        self.server_error = server_error


class TranscriptionFailedError(STTWebsocketConnectionError):
    """The service could not transcribe one turn of streamed audio (``item_id``); the pipeline
    reports it and goes on listening."""

    def __init__(
        self, message: str, *, item_id: str | None = None, server_error: dict[str, object] | None
    ) -> None:
        super().__init__(message, server_error=server_error)
        self.item_id = item_id


class AudioFileError(AgentsException):
    """An audio file could not be read or written: its format is unknown or unsupported, or its
    content is damaged. The message names the file (when it has a name) and the reason."""
