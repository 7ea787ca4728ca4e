"""A voice provider pointed at the fake servers."""

from __future__ import annotations

from typing import Any

from agents_openai.testing import FakeOpenAIServer

from .._openai._provider import OpenAIVoiceModelProvider
from ._transcription_server import FakeTranscriptionServer

__all__ = ("fake_voice_provider",)


def fake_voice_provider(
    server: FakeOpenAIServer,
    transcription_server: FakeTranscriptionServer | None = None,
    **options: Any,
) -> OpenAIVoiceModelProvider:
    """An ``OpenAIVoiceModelProvider`` that sends speech and whole recordings to ``server``
    (a ``FakeOpenAIServer``) and streamed transcription to ``transcription_server``."""
    options.setdefault("api_key", server.api_key)
    if transcription_server is not None:
        options.setdefault("websocket_base_url", transcription_server.base_url)
    return OpenAIVoiceModelProvider(base_url=server.base_url, **options)
