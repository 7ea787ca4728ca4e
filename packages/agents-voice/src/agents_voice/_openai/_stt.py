"""``OpenAISTTModel``: whole recordings through ``POST /audio/transcriptions`` (a WAV upload),
streamed input through a realtime transcription session (``OpenAISTTTranscriptionSession``)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from agents_openai.exceptions import APIResponseValidationError

from .._base._input import AudioInput, StreamedAudioInput
from .._base._models import StreamedTranscriptionSession, STTModel, STTModelSettings
from .._base._tracing import is_recording, set_span_fields, span_error, transcription_span

if TYPE_CHECKING:
    from agents_openai import OpenAIClient

__all__ = ("OpenAISTTModel",)

# Models that take their language as a list ("languages") rather than "language".
_LANGUAGE_LIST_MODELS = frozenset({"gpt-transcribe", "gpt-live-transcribe"})


class OpenAISTTModel(STTModel):
    """OpenAI's speech-to-text (``gpt-transcribe``, ``gpt-4o-transcribe``, ``whisper-1``...)
    through an ``OpenAIClient``.

    ``websocket_base_url`` (``wss://.../v1``) is where streamed sessions connect; by default
    the client's base URL with ``ws``/``wss`` for ``http``/``https``.
    """

    def __init__(
        self, model: str, openai_client: OpenAIClient, *, websocket_base_url: str | None = None
    ) -> None:
        self.model = model
        self._client = openai_client
        self._websocket_base_url = websocket_base_url

    def __repr__(self) -> str:
        return f"OpenAISTTModel({self.model!r})"

    @property
    def model_name(self) -> str:
        """The model's name."""
        return self.model

    def request_fields(self, settings: STTModelSettings) -> dict[str, str | list[str]]:
        """The form fields (besides the file) of a transcription request."""
        fields: dict[str, str | list[str]] = {"model": self.model}
        if settings.prompt is not None:
            fields["prompt"] = settings.prompt
        if settings.language is not None:
            if self.model in _LANGUAGE_LIST_MODELS:
                fields["languages"] = [settings.language]
            else:
                fields["language"] = settings.language
        if settings.temperature is not None:
            fields["temperature"] = repr(float(settings.temperature))
        return fields

    async def transcribe(
        self,
        input: AudioInput,
        settings: STTModelSettings,
        trace_include_sensitive_data: bool,
        trace_include_sensitive_audio_data: bool,
    ) -> str:
        """The transcript of a whole recording (sent as a WAV file)."""
        span = transcription_span(
            model=self.model,
            model_config={
                "temperature": settings.temperature,
                "language": settings.language,
                "prompt": settings.prompt if trace_include_sensitive_data else None,
            },
        )
        with span:
            if trace_include_sensitive_audio_data and is_recording(span):
                set_span_fields(span, input={"data": input.to_base64(), "format": "pcm"})
            name, file, content_type = input.to_audio_file()
            try:
                content, request_id = await self._client.request_form(
                    "/audio/transcriptions",
                    fields=self.request_fields(settings),
                    files={"file": (name, file.getvalue(), content_type)},
                )
                text = _transcript(content, request_id)
            except Exception as exc:
                span.set_error(span_error(exc, trace_include_sensitive_data))
                raise
            if trace_include_sensitive_data:
                set_span_fields(span, output=text)
            return text

    async def create_session(
        self,
        input: StreamedAudioInput,
        settings: STTModelSettings,
        trace_include_sensitive_data: bool,
        trace_include_sensitive_audio_data: bool,
    ) -> StreamedTranscriptionSession:
        """A realtime transcription session over a websocket; it connects when its turns are
        first read."""
        from ._session import OpenAISTTTranscriptionSession  # loads websockets when needed

        return OpenAISTTTranscriptionSession(
            input,
            self._client,
            self.model,
            settings,
            trace_include_sensitive_data,
            trace_include_sensitive_audio_data,
            websocket_base_url=self._websocket_base_url,
        )


def _transcript(content: bytes, request_id: str | None) -> str:
    try:
        body: Any = json.loads(content)
    except ValueError as exc:
        raise _invalid(content, request_id, "not JSON") from exc
    if not isinstance(body, dict) or not isinstance(body.get("text"), str):
        raise _invalid(content, request_id, "no 'text' string")
    text: str = body["text"]
    return text


def _invalid(content: bytes, request_id: str | None, why: str) -> APIResponseValidationError:
    shown = content[:200].decode("utf-8", "replace")
    return APIResponseValidationError(
        f"The transcription response is not valid ({why}): {shown}", request_id=request_id
    )
