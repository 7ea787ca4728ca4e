"""``Segment``: one piece of an answer being spoken.

Its speech request runs as a task as soon as the text is complete, so the requests of several
pieces overlap; the audio waits in the segment until the reader of the result gets to it, so
it always comes out in order. PCM arrives in chunks of any size (a sample may be split between
two); it is handed on as soon as ``buffer_size`` samples have arrived.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from typing import Any

import numpy.typing as npt

from agents_core.tracing import Span, SpeechGroupSpanData

from .._base._logging import logger
from .._base._models import TTSModel, TTSModelSettings
from .._base._pcm import pcm16_to_output, resolve_output_dtype
from .._base._tracing import (
    audio_base64,
    is_recording,
    set_span_fields,
    span_error,
    speech_span,
)
from .._base._tracing import speech_group_span as _speech_group_span

__all__ = ("Segment", "SpeechSettings", "time_iso")


def time_iso() -> str:
    """Now, as span times are written."""
    return datetime.now(UTC).isoformat()


class SpeechSettings:
    """What every segment of a result shares: the model, its settings, the privacy flags."""

    __slots__ = ("dtype", "include_audio", "include_data", "model", "settings", "tracing_disabled")

    def __init__(
        self,
        model: TTSModel,
        settings: TTSModelSettings,
        *,
        include_data: bool,
        include_audio: bool,
        tracing_disabled: bool,
    ) -> None:
        self.model = model
        self.settings = settings
        self.dtype = resolve_output_dtype(settings.dtype)
        self.include_data = include_data
        self.include_audio = include_audio
        self.tracing_disabled = tracing_disabled

    def group_span(self) -> Span[SpeechGroupSpanData]:
        """A new speech group span (one per turn), under the current span or trace."""
        return _speech_group_span(disabled=self.tracing_disabled)


class Segment:
    """A piece of text and its audio, produced by a speech request running as a task.

    The reader takes the audio with ``audio()``; ``cancel()`` stops the request and drops what
    the reader has not taken yet. ``error`` is set when the request failed.
    """

    __slots__ = (
        "_chunks",
        "_done",
        "_on_failure",
        "_ready",
        "_settings",
        "_span",
        "cancelled",
        "error",
        "task",
        "text",
        "turn",
    )

    def __init__(
        self,
        text: str,
        turn: Any,
        settings: SpeechSettings,
        group: Span[SpeechGroupSpanData],
        on_failure: Callable[[Segment], None],
    ) -> None:
        self.text = text
        self.turn = turn
        self._on_failure = on_failure
        self._settings = settings
        self._chunks: deque[npt.NDArray[Any]] = deque()
        self._ready = asyncio.Event()
        self._done = False
        self.cancelled = False
        self.error: Exception | None = None
        config = settings.settings
        self._span = speech_span(
            model=settings.model.model_name,
            model_config={
                "voice": config.voice,
                "instructions": config.instructions if settings.include_data else None,
                "speed": config.speed,
            },
            input=text if settings.include_data else "",
            parent=group,
            disabled=settings.tracing_disabled,
        )
        self.task = asyncio.create_task(self._speak(), name="voice-speech")

    def cancel(self) -> None:
        """Stop the request and drop the audio not yet taken."""
        self.cancelled = True
        self._chunks.clear()
        self._ready.set()
        self.task.cancel()

    async def audio(self) -> AsyncIterator[npt.NDArray[Any]]:
        """The segment's audio, in order, as it arrives; ends when the request ends, fails or
        is cancelled."""
        while True:
            while self._chunks:
                yield self._chunks.popleft()
            if self._done or self.cancelled:
                return
            self._ready.clear()
            await self._ready.wait()

    def _hand_on(self, pcm: bytes | bytearray) -> None:
        samples = pcm16_to_output(pcm, self._settings.dtype)
        transform = self._settings.settings.transform_data
        if transform is not None:
            samples = transform(samples)
        self._chunks.append(samples)
        self._ready.set()

    async def _speak(self) -> None:
        span, settings = self._span, self._settings
        span.start()
        keep_audio = settings.include_audio and is_recording(span)
        spoken: list[bytes] = []
        pending = bytearray()
        least = 2 * max(settings.settings.buffer_size, 1)
        try:
            async for chunk in settings.model.run(self.text, settings.settings):
                if not chunk:
                    continue
                if not spoken and not pending:
                    set_span_fields(span, first_content_at=time_iso())
                if keep_audio:
                    spoken.append(chunk)
                pending += chunk
                usable = len(pending) - len(pending) % 2
                if usable >= least:
                    self._hand_on(pending[:usable])
                    del pending[:usable]
            if pending:
                if len(pending) % 2:
                    pending.append(0)  # a last half sample: pad it to a whole one
                self._hand_on(pending)
            if keep_audio:
                set_span_fields(
                    span, output={"data": audio_base64(b"".join(spoken)), "format": "pcm"}
                )
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            self.error = exc
            span.set_error(span_error(exc, settings.include_data))
            logger().warning(
                "speech failed", model=settings.model.model_name, error=type(exc).__name__
            )
        finally:
            self._done = True
            self._ready.set()
            span.finish()
        if self.error is not None:
            self._on_failure(self)
