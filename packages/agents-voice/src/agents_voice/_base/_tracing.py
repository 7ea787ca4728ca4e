"""Spans of the voice pipeline, made with ``agents_core.tracing``'s span functions.

``transcription`` (one speech-to-text call, or one streamed turn), ``speech`` (one text-to-speech
request) and ``speech_group`` (the answer of one turn, parent of its speech spans), with the
fields OpenAI's Agents SDK records in them. Audio is recorded as base64 of 16-bit PCM.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from typing import Any

from agents_core.tracing import (
    Span,
    SpanError,
    SpeechGroupSpanData,
    SpeechSpanData,
    Trace,
    TranscriptionSpanData,
)
from agents_core.tracing import speech_group_span as _speech_group_span
from agents_core.tracing import speech_span as _speech_span
from agents_core.tracing import transcription_span as _transcription_span
from agents_core.tracing.spans import NoOpSpan

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
    return not isinstance(span, NoOpSpan) and span.span_id != "no-op"


def set_span_fields(span: Span[Any], **fields: Any) -> None:
    """Set fields of a voice span's data (nothing for a span that is not recorded).

    Audio is given as ``{"data": base64, "format": "pcm"}`` and set as the field and its format.
    """
    if not is_recording(span):
        return
    data = span.span_data
    for name, value in fields.items():
        if name in ("input", "output") and isinstance(value, dict):
            setattr(data, name, value.get("data"))
            setattr(data, f"{name}_format", value.get("format"))
        else:
            setattr(data, name, value)


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
) -> Span[TranscriptionSpanData]:
    """A span for one transcription: the model, its settings, the audio in, the text out."""
    return _transcription_span(
        model=model,
        input=input,
        input_format=input_format,
        model_config=dict(model_config),
        parent=parent,
        disabled=disabled,
    )


def speech_span(
    *,
    model: str,
    model_config: Mapping[str, Any],
    input: str,
    parent: Trace | Span[Any] | None = None,
    disabled: bool = False,
) -> Span[SpeechSpanData]:
    """A span for one speech request: the model, its settings, the text in, the audio out."""
    return _speech_span(
        model=model, input=input, model_config=dict(model_config), parent=parent, disabled=disabled
    )


def speech_group_span(
    *, parent: Trace | Span[Any] | None = None, disabled: bool = False
) -> Span[SpeechGroupSpanData]:
    """A span for the spoken answer of one turn; its speech spans are its children."""
    return _speech_group_span(parent=parent, disabled=disabled)
