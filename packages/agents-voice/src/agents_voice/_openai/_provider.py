"""``OpenAIVoiceModelProvider``: OpenAI's speech models by name, sharing one client."""

from __future__ import annotations

from typing import TYPE_CHECKING

from agents_core.exceptions import UserError

from .._base._models import STTModel, TTSModel, VoiceModelProvider
from ._stt import OpenAISTTModel
from ._tts import OpenAITTSModel

if TYPE_CHECKING:
    from agents_openai import OpenAIClient

__all__ = ("DEFAULT_STT_MODEL", "DEFAULT_TTS_MODEL", "OpenAIVoiceModelProvider")

DEFAULT_STT_MODEL = "gpt-transcribe"
"""The speech-to-text model used when none is named."""

DEFAULT_TTS_MODEL = "gpt-4o-mini-tts"
"""The text-to-speech model used when none is named."""


class OpenAIVoiceModelProvider(VoiceModelProvider):
    """OpenAI's speech models (or a compatible server's), the default provider of a pipeline.

    Connection settings are those of ``OpenAIProvider``: ``api_key``, ``base_url``,
    ``organization``, ``project``, else ``set_default_openai_key`` / ``_base_url`` /
    ``_client``, else ``OPENAI_API_KEY`` and the rest of the environment; or pass a ready
    ``openai_client``. The client is made on first use, so a provider can be built before a key
    is set. ``websocket_base_url`` is where streamed transcription connects (by default the base
    URL with ``ws``/``wss``). Close it with ``aclose()``.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        openai_client: OpenAIClient | None = None,
        organization: str | None = None,
        project: str | None = None,
        websocket_base_url: str | None = None,
    ) -> None:
        if openai_client is not None and any(
            value is not None for value in (api_key, base_url, organization, project)
        ):
            raise UserError(
                "Pass either openai_client or connection settings (api_key, base_url, "
                "organization, project) to OpenAIVoiceModelProvider, not both."
            )
        # OpenAIProvider resolves the settings (and keeps the key out of reprs) and makes the
        # client on first use. Imported here: agents_openai and httpx2 load with a provider.
        from agents_openai import OpenAIProvider

        self._connection = OpenAIProvider(
            api_key=api_key,
            base_url=base_url,
            openai_client=openai_client,
            organization=organization,
            project=project,
        )
        self.websocket_base_url = websocket_base_url

    def __repr__(self) -> str:
        return f"OpenAIVoiceModelProvider({self._connection!r})"

    @property
    def client(self) -> OpenAIClient:
        """The client every model of this provider uses (made on first use)."""
        return self._connection.client

    def get_stt_model(self, model_name: str | None) -> STTModel:
        """OpenAI's speech-to-text model ``model_name`` (default ``gpt-transcribe``)."""
        return OpenAISTTModel(
            model_name or DEFAULT_STT_MODEL,
            self.client,
            websocket_base_url=self.websocket_base_url,
        )

    def get_tts_model(self, model_name: str | None) -> TTSModel:
        """OpenAI's text-to-speech model ``model_name`` (default ``gpt-4o-mini-tts``)."""
        return OpenAITTSModel(model_name or DEFAULT_TTS_MODEL, self.client)

    async def aclose(self) -> None:
        """Close the connections of the provider's own client."""
        await self._connection.aclose()
