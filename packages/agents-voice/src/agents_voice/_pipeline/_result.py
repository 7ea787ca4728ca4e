"""``StreamedAudioResult``: what a pipeline run gives back, read with ``stream()``."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from typing import Any

from agents_core.exceptions import UserError

from .._base._events import VoiceStreamEvent
from .._base._models import TTSModel, TTSModelSettings
from ._config import VoicePipelineConfig
from ._output import SpeechOutput
from ._speech import SpeechSettings

__all__ = ("StreamedAudioResult",)


class StreamedAudioResult:
    """The events of a pipeline run: audio of the answers as it is spoken, turn and session
    markers, errors. Read them once with ``async for event in result.stream()``.

    The stream always ends with ``session_ended``; a failure is reported by an error event just
    before it (the stream does not raise). Leaving the loop early stops the run.
    """

    def __init__(
        self,
        tts_model: TTSModel,
        tts_settings: TTSModelSettings,
        voice_pipeline_config: VoicePipelineConfig,
    ) -> None:
        self.tts_model = tts_model
        self.tts_settings = tts_settings
        self.instructions = tts_settings.instructions
        self.text_generation_task: asyncio.Task[Any] | None = None
        self._config = voice_pipeline_config
        self._output = SpeechOutput(
            SpeechSettings(
                tts_model,
                tts_settings,
                include_data=voice_pipeline_config.trace_include_sensitive_data,
                include_audio=voice_pipeline_config.trace_include_sensitive_audio_data,
                tracing_disabled=voice_pipeline_config.tracing_disabled,
            )
        )
        self._output.on_fatal = self._stop_producing
        self._streamed = False

    @property
    def total_output_text(self) -> str:
        """All the text of the answers so far (including answers cut short)."""
        return self._output.total_output_text

    async def stream(self) -> AsyncGenerator[VoiceStreamEvent, None]:
        """The events, in order, as they happen."""
        if self._streamed:
            raise UserError("StreamedAudioResult.stream() can be read only once.")
        self._streamed = True
        try:
            async for event in self._output.events():
                yield event
        finally:
            await self._shutdown()

    def _stop_producing(self) -> None:
        task = self.text_generation_task
        if task is not None and not task.done() and task is not asyncio.current_task():
            task.cancel()

    async def _shutdown(self) -> None:
        # After session_ended the producer is finishing (closing its session); when the reader
        # left early it is stopped. Either way, wait for it and for every speech request.
        if not self._output.closed:
            self._stop_producing()
        self._output.close()
        task = self.text_generation_task
        if task is not None:
            await asyncio.wait([task])
        await self._output.wait_closed()
