"""Traces: one workflow's tree of spans, and its state saved with a run.

``TraceImpl`` is the recorded trace, ``NoOpTrace`` one that records nothing (it still marks the
code inside as traced, so nested runs do not open traces of their own), ``ReattachedTrace`` a
trace rebuilt from a saved run (``TraceState``) whose start was already reported.
"""

from __future__ import annotations

import abc
import contextlib
import contextvars
import hashlib
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ._ids import new_trace_id
from ._scope import current_span, current_trace, reset_quietly

if TYPE_CHECKING:
    from ._processor import TracingProcessor
    from ._spans import Span

__all__ = (
    "NO_OP_TRACE",
    "NoOpTrace",
    "ReattachedTrace",
    "Trace",
    "TraceImpl",
    "TraceState",
    "reattach_trace",
    "trace_id_was_started",
)


class Trace(abc.ABC):
    """One workflow's trace: the root that every span of a run hangs from.

    Use it as a context manager (``with trace(...)`` or ``async with trace(...)``), which makes
    it current, or call ``start(mark_as_current=True)`` and ``finish(reset_current=True)``.
    Traces can be weakly referenced.
    """

    __slots__ = ("__weakref__",)

    def __enter__(self) -> Trace:
        self.start(mark_as_current=True)
        return self

    def __exit__(self, exc_type: object, exc_val: object, exc_tb: object) -> None:
        self.finish(reset_current=True)

    async def __aenter__(self) -> Trace:
        return self.__enter__()

    async def __aexit__(self, exc_type: object, exc_val: object, exc_tb: object) -> None:
        self.__exit__(exc_type, exc_val, exc_tb)

    @abc.abstractmethod
    def start(self, mark_as_current: bool = False) -> None:
        """Start the trace; with ``mark_as_current``, spans created from here on join it."""

    @abc.abstractmethod
    def finish(self, reset_current: bool = False) -> None:
        """Finish the trace; with ``reset_current``, restore the trace that was current before."""

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
    def export(self) -> dict[str, Any] | None:
        """The trace as a plain JSON object (None when it is not recorded)."""

    @property
    @abc.abstractmethod
    def tracing_api_key(self) -> str | None:
        """The API key the trace and its spans are exported with (``TracingConfig``), if any."""

    def to_json(self, *, include_tracing_api_key: bool = False) -> dict[str, Any] | None:
        """The trace as saved with a run: ``export()``, plus the API key only when asked."""
        exported = self.export()
        if exported is None:
            return None
        payload = dict(exported)
        if include_tracing_api_key and self.tracing_api_key:
            payload["tracing_api_key"] = self.tracing_api_key
        return payload


# Trace ids started in this process (most recent last, bounded), so that a resumed run can
# rejoin its trace instead of starting it again.
_MAX_STARTED_TRACE_IDS = 4096
# An OrderedDict drops its oldest entry in constant time (a dict's first key is found by
# scanning past the slots of keys deleted before it).
_started_trace_ids: OrderedDict[str, None] = OrderedDict()


def _mark_started(trace_id: str) -> None:
    started = _started_trace_ids
    started[trace_id] = None
    if len(started) > _MAX_STARTED_TRACE_IDS:
        with contextlib.suppress(KeyError):
            started.popitem(last=False)  # unless another thread trimmed it first


def trace_id_was_started(trace_id: str | None) -> bool:
    """Whether a trace with this id was started in this process (recently)."""
    return bool(trace_id) and trace_id != "no-op" and trace_id in _started_trace_ids


class _ScopedTrace(Trace):
    """Keeps the context-variable tokens of a trace made current."""

    __slots__ = ("_prev_context_token", "_prev_span_token")

    def __init__(self) -> None:
        self._prev_context_token: contextvars.Token[Trace | None] | None = None
        self._prev_span_token: contextvars.Token[Span[Any] | None] | None = None

    def _make_current(self) -> None:
        self._prev_context_token = current_trace.set(self)
        self._prev_span_token = current_span.set(None)  # a new trace starts a new tree

    def _restore(self) -> None:
        span_token, trace_token = self._prev_span_token, self._prev_context_token
        self._prev_span_token = self._prev_context_token = None
        if span_token is not None:
            reset_quietly(current_span, span_token)
        if trace_token is not None:
            reset_quietly(current_trace, trace_token)


class NoOpTrace(_ScopedTrace):
    """A trace that records nothing (tracing disabled); spans opened inside it are no-ops too."""

    __slots__ = ("_started",)

    def __init__(self) -> None:
        super().__init__()
        self._started = False

    def start(self, mark_as_current: bool = False) -> None:
        """Make the no-op trace current, so nested runs do not open a trace of their own."""
        self._started = True
        if mark_as_current:
            self._make_current()

    def finish(self, reset_current: bool = False) -> None:
        """Restore the previous trace."""
        if reset_current:
            self._restore()

    @property
    def trace_id(self) -> str:
        """``"no-op"``."""
        return "no-op"

    @property
    def name(self) -> str:
        """``"no-op"``."""
        return "no-op"

    def export(self) -> dict[str, Any] | None:
        """Nothing: a no-op trace is never exported."""
        return None

    @property
    def tracing_api_key(self) -> str | None:
        """None."""
        return None


NO_OP_TRACE = NoOpTrace()
"""A shared no-op trace."""


class _NamedTrace(_ScopedTrace):
    """What a real trace holds and exports: its id, workflow name, group, metadata and key."""

    __slots__ = ("_name", "_trace_id", "_tracing_api_key", "group_id", "metadata")

    def __init__(
        self,
        name: str,
        trace_id: str,
        group_id: str | None,
        metadata: dict[str, Any] | None,
        tracing_api_key: str | None,
    ) -> None:
        super().__init__()
        self._name = name
        self._trace_id = trace_id
        self._tracing_api_key = tracing_api_key
        self.group_id = group_id  # type: ignore[misc]
        self.metadata = metadata  # type: ignore[misc]

    @property
    def trace_id(self) -> str:
        """The trace's id."""
        return self._trace_id

    @property
    def name(self) -> str:
        """The workflow's name."""
        return self._name

    @property
    def tracing_api_key(self) -> str | None:
        """The API key the trace is exported with, if one was given."""
        return self._tracing_api_key

    def export(self) -> dict[str, Any]:
        """Id, workflow name, group id and metadata."""
        return {
            "object": "trace",
            "id": self._trace_id,
            "workflow_name": self._name,
            "group_id": self.group_id,
            "metadata": self.metadata,
        }

    def __repr__(self) -> str:
        return f"<Trace {self._trace_id} {self._name!r}>"


class TraceImpl(_NamedTrace):
    """A recorded trace: ``processor`` sees it start and end."""

    __slots__ = ("_processor", "_state")

    def __init__(
        self,
        name: str,
        trace_id: str | None,
        group_id: str | None,
        metadata: dict[str, Any] | None,
        processor: TracingProcessor,
        tracing_api_key: str | None = None,
    ) -> None:
        super().__init__(name, trace_id or new_trace_id(), group_id, metadata, tracing_api_key)
        self._processor = processor
        self._state = 0  # 0 new, 1 started, 2 finished

    def start(self, mark_as_current: bool = False) -> None:
        """Start the trace (once) and tell the processor."""
        if self._state:
            return
        self._state = 1
        self._processor.on_trace_start(self)
        _mark_started(self._trace_id)
        if mark_as_current:
            self._make_current()

    def start_unannounced(self) -> None:
        """Start the trace and make it current without telling the processor, for a caller
        that hands it over itself (a run, with its spans)."""
        if self._state:
            return
        self._state = 1
        _mark_started(self._trace_id)
        self._make_current()

    def finish(self, reset_current: bool = False) -> None:
        """Finish the trace (once) and tell the processor."""
        if self._state != 1:
            return
        self._state = 2
        self._processor.on_trace_end(self)
        if reset_current:
            self._restore()


class ReattachedTrace(_NamedTrace):
    """A trace rebuilt from a saved run: current again, without reporting its start twice."""

    __slots__ = ("_started",)

    def __init__(
        self,
        *,
        name: str,
        trace_id: str,
        group_id: str | None,
        metadata: dict[str, Any] | None,
        tracing_api_key: str | None,
    ) -> None:
        super().__init__(name, trace_id, group_id, metadata, tracing_api_key)
        self._started = False

    def start(self, mark_as_current: bool = False) -> None:
        """Make the trace current again (processors are not told: it started before)."""
        if self._started:
            return
        self._started = True
        _mark_started(self._trace_id)
        if mark_as_current:
            self._make_current()

    def finish(self, reset_current: bool = False) -> None:
        """Restore the previous trace (processors are not told)."""
        if self._started and reset_current:
            self._restore()


def hash_tracing_api_key(tracing_api_key: str | None) -> str | None:
    """A fingerprint of a tracing API key (SHA-256), saved instead of the key itself."""
    if tracing_api_key is None:
        return None
    return hashlib.sha256(tracing_api_key.encode("utf-8")).hexdigest()


def _str_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


@dataclass
class TraceState:
    """A trace as saved with a run's state, to rejoin it when the run resumes."""

    trace_id: str | None = None
    workflow_name: str | None = None
    group_id: str | None = None
    metadata: dict[str, Any] | None = None
    tracing_api_key: str | None = None
    tracing_api_key_hash: str | None = None
    object_type: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_trace(cls, trace: Trace | None) -> TraceState | None:
        """The state of ``trace`` (None for no trace or a no-op one)."""
        if trace is None:
            return None
        return cls.from_json(trace.to_json(include_tracing_api_key=True))

    @classmethod
    def from_json(cls, payload: Mapping[str, Any] | None) -> TraceState | None:
        """Read a saved trace (unknown keys are kept in ``extra``)."""
        if not payload:
            return None
        data = dict(payload)
        object_type = data.pop("object", None)
        trace_id = data.pop("id", None) or data.pop("trace_id", None)
        workflow_name = data.pop("workflow_name", None)
        group_id = data.pop("group_id", None)
        metadata = data.pop("metadata", None)
        key = _str_or_none(data.pop("tracing_api_key", None))
        saved_hash = _str_or_none(data.pop("tracing_api_key_hash", None))
        return cls(
            trace_id=_str_or_none(trace_id),
            workflow_name=_str_or_none(workflow_name),
            group_id=_str_or_none(group_id),
            metadata=metadata if isinstance(metadata, dict) else None,
            tracing_api_key=key,
            tracing_api_key_hash=hash_tracing_api_key(key) or saved_hash,
            object_type=_str_or_none(object_type),
            extra=data,
        )

    def to_json(self, *, include_tracing_api_key: bool = False) -> dict[str, Any] | None:
        """The state as JSON; the key only when asked (its fingerprint always)."""
        if self == TraceState():
            return None
        payload: dict[str, Any] = {}
        if self.object_type:
            payload["object"] = self.object_type
        if self.trace_id:
            payload["id"] = self.trace_id
        if self.workflow_name is not None:
            payload["workflow_name"] = self.workflow_name
        if self.group_id is not None:
            payload["group_id"] = self.group_id
        if self.metadata is not None:
            payload["metadata"] = dict(self.metadata)
        if include_tracing_api_key and self.tracing_api_key:
            payload["tracing_api_key"] = self.tracing_api_key
        if self.tracing_api_key_hash:
            payload["tracing_api_key_hash"] = self.tracing_api_key_hash
        for key, value in self.extra.items():
            payload.setdefault(key, value)
        return payload


def reattach_trace(trace_state: TraceState, *, tracing_api_key: str | None = None) -> Trace | None:
    """A live trace for a saved one, without telling processors it started (it did before)."""
    if trace_state.trace_id is None:
        return None
    return ReattachedTrace(
        name=trace_state.workflow_name or "Agent workflow",
        trace_id=trace_state.trace_id,
        group_id=trace_state.group_id,
        metadata=dict(trace_state.metadata) if trace_state.metadata is not None else None,
        tracing_api_key=(
            trace_state.tracing_api_key
            if trace_state.tracing_api_key is not None
            else tracing_api_key
        ),
    )
