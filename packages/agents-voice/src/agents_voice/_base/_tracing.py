"""Spans of the voice pipeline, as custom spans of ``agents_core.tracing``.

``transcription`` (one speech-to-text call, or one streamed turn), ``speech`` (one text-to-speech
request) and ``speech_group`` (the answer of one turn, parent of its speech spans). Each is a
``custom`` span whose data holds ``sdk_span_type`` and the fields OpenAI's Agents SDK records in
its spans of those types. Audio is recorded as base64 of 16-bit PCM.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from typing import Any

from agents_core.tracing import CustomSpanData, Span, SpanError, Trace, custom_span

__all__ = (
    "audio_base64",
    "is_recording",
    "set_span_fields",
    "span_error",
    "speech_group_span",
    "speech_span",
    "transcription_span",
)


def is_recording(span: Span[Any]) -> bool:
    """Whether a processor will see the span (so that costly data is worth recording)."""
    return isinstance(span.span_data, CustomSpanData)


def set_span_fields(span: Span[Any], **fields: Any) -> None:
    """Set fields of a voice span's data (nothing for a span that is not recorded)."""
    data = span.span_data
    if isinstance(data, CustomSpanData):
        data.data.update(fields)


def span_error(exc: Exception, include_sensitive_data: bool) -> SpanError:
    """A failure as a span records it: its type, and its message only with sensitive data (the
    message can quote what was said)."""
    kind = type(exc).__name__
    return SpanError(message=f"{kind}: {exc}" if include_sensitive_data else kind, data=None)


def audio_base64(pcm: bytes) -> str:
    """Audio as a span records it."""
    return base64.b64encode(pcm).decode("ascii")


def transcription_span(
    *,
    model: str,
    model_config: Mapping[str, Any],
    input: str | None = None,
    input_format: str = "pcm",
    parent: Trace | Span[Any] | None = None,
    disabled: bool = False,
) -> Span[CustomSpanData]:
    """A span for one transcription: the model, its settings, the audio in, the text out."""
    data = {
        "sdk_span_type": "transcription",
        "model": model,
        "model_config": dict(model_config),
        "input": {"data": input or "", "format": input_format},
        "output": None,
    }
    return custom_span("transcription", data, parent=parent, disabled=disabled)


def speech_span(
    *,
    model: str,
    model_config: Mapping[str, Any],
    input: str,
    parent: Trace | Span[Any] | None = None,
    disabled: bool = False,
) -> Span[CustomSpanData]:
    """A span for one speech request: the model, its settings, the text in, the audio out."""
    data = {
        "sdk_span_type": "speech",
        "model": model,
        "model_config": dict(model_config),
        "input": input,
        "output": {"data": "", "format": "pcm"},
        "first_content_at": None,
    }
    return custom_span("speech", data, parent=parent, disabled=disabled)


def speech_group_span(
    *, parent: Trace | Span[Any] | None = None, disabled: bool = False
) -> Span[CustomSpanData]:
    """A span for the spoken answer of one turn; its speech spans are its children."""
    data = {"sdk_span_type": "speech_group", "input": None}
    return custom_span("speech_group", data, parent=parent, disabled=disabled)
