"""Spans: timed operations inside a trace (an agent, a model call, a tool call, ...).

``SpanImpl`` is the recorded span: its start and end go to the processor it was given (the
provider's ``SynchronousMultiTracingProcessor``), times are kept as integers and formatted only
when read, and no lock is taken. ``NoOpSpan`` records nothing; made current, it makes the spans
opened inside it no-ops too.
"""

from __future__ import annotations

import abc
import contextvars
import time
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from typing_extensions import TypedDict

from ._ids import iso_from_ns, new_span_id
from ._log import logger
from ._scope import current_span, reset_quietly
from ._span_data import SpanData

if TYPE_CHECKING:
    from ._processor import TracingProcessor

__all__ = ("NoOpSpan", "Span", "SpanBuffer", "SpanError", "SpanImpl", "TSpanData", "started_span")

TSpanData = TypeVar("TSpanData", bound=SpanData)

# Keys of a trace's metadata that are copied onto each of its spans when exported.
_ROUTED_METADATA_KEYS = ("agent_harness_id",)


class SpanError(TypedDict):
    """What went wrong in a span: a message and optional JSON details."""

    message: str
    data: dict[str, Any] | None


def _error_from(exc: BaseException, data: Any) -> SpanError:
    kind = type(exc).__name__
    if getattr(data, "include_data", True) is False:
        # The message of a failed model or tool call may quote its input or output.
        return SpanError(message=kind, data=None)
    return SpanError(message=f"{kind}: {exc}", data=None)


class Span(abc.ABC, Generic[TSpanData]):
    """A timed operation inside a trace (an agent, a model call, a tool call, ...).

    Use it as a context manager (``with`` or ``async with``), which makes it the parent of the
    spans opened inside it, or call ``start(mark_as_current=True)`` and
    ``finish(reset_current=True)``. An exception that leaves the ``with`` block is recorded as
    the span's error unless one was set already. Spans can be weakly referenced.
    """

    __slots__ = ("__weakref__",)

    @property
    @abc.abstractmethod
    def trace_id(self) -> str:
        """The id of the trace the span belongs to."""

    @property
    @abc.abstractmethod
    def span_id(self) -> str:
        """``span_`` and 24 hex digits (``"no-op"`` when the span is not recorded)."""

    @property
    @abc.abstractmethod
    def span_data(self) -> TSpanData:
        """What the span records."""

    @abc.abstractmethod
    def start(self, mark_as_current: bool = False) -> None:
        """Start the span; with ``mark_as_current``, spans created from here on are its children."""

    @abc.abstractmethod
    def finish(self, reset_current: bool = False) -> None:
        """Finish the span; with ``reset_current``, restore the span that was current before."""

    def __enter__(self) -> Span[TSpanData]:
        self.start(mark_as_current=True)
        return self

    def __exit__(self, exc_type: object, exc_val: object, exc_tb: object) -> None:
        if isinstance(exc_val, Exception) and self.error is None:
            self.set_error(_error_from(exc_val, self.span_data))
        self.finish(reset_current=True)

    async def __aenter__(self) -> Span[TSpanData]:
        return self.__enter__()

    async def __aexit__(self, exc_type: object, exc_val: object, exc_tb: object) -> None:
        self.__exit__(exc_type, exc_val, exc_tb)

    @property
    @abc.abstractmethod
    def parent_id(self) -> str | None:
        """The parent span's id; None for a span directly under the trace."""

    @abc.abstractmethod
    def set_error(self, error: SpanError) -> None:
        """Record what went wrong (the last call wins)."""

    @property
    @abc.abstractmethod
    def error(self) -> SpanError | None:
        """The error recorded with ``set_error``, if any."""

    @abc.abstractmethod
    def export(self) -> dict[str, Any] | None:
        """The span as a plain JSON object (None when it is not recorded)."""

    @property
    @abc.abstractmethod
    def started_at(self) -> str | None:
        """When it started (ISO 8601), once started."""

    @property
    @abc.abstractmethod
    def ended_at(self) -> str | None:
        """When it ended (ISO 8601), once finished."""

    @property
    @abc.abstractmethod
    def tracing_api_key(self) -> str | None:
        """The API key its trace is exported with (``TracingConfig``), if one was given."""

    @property
    def trace_metadata(self) -> dict[str, Any] | None:
        """The metadata of the span's trace, if known."""
        return None


class NoOpSpan(Span[TSpanData]):
    """A span that records nothing (tracing off, or a no-op parent).

    Made current, it hides the span that was current before, so spans opened inside it are
    no-ops too.
    """

    __slots__ = ("_prev_span_token", "_span_data")

    def __init__(self, span_data: TSpanData) -> None:
        self._span_data = span_data
        self._prev_span_token: contextvars.Token[Span[Any] | None] | None = None

    @property
    def trace_id(self) -> str:
        """``"no-op"``."""
        return "no-op"

    @property
    def span_id(self) -> str:
        """``"no-op"``."""
        return "no-op"

    @property
    def span_data(self) -> TSpanData:
        """The data it was given (never exported)."""
        return self._span_data

    @property
    def parent_id(self) -> str | None:
        """None."""
        return None

    def start(self, mark_as_current: bool = False) -> None:
        """Make the no-op span current, if asked."""
        if mark_as_current:
            self._prev_span_token = current_span.set(self)

    def finish(self, reset_current: bool = False) -> None:
        """Restore the span that was current before, if asked."""
        token = self._prev_span_token
        if reset_current and token is not None:
            self._prev_span_token = None
            reset_quietly(current_span, token)

    def set_error(self, error: SpanError) -> None:
        """Nothing."""

    @property
    def error(self) -> SpanError | None:
        """None."""
        return None

    def export(self) -> dict[str, Any] | None:
        """Nothing: a no-op span is never exported."""
        return None

    @property
    def started_at(self) -> str | None:
        """None."""
        return None

    @property
    def ended_at(self) -> str | None:
        """None."""
        return None

    @property
    def tracing_api_key(self) -> str | None:
        """None."""
        return None


class SpanImpl(Span[TSpanData]):
    """A recorded span: ``processor`` sees it start and end."""

    __slots__ = (
        "_ended_ns",
        "_error",
        "_parent_id",
        "_prev_span_token",
        "_processor",
        "_span_data",
        "_span_id",
        "_started_ns",
        "_trace_id",
        "_trace_metadata",
        "_tracing_api_key",
    )

    def __init__(
        self,
        trace_id: str,
        span_id: str | None,
        parent_id: str | None,
        processor: TracingProcessor,
        span_data: TSpanData,
        tracing_api_key: str | None,
        trace_metadata: dict[str, Any] | None = None,
    ) -> None:
        self._trace_id = trace_id
        self._span_id = span_id or new_span_id()
        self._parent_id = parent_id
        self._processor = processor
        self._span_data = span_data
        self._tracing_api_key = tracing_api_key
        self._trace_metadata = trace_metadata
        # time.time_ns() values; formatted as ISO 8601 only when read.
        self._started_ns: int | None = None
        self._ended_ns: int | None = None
        self._error: SpanError | None = None
        self._prev_span_token: contextvars.Token[Span[Any] | None] | None = None

    @property
    def trace_id(self) -> str:
        """The trace's id."""
        return self._trace_id

    @property
    def span_id(self) -> str:
        """The span's id."""
        return self._span_id

    @property
    def span_data(self) -> TSpanData:
        """What the span records."""
        return self._span_data

    @property
    def parent_id(self) -> str | None:
        """The parent span's id."""
        return self._parent_id

    def start(self, mark_as_current: bool = False) -> None:
        """Start the span (once) and tell the processor."""
        if self._started_ns is not None:
            logger.warning("Span already started")
            return
        self._started_ns = time.time_ns()
        self._processor.on_span_start(self)
        if mark_as_current:
            self._prev_span_token = current_span.set(self)

    def finish(self, reset_current: bool = False) -> None:
        """Finish the span (once) and tell the processor."""
        if self._ended_ns is not None:
            logger.warning("Span already finished")
            return
        self._ended_ns = time.time_ns()
        self._processor.on_span_end(self)
        token = self._prev_span_token
        if reset_current and token is not None:
            self._prev_span_token = None
            try:  # noqa: SIM105 - reset_quietly, inlined: this runs for every span
                current_span.reset(token)
            except ValueError:
                pass  # a token of another context (an async generator finalised elsewhere)

    def set_error(self, error: SpanError) -> None:
        """Record what went wrong (the last call wins)."""
        self._error = error

    @property
    def error(self) -> SpanError | None:
        """The recorded error."""
        return self._error

    @property
    def started_at(self) -> str | None:
        """Start time (ISO 8601, UTC)."""
        started = self._started_ns
        return None if started is None else iso_from_ns(started)

    @property
    def ended_at(self) -> str | None:
        """End time (ISO 8601, UTC)."""
        ended = self._ended_ns
        return None if ended is None else iso_from_ns(ended)

    @property
    def tracing_api_key(self) -> str | None:
        """The API key its trace is exported with, if one was given."""
        return self._tracing_api_key

    @property
    def trace_metadata(self) -> dict[str, Any] | None:
        """The metadata of the span's trace."""
        return self._trace_metadata

    def export(self) -> dict[str, Any]:
        """Ids, times, the span data, the error, and metadata (the span data's own, and the
        trace's routing keys) when there is any."""
        started, ended = self._started_ns, self._ended_ns
        payload: dict[str, Any] = {
            "object": "trace.span",
            "id": self._span_id,
            "trace_id": self._trace_id,
            "parent_id": self._parent_id,
            "started_at": None if started is None else iso_from_ns(started),
            "ended_at": None if ended is None else iso_from_ns(ended),
            "span_data": self._span_data.export(),
            "error": self._error,
        }
        trace_metadata = self._trace_metadata
        data_metadata = getattr(self._span_data, "metadata", None)
        if trace_metadata or data_metadata:
            metadata = (
                {key: trace_metadata[key] for key in _ROUTED_METADATA_KEYS if key in trace_metadata}
                if trace_metadata
                else {}
            )
            if isinstance(data_metadata, dict):
                for key, value in data_metadata.items():
                    metadata.setdefault(key, value)
            if metadata:
                payload["metadata"] = metadata
        return payload

    def __repr__(self) -> str:
        return f"<Span {self._span_id} {self._span_data.type} parent={self._parent_id}>"


class SpanBuffer:
    """Stands in for the processor of a run's spans: ``on_span_end`` collects them, to be
    handed to the processors together (``take``). ``forward_to`` sends later ones straight on.

    Used only while no processor wants to see spans start.
    """

    __slots__ = ("on_span_end", "spans")

    def __init__(self) -> None:
        self.spans: list[Span[Any]] = []
        self.on_span_end: Any = self.spans.append

    def on_span_start(self, span: Span[Any]) -> None:
        """Nothing (no processor wants it)."""

    def take(self) -> list[Span[Any]]:
        """The spans collected so far, and an empty buffer."""
        spans = self.spans[:]
        self.spans.clear()
        return spans

    def forward_to(self, hook: Any) -> None:
        """From now on, give each span that ends to ``hook``."""
        self.on_span_end = hook


_new = object.__new__
_time_ns = time.time_ns
_set_current = current_span.set


def started_span(
    trace: tuple[str, Any, str | None, dict[str, Any] | None],
    parent: SpanImpl[Any] | None,
    span_data: TSpanData,
) -> SpanImpl[TSpanData]:
    """A span of ``trace`` (its id, processor, API key and metadata) under ``parent``, started
    now and made current, without telling the processor it started (for processors that ignore
    span starts). What ``SpanImpl.__init__`` and ``start`` do, done directly: runs open many."""
    span: SpanImpl[TSpanData] = _new(SpanImpl)
    span._trace_id, span._processor, span._tracing_api_key, span._trace_metadata = trace
    span._span_id = new_span_id()
    span._parent_id = None if parent is None else parent._span_id
    span._span_data = span_data
    span._ended_ns = span._error = None
    span._started_ns = _time_ns()
    span._prev_span_token = _set_current(span)
    return span
