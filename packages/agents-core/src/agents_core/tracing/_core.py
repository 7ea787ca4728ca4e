"""Traces and spans: ids, times, parent links through context variables, and processor calls.

The current trace and span live in ``contextvars``, so each asyncio task (which starts with a
copy of its creator's context) builds its own branch of the tree: spans opened in tasks run with
``asyncio.gather`` all hang off the span that was current when the tasks were created, never off
each other.

When tracing is off (disabled, or no processor configured) the span functions return one shared
no-op span without building any span data, so untraced code pays a couple of context-variable
reads per span.
"""

from __future__ import annotations

import abc
import contextvars
import os
import random
import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from typing_extensions import TypedDict

from .._base.logging import log
from ._span_data import SpanData

if TYPE_CHECKING:
    from ._processor import TracingProcessor

__all__ = (
    "NOOP_SPAN",
    "NoOpTrace",
    "RecordingSpan",
    "RecordingTrace",
    "Span",
    "SpanError",
    "Trace",
    "current_span",
    "current_trace",
    "disabled_span",
    "gen_group_id",
    "gen_span_id",
    "gen_trace_id",
    "get_current_span",
    "get_current_trace",
    "notify",
    "time_iso",
)

TSpanData = TypeVar("TSpanData", bound=SpanData)

current_trace: contextvars.ContextVar[Trace | None] = contextvars.ContextVar(
    "agents_current_trace", default=None
)
current_span: contextvars.ContextVar[Span[Any] | None] = contextvars.ContextVar(
    "agents_current_span", default=None
)


# Ids must be unique, not secret: a generator seeded from the OS once is far cheaper per span
# than reading the OS's random source each time. It is reseeded in a forked child, so parent and
# child never repeat each other's ids.
_ids = random.Random(os.urandom(32))
os.register_at_fork(after_in_child=lambda: _ids.seed(os.urandom(32)))


def gen_trace_id() -> str:
    """A new trace id: ``trace_`` and 32 hex digits."""
    return f"trace_{_ids.getrandbits(128):032x}"


def gen_span_id() -> str:
    """A new span id: ``span_`` and 24 hex digits."""
    return f"span_{_ids.getrandbits(96):024x}"


def gen_group_id() -> str:
    """A new group id (to tie the traces of one conversation together)."""
    return f"group_{_ids.getrandbits(96):024x}"


def time_iso(timestamp: float | None = None) -> str:
    """``timestamp`` (seconds since the epoch; default now), in UTC, in ISO 8601."""
    if timestamp is None:
        return datetime.now(UTC).isoformat()
    return datetime.fromtimestamp(timestamp, UTC).isoformat()


def get_current_trace() -> Trace | None:
    """The trace the calling code runs in, if any."""
    return current_trace.get()


def get_current_span() -> Span[Any] | None:
    """The innermost span the calling code runs in, if any."""
    return current_span.get()


def notify(processors: tuple[TracingProcessor, ...], hook: str, item: Trace | Span[Any]) -> None:
    """Call ``hook`` on every processor in order; a processor's error is logged, never raised."""
    for processor in processors:
        try:
            getattr(processor, hook)(item)
        except Exception as exc:
            log().error(
                "tracing processor failed",
                processor=type(processor).__name__,
                hook=hook,
                error=f"{type(exc).__name__}: {exc}",
            )


def _reset(variable: contextvars.ContextVar[Any], token: contextvars.Token[Any] | None) -> None:
    if token is None:
        return
    try:  # noqa: SIM105 - contextlib.suppress costs microseconds on every span
        variable.reset(token)
    except ValueError:
        # Finished in another context than it started in (a generator closed elsewhere): that
        # context's value is not ours to restore.
        pass


class SpanError(TypedDict):
    """What went wrong in a span: a message and optional JSON details."""

    message: str
    data: dict[str, Any] | None


# --------------------------------------------------------------------------------------------
# Traces


class Trace(abc.ABC):
    """One workflow's trace: the root that every span of a run hangs from.

    Use it as a context manager (``with trace(...)`` or ``async with trace(...)``), which makes
    it current, or call ``start(mark_as_current=True)`` and ``finish(reset_current=True)``.
    """

    __slots__ = ()

    @property
    @abc.abstractmethod
    def trace_id(self) -> str:
        """``trace_`` and 32 hex digits (``"no-op"`` when the trace is not recorded)."""

    @property
    @abc.abstractmethod
    def name(self) -> str:
        """The workflow's name."""

    @property
    def group_id(self) -> str | None:
        """Ties traces of one conversation together."""
        return None

    @property
    def metadata(self) -> dict[str, Any] | None:
        """Your own JSON data about the trace."""
        return None

    @abc.abstractmethod
    def start(self, mark_as_current: bool = False) -> None:
        """Start the trace; with ``mark_as_current``, spans created from here on join it."""

    @abc.abstractmethod
    def finish(self, reset_current: bool = False) -> None:
        """Finish the trace; with ``reset_current``, restore the trace that was current before."""

    @abc.abstractmethod
    def export(self) -> dict[str, Any] | None:
        """The trace as a plain JSON object (None when it is not recorded)."""

    def __enter__(self) -> Trace:
        self.start(mark_as_current=True)
        return self

    def __exit__(self, exc_type: object, exc: object, traceback: object) -> None:
        self.finish(reset_current=True)

    async def __aenter__(self) -> Trace:
        return self.__enter__()

    async def __aexit__(self, exc_type: object, exc: object, traceback: object) -> None:
        self.__exit__(exc_type, exc, traceback)


class _ScopedTrace(Trace):
    """Keeps the context-variable tokens of a trace made current."""

    __slots__ = ("_span_token", "_trace_token")

    def __init__(self) -> None:
        self._trace_token: contextvars.Token[Trace | None] | None = None
        self._span_token: contextvars.Token[Span[Any] | None] | None = None

    def _make_current(self) -> None:
        self._trace_token = current_trace.set(self)
        self._span_token = current_span.set(None)  # a new trace starts a new tree

    def _restore(self) -> None:
        _reset(current_span, self._span_token)
        _reset(current_trace, self._trace_token)
        self._trace_token = self._span_token = None


class NoOpTrace(_ScopedTrace):
    """A trace that records nothing (tracing disabled); spans opened inside it are no-ops too."""

    __slots__ = ()

    @property
    def trace_id(self) -> str:
        """``"no-op"``."""
        return "no-op"

    @property
    def name(self) -> str:
        """``"no-op"``."""
        return "no-op"

    def start(self, mark_as_current: bool = False) -> None:
        """Make the no-op trace current, so nested runs do not open a trace of their own."""
        if mark_as_current:
            self._make_current()

    def finish(self, reset_current: bool = False) -> None:
        """Restore the previous trace."""
        if reset_current:
            self._restore()

    def export(self) -> None:
        """Nothing: a no-op trace is never exported."""
        return None


class RecordingTrace(_ScopedTrace):
    """A trace that processors receive."""

    __slots__ = ("_group_id", "_metadata", "_name", "_state", "_trace_id", "processors")

    def __init__(
        self,
        name: str,
        trace_id: str,
        group_id: str | None,
        metadata: dict[str, Any] | None,
        processors: tuple[TracingProcessor, ...],
    ) -> None:
        super().__init__()
        self._name = name
        self._trace_id = trace_id
        self._group_id = group_id
        self._metadata = metadata
        self.processors = processors
        self._state = 0  # 0 new, 1 started, 2 finished

    @property
    def trace_id(self) -> str:
        """The trace's id."""
        return self._trace_id

    @property
    def name(self) -> str:
        """The workflow's name."""
        return self._name

    @property
    def group_id(self) -> str | None:
        """The group id, if one was given."""
        return self._group_id

    @property
    def metadata(self) -> dict[str, Any] | None:
        """The metadata, if any was given."""
        return self._metadata

    def start(self, mark_as_current: bool = False) -> None:
        """Start the trace (once) and tell the processors."""
        if self._state:
            return
        self._state = 1
        notify(self.processors, "on_trace_start", self)
        if mark_as_current:
            self._make_current()

    def finish(self, reset_current: bool = False) -> None:
        """Finish the trace (once) and tell the processors."""
        if self._state != 1:
            return
        self._state = 2
        if reset_current:
            self._restore()
        notify(self.processors, "on_trace_end", self)

    def export(self) -> dict[str, Any]:
        """Id, workflow name, group id and metadata."""
        return {
            "object": "trace",
            "id": self._trace_id,
            "workflow_name": self._name,
            "group_id": self._group_id,
            "metadata": self._metadata,
        }

    def __repr__(self) -> str:
        return f"<Trace {self._trace_id} {self._name!r}>"


# --------------------------------------------------------------------------------------------
# Spans


class Span(abc.ABC, Generic[TSpanData]):
    """A timed operation inside a trace (an agent, a model call, a tool call, ...).

    Use it as a context manager, which makes it the parent of the spans opened inside it, or
    call ``start(mark_as_current=True)`` and ``finish(reset_current=True)``. An exception that
    leaves the ``with`` block is recorded as the span's error unless one was set already.
    """

    __slots__ = ()

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
    def parent_id(self) -> str | None:
        """The parent span's id; None for a span directly under the trace."""

    @property
    @abc.abstractmethod
    def span_data(self) -> TSpanData:
        """What the span records."""

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
    def error(self) -> SpanError | None:
        """The error recorded with ``set_error``, if any."""

    @property
    def trace_metadata(self) -> dict[str, Any] | None:
        """The metadata of the span's trace."""
        return None

    @abc.abstractmethod
    def start(self, mark_as_current: bool = False) -> None:
        """Start the span; with ``mark_as_current``, spans created from here on are its children."""

    @abc.abstractmethod
    def finish(self, reset_current: bool = False) -> None:
        """Finish the span; with ``reset_current``, restore the span that was current before."""

    @abc.abstractmethod
    def set_error(self, error: SpanError) -> None:
        """Record what went wrong."""

    @abc.abstractmethod
    def export(self) -> dict[str, Any] | None:
        """The span as a plain JSON object (None when it is not recorded)."""

    def __enter__(self) -> Span[TSpanData]:
        self.start(mark_as_current=True)
        return self

    def __exit__(self, exc_type: object, exc: object, traceback: object) -> None:
        if isinstance(exc, Exception) and self.error is None:
            self.set_error(_error_from(exc, self.span_data))
        self.finish(reset_current=True)

    async def __aenter__(self) -> Span[TSpanData]:
        return self.__enter__()

    async def __aexit__(self, exc_type: object, exc: object, traceback: object) -> None:
        self.__exit__(exc_type, exc, traceback)


def _error_from(exc: Exception, data: SpanData) -> SpanError:
    kind = type(exc).__name__
    if getattr(data, "include_data", True) is False:
        # The message of a failed model or tool call may quote its input or output.
        return SpanError(message=kind, data=None)
    return SpanError(message=f"{kind}: {exc}", data=None)


class _DiscardedData:
    """The data of a no-op span: assignments vanish, every field reads as None."""

    __slots__ = ()

    def __getattr__(self, name: str) -> None:
        return None

    def __setattr__(self, name: str, value: Any) -> None:
        pass

    @property
    def type(self) -> str:
        return "no-op"

    def export(self) -> dict[str, Any]:
        return {}


_DISCARDED_DATA: Any = _DiscardedData()


class _NoOpSpan(Span[Any]):
    """A span that records nothing. The shared instance never touches the current span."""

    __slots__ = ("_marks_current", "_token")

    def __init__(self, marks_current: bool) -> None:
        self._marks_current = marks_current
        self._token: contextvars.Token[Span[Any] | None] | None = None

    @property
    def trace_id(self) -> str:
        """``"no-op"``."""
        return "no-op"

    @property
    def span_id(self) -> str:
        """``"no-op"``."""
        return "no-op"

    @property
    def parent_id(self) -> None:
        """None."""
        return None

    @property
    def span_data(self) -> Any:
        """An object that ignores writes and reads every field as None."""
        return _DISCARDED_DATA

    @property
    def started_at(self) -> None:
        """None."""
        return None

    @property
    def ended_at(self) -> None:
        """None."""
        return None

    @property
    def error(self) -> None:
        """None."""
        return None

    def start(self, mark_as_current: bool = False) -> None:
        """Nothing, or (for a span disabled on its own) make its children no-ops too."""
        if mark_as_current and self._marks_current:
            self._token = current_span.set(self)

    def finish(self, reset_current: bool = False) -> None:
        """Nothing, or restore the span that was current before."""
        if reset_current and self._marks_current:
            _reset(current_span, self._token)
            self._token = None

    def set_error(self, error: SpanError) -> None:
        """Nothing."""

    def export(self) -> None:
        """Nothing: a no-op span is never exported."""
        return None


NOOP_SPAN: Span[Any] = _NoOpSpan(marks_current=False)
"""The span every span function returns while tracing is off."""


def disabled_span() -> Span[Any]:
    """A no-op span for a span disabled on its own: its children are no-ops as well."""
    return _NoOpSpan(marks_current=True)


class RecordingSpan(Span[TSpanData]):
    """A span that processors receive."""

    __slots__ = (
        "_data",
        "_ended_at",
        "_error",
        "_parent_id",
        "_span_id",
        "_started_at",
        "_token",
        "_trace",
    )

    def __init__(
        self, data: TSpanData, trace: RecordingTrace, parent_id: str | None, span_id: str | None
    ) -> None:
        self._data = data
        self._trace = trace
        self._parent_id = parent_id
        self._span_id = span_id or gen_span_id()
        # Seconds since the epoch; formatted as ISO 8601 only when read (usually at export, off
        # the traced code's path).
        self._started_at: float | None = None
        self._ended_at: float | None = None
        self._error: SpanError | None = None
        self._token: contextvars.Token[Span[Any] | None] | None = None

    @property
    def trace(self) -> RecordingTrace:
        """The trace the span belongs to."""
        return self._trace

    @property
    def trace_id(self) -> str:
        """The trace's id."""
        return self._trace.trace_id

    @property
    def span_id(self) -> str:
        """The span's id."""
        return self._span_id

    @property
    def parent_id(self) -> str | None:
        """The parent span's id."""
        return self._parent_id

    @property
    def span_data(self) -> TSpanData:
        """What the span records."""
        return self._data

    @property
    def started_at(self) -> str | None:
        """Start time (ISO 8601)."""
        return None if self._started_at is None else time_iso(self._started_at)

    @property
    def ended_at(self) -> str | None:
        """End time (ISO 8601)."""
        return None if self._ended_at is None else time_iso(self._ended_at)

    @property
    def error(self) -> SpanError | None:
        """The recorded error."""
        return self._error

    @property
    def trace_metadata(self) -> dict[str, Any] | None:
        """The trace's metadata."""
        return self._trace.metadata

    def start(self, mark_as_current: bool = False) -> None:
        """Start the span (once) and tell the processors."""
        if self._started_at is not None:
            return
        self._started_at = time.time()
        notify(self._trace.processors, "on_span_start", self)
        if mark_as_current:
            self._token = current_span.set(self)

    def finish(self, reset_current: bool = False) -> None:
        """Finish the span (once) and tell the processors."""
        if self._ended_at is not None:
            return
        self._ended_at = time.time()
        if reset_current:
            _reset(current_span, self._token)
            self._token = None
        notify(self._trace.processors, "on_span_end", self)

    def set_error(self, error: SpanError) -> None:
        """Record what went wrong (the last call wins)."""
        self._error = error

    def export(self) -> dict[str, Any]:
        """Ids, times, the span data and the error."""
        return {
            "object": "trace.span",
            "id": self._span_id,
            "trace_id": self._trace.trace_id,
            "parent_id": self._parent_id,
            "started_at": self.started_at,
            "ended_at": self.ended_at,
            "span_data": self._data.export(),
            "error": self._error,
        }

    def __repr__(self) -> str:
        return f"<Span {self._span_id} {self._data.type} parent={self._parent_id}>"
