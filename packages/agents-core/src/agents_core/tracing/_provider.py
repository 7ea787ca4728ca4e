"""Trace providers: what makes every trace and span, and the processors they report to.

Every span and trace function goes through the current provider (``get_trace_provider()``), so
a provider set with ``set_trace_provider`` is the one really used. ``DefaultTraceProvider``
starts with no processor: until one is added, traces and spans are no-ops and cost almost
nothing.
"""

from __future__ import annotations

import abc
import inspect
import os
import threading
import time
from collections.abc import Callable
from typing import Any

from .._base.logging import log
from ._config import TracingConfig
from ._ids import new_group_id, new_span_id, new_trace_id, now_iso
from ._processor import TracingProcessor, is_no_op, span_batch_sink
from ._scope import current_span, current_trace
from ._spans import NoOpSpan, Span, SpanImpl, TSpanData
from ._traces import NoOpTrace, Trace, TraceImpl

__all__ = ("DefaultTraceProvider", "SynchronousMultiTracingProcessor", "TraceProvider")


def _failed(hook: Any, exc: Exception, name: str | None = None) -> None:
    processor = getattr(hook, "__self__", hook)
    log().error(
        "tracing processor failed",
        processor=type(processor).__name__,
        hook=name or getattr(hook, "__name__", "?"),
        error=f"{type(exc).__name__}: {exc}",
    )


def call_each(hooks: tuple[Callable[[Any], None], ...], item: Any, name: str | None = None) -> None:
    """Call each hook with ``item``; a hook that raises is logged (naming ``name``, else the
    hook's own name) and the others still run."""
    for hook in hooks:
        try:
            hook(item)
        except Exception as exc:
            _failed(hook, exc, name)


def _takes_timeout(method: Any) -> bool:
    try:
        parameters = inspect.signature(method).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(p.name == "timeout" or p.kind is p.VAR_KEYWORD for p in parameters)


class SynchronousMultiTracingProcessor(TracingProcessor):
    """Passes every event to each of its processors in order; a processor's error is logged and
    never reaches the traced code (nor the processors after it).

    The processors are an immutable tuple, swapped whole, and each hook calls a tuple of bound
    methods made when they change (hooks marked ``does_nothing`` left out), so no lock is taken
    and nothing is looked up per event.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._processors = ()

    @property
    def _processors(self) -> tuple[TracingProcessor, ...]:
        return self._all

    @_processors.setter
    def _processors(self, processors: tuple[TracingProcessor, ...]) -> None:
        def bound(hook: str) -> tuple[Callable[[Any], None], ...]:
            return tuple(getattr(p, hook) for p in processors if not is_no_op(p, hook))

        hooks = (
            bound("on_trace_start"),
            bound("on_trace_end"),
            bound("on_span_start"),
            bound("on_span_end"),
        )
        ending = [p for p in processors if not is_no_op(p, "on_span_end")]
        sinks = tuple(sink for p in ending if (sink := span_batch_sink(p)) is not None)
        self._all = tuple(processors)
        self._trace_start, self._trace_end, self._span_start, self._span_end = hooks
        # When every processor that sees spans end takes them in batches: those methods, so a
        # run can hand over its spans together (see ``agents_core._run.run_tracing``).
        self._span_end_batches: tuple[Callable[[list[Any]], None], ...] | None = (
            sinks if len(sinks) == len(ending) else None
        )
        # Whether, moreover, a trace's start means to each processor what handing it to the
        # same method does, and no processor wants its end: then a run hands over its trace
        # with its spans, in one call.
        starting = [p for p in processors if not is_no_op(p, "on_trace_start")]
        self._trace_rides_with_spans = (
            self._span_end_batches is not None
            and not hooks[1]
            and not hooks[2]
            and starting == ending
            and all(span_batch_sink(p, "on_trace_start") == span_batch_sink(p) for p in ending)
        )

    def add_tracing_processor(self, tracing_processor: TracingProcessor) -> None:
        """Add a processor after the others."""
        with self._lock:
            self._processors = (*self._processors, tracing_processor)

    def set_processors(self, processors: list[TracingProcessor]) -> None:
        """Replace every processor."""
        with self._lock:
            self._processors = tuple(processors)

    def on_trace_start(self, trace: Trace) -> None:
        """Tell each processor that ``trace`` started."""
        call_each(self._trace_start, trace)

    def on_trace_end(self, trace: Trace) -> None:
        """Tell each processor that ``trace`` finished."""
        call_each(self._trace_end, trace)

    def on_span_start(self, span: Span[Any]) -> None:
        """Tell each processor that ``span`` started."""
        call_each(self._span_start, span)

    def on_span_end(self, span: Span[Any]) -> None:
        """Tell each processor that ``span`` finished."""
        call_each(self._span_end, span)

    def shutdown(self, timeout: float | None = None) -> None:
        """Shut each processor down, within ``timeout`` seconds overall when given."""
        deadline = None if timeout is None else time.monotonic() + timeout
        for processor in self._processors:
            try:
                if deadline is None:
                    processor.shutdown()
                    continue
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    log().warning("tracing shutdown timed out before every processor stopped")
                    return
                if _takes_timeout(processor.shutdown):
                    processor.shutdown(timeout=remaining)  # type: ignore[call-arg]
                else:
                    processor.shutdown()
            except Exception as exc:
                _failed(processor, exc, "shutdown")

    def force_flush(self) -> None:
        """Ask each processor to export what it holds now."""
        for processor in self._processors:
            try:
                processor.force_flush()
            except Exception as exc:
                _failed(processor, exc, "force_flush")


class TraceProvider(abc.ABC):
    """Makes traces and spans and keeps the processors they report to.

    Implement it to take over tracing entirely; install it with ``set_trace_provider``.
    """

    @abc.abstractmethod
    def register_processor(self, processor: TracingProcessor) -> None:
        """Add a processor that receives every trace and span."""

    @abc.abstractmethod
    def set_processors(self, processors: list[TracingProcessor]) -> None:
        """Replace every processor."""

    @abc.abstractmethod
    def get_current_trace(self) -> Trace | None:
        """The trace the calling code runs in, if any."""

    @abc.abstractmethod
    def get_current_span(self) -> Span[Any] | None:
        """The innermost span the calling code runs in, if any."""

    @abc.abstractmethod
    def set_disabled(self, disabled: bool) -> None:
        """Switch tracing off (or back on) everywhere."""

    @abc.abstractmethod
    def time_iso(self) -> str:
        """The current time in ISO 8601."""

    @abc.abstractmethod
    def gen_trace_id(self) -> str:
        """A new trace id."""

    @abc.abstractmethod
    def gen_span_id(self) -> str:
        """A new span id."""

    @abc.abstractmethod
    def gen_group_id(self) -> str:
        """A new group id."""

    @abc.abstractmethod
    def create_trace(
        self,
        name: str,
        trace_id: str | None = None,
        group_id: str | None = None,
        metadata: dict[str, Any] | None = None,
        disabled: bool = False,
        tracing: TracingConfig | None = None,
    ) -> Trace:
        """A new trace (not started)."""

    @abc.abstractmethod
    def create_span(
        self,
        span_data: TSpanData,
        span_id: str | None = None,
        parent: Trace | Span[Any] | None = None,
        disabled: bool = False,
    ) -> Span[TSpanData]:
        """A new span (not started) under ``parent``, or under the current span or trace."""

    def force_flush(self) -> None:  # noqa: B027 - optional, a no-op by default
        """Ask the processors to export what they hold now."""

    def shutdown(self) -> None:  # noqa: B027 - optional, a no-op by default
        """Release what the provider holds (called at interpreter exit)."""


def _env_disabled() -> bool:
    value = os.environ.get("OPENAI_AGENTS_DISABLE_TRACING", "false")
    return value.strip().lower() in ("1", "true")


def _is_noop_span(span: Span[Any] | None) -> bool:
    if span is None or isinstance(span, SpanImpl):
        return False
    return isinstance(span, NoOpSpan) or span.span_id == "no-op" or span.trace_id == "no-op"


class DefaultTraceProvider(TraceProvider):
    """The provider in use unless another is set: no processor at first (so nothing is
    recorded), ``OPENAI_AGENTS_DISABLE_TRACING`` read on first use."""

    def __init__(self) -> None:
        self._multi_processor = SynchronousMultiTracingProcessor()
        self._env_disabled: bool | None = None
        self._manual_disabled: bool | None = None
        self._disabled = False

    def register_processor(self, processor: TracingProcessor) -> None:
        """Add a processor after the others."""
        self._multi_processor.add_tracing_processor(processor)

    def set_processors(self, processors: list[TracingProcessor]) -> None:
        """Replace every processor (an empty list switches recording off)."""
        self._multi_processor.set_processors(processors)

    def get_current_trace(self) -> Trace | None:
        """The trace the calling code runs in, if any."""
        return current_trace.get()

    def get_current_span(self) -> Span[Any] | None:
        """The innermost span the calling code runs in, if any."""
        return current_span.get()

    def set_disabled(self, disabled: bool) -> None:
        """Switch tracing off (or back on); this wins over the environment variable."""
        self._manual_disabled = disabled
        self._refresh_disabled_flag()

    def _refresh_disabled_flag(self) -> None:
        if self._env_disabled is None:
            self._env_disabled = _env_disabled()
        manual = self._manual_disabled
        self._disabled = self._env_disabled if manual is None else manual

    def is_recording(self) -> bool:
        """Whether a new trace would reach a processor (not disabled, a processor added)."""
        if self._env_disabled is None:
            self._refresh_disabled_flag()
        return not self._disabled and bool(self._multi_processor._processors)

    def time_iso(self) -> str:
        """The current time in UTC, in ISO 8601."""
        return now_iso()

    def gen_trace_id(self) -> str:
        """``trace_`` and 32 hex digits."""
        return new_trace_id()

    def gen_span_id(self) -> str:
        """``span_`` and 24 hex digits."""
        return new_span_id()

    def gen_group_id(self) -> str:
        """``group_`` and 24 hex digits."""
        return new_group_id()

    def create_trace(
        self,
        name: str,
        trace_id: str | None = None,
        group_id: str | None = None,
        metadata: dict[str, Any] | None = None,
        disabled: bool = False,
        tracing: TracingConfig | None = None,
    ) -> Trace:
        """A recorded trace, or a ``NoOpTrace`` when disabled or no processor is set."""
        if disabled or not self.is_recording():
            return NoOpTrace()
        return TraceImpl(
            name=name,
            trace_id=trace_id or new_trace_id(),
            group_id=group_id,
            metadata=metadata,
            processor=self._multi_processor,
            tracing_api_key=tracing.get("api_key") if tracing else None,
        )

    def create_span(
        self,
        span_data: TSpanData,
        span_id: str | None = None,
        parent: Trace | Span[Any] | None = None,
        disabled: bool = False,
    ) -> Span[TSpanData]:
        """A recorded span under ``parent`` (or the current span or trace); a ``NoOpSpan`` when
        disabled, outside any trace, or under a no-op trace or span."""
        if self._env_disabled is None:
            self._refresh_disabled_flag()
        if disabled or self._disabled or span_id == "no-op":
            return NoOpSpan(span_data)
        if parent is None:
            trace = current_trace.get()
            if trace is None:
                return NoOpSpan(span_data)
            span = current_span.get()
            if type(trace) is TraceImpl and (span is None or type(span) is SpanImpl):
                # The common case, our own trace and spans: no property lookups.
                return SpanImpl(
                    trace._trace_id,
                    span_id,
                    None if span is None else span._span_id,
                    self._multi_processor,
                    span_data,
                    trace._tracing_api_key,
                    trace.metadata,
                )
            if isinstance(trace, NoOpTrace) or trace.trace_id == "no-op" or _is_noop_span(span):
                return NoOpSpan(span_data)
            parent_id = span.span_id if span is not None else None
            trace_id = trace.trace_id
            api_key = trace.tracing_api_key
            metadata = trace.metadata
        elif isinstance(parent, Trace):
            if isinstance(parent, NoOpTrace) or parent.trace_id == "no-op":
                return NoOpSpan(span_data)
            parent_id, trace_id = None, parent.trace_id
            api_key, metadata = parent.tracing_api_key, parent.metadata
        else:
            if _is_noop_span(parent):
                return NoOpSpan(span_data)
            parent_id, trace_id = parent.span_id, parent.trace_id
            api_key, metadata = parent.tracing_api_key, parent.trace_metadata
        return SpanImpl(
            trace_id, span_id, parent_id, self._multi_processor, span_data, api_key, metadata
        )

    def force_flush(self) -> None:
        """Ask every processor to export what it holds now."""
        self._multi_processor.force_flush()

    def shutdown(self, timeout: float | None = None) -> None:
        """Shut every processor down (within ``timeout`` seconds when given)."""
        self._multi_processor.shutdown(timeout=timeout)
