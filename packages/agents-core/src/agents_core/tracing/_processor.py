"""Tracing's extension points: processors (see every event) and exporters (ship batches)."""

from __future__ import annotations

import abc
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from ._spans import Span
    from ._traces import Trace

__all__ = ("TracingExporter", "TracingProcessor", "batched_by", "does_nothing", "is_no_op")

_F = TypeVar("_F", bound=Callable[..., Any])


def does_nothing(hook: _F) -> _F:
    """Mark a processor hook that ignores its event, so it is not even called (an override in a
    subclass loses the mark)."""
    hook.__agents_no_op__ = True  # type: ignore[attr-defined]
    return hook


def is_no_op(processor: object, hook: str) -> bool:
    """Whether ``processor``'s ``hook`` is marked with ``does_nothing``."""
    return getattr(getattr(type(processor), hook, None), "__agents_no_op__", False) is True


def batched_by(method: str) -> Callable[[_F], _F]:
    """Mark an ``on_span_end`` (or ``on_trace_start``) hook whose effect on a list of spans (or
    traces) is that of the processor's ``method`` called once with the list, so a run may hand
    its trace and spans over together (an override in a subclass loses the mark)."""

    def mark(hook: _F) -> _F:
        hook.__agents_batched_by__ = method  # type: ignore[attr-defined]
        return hook

    return mark


def span_batch_sink(
    processor: object, hook: str = "on_span_end"
) -> Callable[[list[Any]], None] | None:
    """The method taking a list of ended spans (or started traces) at once, if
    ``processor``'s ``hook`` is marked with ``batched_by``."""
    name = getattr(getattr(type(processor), hook, None), "__agents_batched_by__", None)
    return getattr(processor, name) if isinstance(name, str) else None


class TracingProcessor(abc.ABC):
    """Receives every trace and span as it starts and ends.

    Hooks run synchronously in the code being traced (often the event loop), so they must be
    quick: hand the work to a queue, as ``BatchTraceProcessor`` does. An exception raised by a
    hook is logged and never reaches the traced code.
    """

    @abc.abstractmethod
    def on_trace_start(self, trace: Trace) -> None:
        """A trace started."""

    @abc.abstractmethod
    def on_trace_end(self, trace: Trace) -> None:
        """A trace finished."""

    @abc.abstractmethod
    def on_span_start(self, span: Span[Any]) -> None:
        """A span started (its ``started_at`` is set)."""

    @abc.abstractmethod
    def on_span_end(self, span: Span[Any]) -> None:
        """A span finished (its ``ended_at``, and ``error`` if any, are set)."""

    def shutdown(self) -> None:  # noqa: B027 - optional hook, a no-op by default
        """Export what is pending and release resources; called at interpreter exit."""

    def force_flush(self) -> None:  # noqa: B027 - optional hook, a no-op by default
        """Export everything pending now."""


class TracingExporter(abc.ABC):
    """Sends finished traces and spans somewhere: a file, the console, a tracing backend."""

    @abc.abstractmethod
    def export(self, items: list[Trace | Span[Any]]) -> None:
        """Export one batch; ``item.export()`` gives each item as a plain JSON object."""
