"""The process's trace provider, and the functions that configure its processors.

No processor is configured by default, so nothing is recorded or exported until one is added
(``add_trace_processor``); the OpenAI exporter belongs to the ``agents-openai`` distribution.
``OPENAI_AGENTS_DISABLE_TRACING=1`` in the environment starts with tracing disabled.
"""

from __future__ import annotations

import atexit
import threading
from typing import Any

from .._base.logging import log
from ._processor import TracingProcessor
from ._provider import DefaultTraceProvider, TraceProvider

__all__ = (
    "GLOBAL_TRACE_PROVIDER",
    "add_trace_processor",
    "flush_traces",
    "get_trace_processors",
    "get_trace_provider",
    "set_trace_processors",
    "set_trace_provider",
    "set_tracing_disabled",
)

_SHUTDOWN_TIMEOUT = 5.0

GLOBAL_TRACE_PROVIDER: TraceProvider | None = None
"""The provider in use (None until ``get_trace_provider`` or ``set_trace_provider`` runs)."""

_lock = threading.Lock()
_exit_hook_registered = False


def _shutdown_provider() -> None:
    provider = GLOBAL_TRACE_PROVIDER
    if provider is None:
        return
    try:
        if isinstance(provider, DefaultTraceProvider):
            provider.shutdown(timeout=_SHUTDOWN_TIMEOUT)
        else:
            provider.shutdown()
    except Exception as exc:
        log().error("trace provider failed to shut down", error=f"{type(exc).__name__}: {exc}")


def _register_exit_hook() -> None:
    global _exit_hook_registered
    if not _exit_hook_registered:
        atexit.register(_shutdown_provider)
        _exit_hook_registered = True


def set_trace_provider(provider: TraceProvider) -> None:
    """Use ``provider`` for every trace and span from now on (it is shut down at exit)."""
    global GLOBAL_TRACE_PROVIDER
    with _lock:
        GLOBAL_TRACE_PROVIDER = provider
        _register_exit_hook()


def get_trace_provider() -> TraceProvider:
    """The provider in use: the one set, or a ``DefaultTraceProvider`` made on first use."""
    global GLOBAL_TRACE_PROVIDER
    provider = GLOBAL_TRACE_PROVIDER
    if provider is not None:
        return provider
    with _lock:
        if GLOBAL_TRACE_PROVIDER is None:
            GLOBAL_TRACE_PROVIDER = DefaultTraceProvider()
        _register_exit_hook()
        return GLOBAL_TRACE_PROVIDER


def add_trace_processor(span_processor: TracingProcessor) -> None:
    """Add a processor; it receives every trace and span from now on, after those already added."""
    get_trace_provider().register_processor(span_processor)


def set_trace_processors(processors: list[TracingProcessor]) -> None:
    """Replace every processor (an empty list turns recording off)."""
    get_trace_provider().set_processors(processors)


def get_trace_processors() -> tuple[TracingProcessor, ...]:
    """The processors configured now, in the order they are called (those of the default
    provider, or of any provider that keeps them as it does)."""
    multi: Any = getattr(get_trace_provider(), "_multi_processor", None)
    return tuple(getattr(multi, "_processors", ()))


def set_tracing_disabled(disabled: bool) -> None:
    """Turn tracing off (or back on) for the whole process."""
    get_trace_provider().set_disabled(disabled)


def flush_traces() -> None:
    """Ask every processor to export what it holds now (``force_flush``)."""
    try:
        get_trace_provider().force_flush()
    except Exception as exc:
        log().error("tracing flush failed", error=f"{type(exc).__name__}: {exc}")
