"""``OpenAITTSModel``: ``POST /audio/speech``, streamed back as raw 24 kHz PCM."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any, Literal

from .._base._models import TTSModel, TTSModelSettings

if TYPE_CHECKING:
    from agents_openai import OpenAIClient

__all__ = ("DEFAULT_VOICE", "OpenAITTSModel")

DEFAULT_VOICE: Literal["ash"] = "ash"
"""The voice used when the settings name none."""

_BINARY = {"Accept": "application/octet-stream"}


class OpenAITTSModel(TTSModel):
    """OpenAI's text-to-speech (``tts-1``, ``gpt-4o-mini-tts``...) through an ``OpenAIClient``:
    the audio is handed on chunk by chunk as it arrives. HTTP failures raise the typed errors
    of ``agents_openai.exceptions``; a body cut short raises ``StreamInterruptedError``."""

    def __init__(self, model: str, openai_client: OpenAIClient) -> None:
        self.model = model
        self._client = openai_client

    def __repr__(self) -> str:
        return f"OpenAITTSModel({self.model!r})"

    @property
    def model_name(self) -> str:
        """The model's name."""
        return self.model

    def request_body(self, text: str, settings: TTSModelSettings) -> dict[str, Any]:
        """The JSON body sent to ``/audio/speech`` for ``text``."""
        body: dict[str, Any] = {
            "model": self.model,
            "voice": settings.voice or DEFAULT_VOICE,
            "input": text,
            "response_format": "pcm",
            "instructions": settings.instructions,
        }
        if settings.speed is not None:
            body["speed"] = settings.speed
        return body

    async def run(self, text: str, settings: TTSModelSettings) -> AsyncIterator[bytes]:
        """Speak ``text``: 24 kHz mono 16-bit PCM chunks as they arrive."""
        body = self.request_body(text, settings)
        async with self._client.stream_bytes("/audio/speech", body=body, headers=_BINARY) as stream:
            async for chunk in stream.chunks():
                yield chunk
