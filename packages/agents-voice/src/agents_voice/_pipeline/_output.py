"""``SpeechOutput``: the ordered stream of a pipeline's events, fed by the pipeline (text of
turns, errors, the end) and read by ``StreamedAudioResult.stream()``.

Everything that will reach the reader waits in one queue, in order: ready events, and the
segments of answers being spoken, whose audio the reader takes as it arrives. The text of a turn
is split as it comes (``TTSModelSettings.text_splitter``) and each complete piece is spoken at
once, while the rest is still being written. Barge-in (``interrupt``) cancels the turns still
speaking; a failed speech request ends the session after the audio before it.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator, Callable

from agents_core.tracing import Span, SpeechGroupSpanData

from .._base._events import (
    VoiceStreamEvent,
    VoiceStreamEventAudio,
    VoiceStreamEventError,
    VoiceStreamEventLifecycle,
)
from .._base._tracing import set_span_fields
from ._speech import Segment, SpeechSettings

__all__ = ("SpeechOutput", "Turn")


class Turn:
    """One answer: its text, its segments, and where it is in its life."""

    __slots__ = ("buffer", "ended", "interrupted", "segments", "span", "started", "task", "text")

    def __init__(self, task: asyncio.Task[None] | None) -> None:
        self.task = task
        self.started = False
        self.ended = False
        self.interrupted = False
        self.buffer = ""
        self.text = ""
        self.segments: list[Segment] = []
        self.span: Span[SpeechGroupSpanData] | None = None


class _TurnEnd:
    __slots__ = ("turn",)

    def __init__(self, turn: Turn) -> None:
        self.turn = turn


class _SessionEnd:
    __slots__ = ()


_Item = Segment | _TurnEnd | _SessionEnd | VoiceStreamEvent


class SpeechOutput:
    """The events of one pipeline run, in the order the reader gets them."""

    def __init__(self, speech: SpeechSettings) -> None:
        self._speech = speech
        self._items: deque[_Item] = deque()
        self._wakeup = asyncio.Event()
        self._open: list[Turn] = []
        self._closed = False  # the session's end is queued
        self._failed = False  # a speech request failed and cut the stream short
        self._reader_gone = False
        self._segments: set[Segment] = set()
        self.total_output_text = ""
        self.on_fatal: Callable[[], None] | None = None
        """Called when a speech request fails (the pipeline stops producing)."""

    @property
    def closed(self) -> bool:
        """Whether the session's end is queued (nothing more is accepted)."""
        return self._closed

    # ---------------------------------------------------------------------- producer side

    def begin_turn(self, task: asyncio.Task[None] | None = None) -> Turn:
        """A new turn, answered by ``task`` (cancelled if the turn is interrupted)."""
        turn = Turn(task)
        self._open.append(turn)
        return turn

    def add_text(self, turn: Turn, text: str) -> None:
        """More text of a turn's answer: complete pieces are spoken at once."""
        if self._closed or turn.interrupted or turn.ended or not text:
            return
        if not turn.started:
            turn.started = True
            turn.span = self._speech.group_span()
            turn.span.start()
            self._push(VoiceStreamEventLifecycle(event="turn_started"))
        self.total_output_text += text
        turn.text += text
        ready, turn.buffer = self._speech.settings.text_splitter(turn.buffer + text)
        if ready:
            self._speak(turn, ready)

    def end_turn(self, turn: Turn) -> None:
        """The turn's answer is complete: speak what is left of it, then end the turn."""
        if turn.ended or turn.interrupted:
            return
        turn.ended = True
        if self._closed:
            return
        if turn.buffer.strip():
            self._speak(turn, turn.buffer)
        turn.buffer = ""
        if turn.started:
            self._push(_TurnEnd(turn))
        else:
            self._open.remove(turn)

    def interrupt(self) -> bool:
        """Barge-in: stop every answer still being written or spoken, drop its audio not yet
        read, and end its turn at once (``interrupted``). False when nothing was speaking."""
        interrupted = False
        for turn in list(self._open):
            if turn.interrupted:
                continue
            turn.interrupted = True
            for segment in turn.segments:
                segment.cancel()
            if turn.task is not None and turn.task is not asyncio.current_task():
                turn.task.cancel()
            if turn.started:
                interrupted = True
                if not turn.ended and not self._closed:
                    self._push(_TurnEnd(turn))
            else:
                self._open.remove(turn)
            turn.ended = True
        return interrupted

    def report(self, error: Exception) -> None:
        """An error that does not end the session (a turn that could not be transcribed)."""
        if not self._closed:
            self._push(VoiceStreamEventError(error))

    def fail(self, error: Exception) -> None:
        """End the session with ``error``, after everything already queued."""
        if not self._closed:
            self._push(VoiceStreamEventError(error))
            self.finish()

    def finish(self) -> None:
        """End the session after everything already queued."""
        if not self._closed:
            self._closed = True
            self._push(_SessionEnd())

    def close(self) -> None:
        """The reader is gone: stop every speech request."""
        self._closed = self._reader_gone = True
        for segment in list(self._segments):
            segment.cancel()

    async def wait_closed(self) -> None:
        """Wait until every speech request has ended."""
        tasks = [segment.task for segment in self._segments]
        if tasks:
            await asyncio.wait(tasks)

    # ------------------------------------------------------------------------ reader side

    async def events(self) -> AsyncIterator[VoiceStreamEvent]:
        """The events, in order, until ``session_ended`` (included)."""
        while True:
            while not self._items:
                self._wakeup.clear()
                await self._wakeup.wait()
            item = self._items.popleft()
            if isinstance(item, Segment):
                async for samples in item.audio():
                    yield VoiceStreamEventAudio(data=samples)
                self._segments.discard(item)
            elif isinstance(item, _TurnEnd):
                self._end_span(item.turn)
                yield VoiceStreamEventLifecycle(
                    event="turn_ended", interrupted=item.turn.interrupted
                )
            elif isinstance(item, _SessionEnd):
                for turn in list(self._open):
                    self._end_span(turn)
                yield VoiceStreamEventLifecycle(event="session_ended")
                return
            else:
                yield item

    # ---------------------------------------------------------------------------- helpers

    def _push(self, item: _Item) -> None:
        self._items.append(item)
        self._wakeup.set()

    def _speak(self, turn: Turn, text: str) -> None:
        assert turn.span is not None
        segment = Segment(text, turn, self._speech, turn.span, self._speech_failed)
        turn.segments.append(segment)
        self._segments.add(segment)
        self._push(segment)

    def _speech_failed(self, segment: Segment) -> None:
        if self._failed or self._reader_gone or segment.cancelled or segment.error is None:
            return
        self._failed = True
        # Keep what comes before the failed piece; drop (and stop) everything after it.
        kept: deque[_Item] = deque()
        if segment in self._items:
            while self._items:
                item = self._items.popleft()
                kept.append(item)
                if item is segment:
                    break
        for item in self._items:
            if isinstance(item, Segment):
                item.cancel()
        self._items = kept
        self._closed = True
        self._push(VoiceStreamEventError(segment.error))
        self._push(_SessionEnd())
        if self.on_fatal is not None:
            self.on_fatal()

    def _end_span(self, turn: Turn) -> None:
        if turn in self._open:
            self._open.remove(turn)
        span, turn.span = turn.span, None
        if span is not None:
            set_span_fields(span, input=turn.text if self._speech.include_data else "")
            span.finish()
