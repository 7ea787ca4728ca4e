"""``BatchTraceProcessor``: queues finished items and exports them in batches from a thread."""

from __future__ import annotations

import atexit
import os
import threading
import time
from collections import deque
from typing import Any

from .._base.logging import log
from ._processor import TracingExporter, TracingProcessor, batched_by, does_nothing
from ._spans import Span
from ._traces import Trace

__all__ = ("BatchTraceProcessor",)

_DEFAULT_WAIT_SECONDS = 30.0


class _Process:
    """This process's id, kept current across fork without a system call per span."""

    pid = os.getpid()


def _refresh_pid() -> None:
    _process.pid = os.getpid()


_process = _Process()
os.register_at_fork(after_in_child=_refresh_pid)


class BatchTraceProcessor(TracingProcessor):
    """Exports traces (when they start) and spans (when they end) in batches, off the caller.

    The hooks only append to an in-memory queue of at most ``max_queue_size`` items; when it is
    full, new items are dropped and counted in ``dropped_count`` (the traced code never waits).
    A daemon thread exports up to ``max_batch_size`` items per ``exporter.export`` call, every
    ``schedule_delay`` seconds or as soon as the queue is ``export_trigger_ratio`` full. A slow
    or failing exporter delays or loses only exports (failures are logged). ``force_flush()``
    exports everything queued so far; the queue is also flushed at interpreter exit.
    """

    def __init__(
        self,
        exporter: TracingExporter,
        max_queue_size: int = 8192,
        max_batch_size: int = 128,
        schedule_delay: float = 5.0,
        export_trigger_ratio: float = 0.7,
    ) -> None:
        if max_queue_size < 1 or max_batch_size < 1 or schedule_delay <= 0:
            raise ValueError("max_queue_size, max_batch_size and schedule_delay must be positive")
        if not 0 < export_trigger_ratio <= 1:
            raise ValueError("export_trigger_ratio must be in (0, 1]")
        self._exporter = exporter
        self._max_queue_size = max_queue_size
        self._max_batch_size = max_batch_size
        self._schedule_delay = schedule_delay
        self._trigger_size = max(1, int(max_queue_size * export_trigger_ratio))
        self._reset()

    def _reset(self) -> None:
        self._pending: deque[Trace | Span[Any]] = deque()
        self._condition = threading.Condition(threading.Lock())
        self._thread: threading.Thread | None = None
        self._pid = _process.pid
        self._flush_requested = 0
        self._flushed = 0
        self._stopping = False
        self.dropped_count = 0
        """Items dropped because the queue was full (or the processor shut down)."""

    # --- hooks: called by the traced code, must never block ----------------------------------

    @batched_by("_enqueue_spans")
    def on_trace_start(self, trace: Trace) -> None:
        """Queue the trace."""
        self._enqueue(trace)

    @does_nothing
    def on_trace_end(self, trace: Trace) -> None:
        """Nothing: the trace was queued when it started."""

    @does_nothing
    def on_span_start(self, span: Span[Any]) -> None:
        """Nothing: spans are queued when they end."""

    @batched_by("_enqueue_spans")
    def on_span_end(self, span: Span[Any]) -> None:
        """Queue the finished span."""
        self._enqueue(span)

    def _enqueue_spans(self, spans: list[Any]) -> None:
        """Queue finished spans handed over together (a run's, led by its trace when the run
        started it), as ``on_trace_start`` and ``on_span_end`` would queue them one by one."""
        if self._pid != _process.pid:
            self._reset()
        pending = self._pending
        room = 0 if self._stopping else self._max_queue_size - len(pending)
        if room < len(spans):
            for _ in range(len(spans) - max(room, 0)):
                self._drop()
            spans = spans[: max(room, 0)]
            if not spans:
                return
        before = len(pending)
        pending.extend(spans)
        if self._thread is None or before < self._trigger_size <= before + len(spans):
            with self._condition:
                if self._thread is None:
                    self._start_thread()
                self._condition.notify_all()

    def _enqueue(self, item: Trace | Span[Any]) -> None:
        if self._pid != _process.pid:
            self._reset()  # in a forked child: the parent's thread and queue are not ours
        pending = self._pending
        if self._stopping or len(pending) >= self._max_queue_size:
            self._drop()
            return
        # deque.append is atomic: the lock is taken only to start the thread or to wake it.
        pending.append(item)
        if self._thread is None or len(pending) == self._trigger_size:
            with self._condition:
                if self._thread is None:
                    self._start_thread()
                self._condition.notify_all()

    def _drop(self) -> None:
        self.dropped_count += 1
        dropped = self.dropped_count
        if dropped & (dropped - 1) == 0:  # log the 1st, 2nd, 4th, 8th, ... drop
            log().warning("tracing queue full: items dropped", dropped_total=dropped)

    def _start_thread(self) -> None:
        self._thread = threading.Thread(target=self._run, name="agents-trace-exporter", daemon=True)
        self._thread.start()
        atexit.register(self.shutdown)

    # --- control ----------------------------------------------------------------------------

    def force_flush(self, *, timeout: float | None = None) -> None:
        """Export everything queued so far; waits up to ``timeout`` seconds (default 30)."""
        with self._condition:
            if self._thread is None or not self._thread.is_alive():
                return
            self._flush_requested += 1
            target = self._flush_requested
            self._condition.notify_all()
            done = self._condition.wait_for(
                lambda: self._flushed >= target,
                _DEFAULT_WAIT_SECONDS if timeout is None else timeout,
            )
        if not done:
            log().warning("tracing flush timed out: the exporter is slow or stuck")

    def shutdown(self, timeout: float | None = None) -> None:
        """Export what is queued, then stop the thread; waits up to ``timeout`` (default 30 s)."""
        with self._condition:
            if self._stopping:
                return
            self._stopping = True
            self._condition.notify_all()
            thread = self._thread
        if thread is not None:
            thread.join(_DEFAULT_WAIT_SECONDS if timeout is None else timeout)
            if thread.is_alive():
                log().warning("tracing shutdown timed out: the exporter is slow or stuck")

    # --- the export thread ------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._condition:
                self._condition.wait_for(self._should_export, self._schedule_delay)
                target = self._flush_requested
                stopping = self._stopping
            # popleft, not list() then clear(): items appended meanwhile are kept for next time.
            pending = self._pending
            items = [pending.popleft() for _ in range(len(pending))]
            self._export(items)
            with self._condition:
                self._flushed = max(self._flushed, target)
                self._condition.notify_all()
            if stopping:
                return

    def _should_export(self) -> bool:
        return (
            self._stopping
            or self._flush_requested > self._flushed
            or len(self._pending) >= self._trigger_size
        )

    def _export(self, items: list[Trace | Span[Any]]) -> None:
        for start in range(0, len(items), self._max_batch_size):
            if start:
                # Let the traced program's threads have the interpreter between batches, so
                # an export never holds it for longer than one batch takes.
                time.sleep(0)
            batch = items[start : start + self._max_batch_size]
            try:
                self._exporter.export(batch)
            except Exception as exc:
                log().error(
                    "tracing exporter failed",
                    exporter=type(self._exporter).__name__,
                    items=len(batch),
                    error=f"{type(exc).__name__}: {exc}",
                )
