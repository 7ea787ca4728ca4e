"""The trace of a run: opened when none is current, rejoined when a saved run resumes, or a
disabled one that hides the caller's trace."""

from __future__ import annotations

from contextlib import ExitStack
from typing import Any

from ._config import TracingConfig
from ._create import custom_span, get_current_trace, trace
from ._setup import get_trace_provider
from ._traces import Trace, TraceState, hash_tracing_api_key, reattach_trace, trace_id_was_started

__all__ = ("TraceCtxManager", "create_trace_for_run")


def _api_key(tracing: TracingConfig | None) -> str | None:
    return tracing.get("api_key") if tracing is not None else None


def _matches(
    state: TraceState,
    *,
    workflow_name: str,
    trace_id: str | None,
    group_id: str | None,
    metadata: dict[str, Any] | None,
    tracing: TracingConfig | None,
) -> bool:
    """Whether a saved trace is the one these settings would open (same key, or its hash)."""
    if state.trace_id is None or state.trace_id != trace_id:
        return False
    if (state.workflow_name, state.group_id, state.metadata) != (workflow_name, group_id, metadata):
        return False
    key = _api_key(tracing)
    if state.tracing_api_key is not None:
        return state.tracing_api_key == key
    if state.tracing_api_key_hash is not None:
        return state.tracing_api_key_hash == hash_tracing_api_key(key)
    return key is None


def create_trace_for_run(
    *,
    workflow_name: str,
    trace_id: str | None,
    group_id: str | None,
    metadata: dict[str, Any] | None,
    tracing: TracingConfig | None,
    disabled: bool,
    trace_state: TraceState | None = None,
    reattach_resumed_trace: bool = False,
) -> Trace | None:
    """A trace for a run: a disabled one when ``disabled`` (it hides the caller's), None when a
    trace is already current, the saved one rejoined when resuming, else a new one."""
    if disabled:
        return get_trace_provider().create_trace(
            name=workflow_name,
            trace_id=trace_id,
            group_id=group_id,
            metadata=metadata,
            tracing=tracing,
            disabled=True,
        )
    if get_current_trace() is not None:
        return None
    if (
        reattach_resumed_trace
        and trace_state is not None
        and trace_id_was_started(trace_state.trace_id)
        and _matches(
            trace_state,
            workflow_name=workflow_name,
            trace_id=trace_id,
            group_id=group_id,
            metadata=metadata,
            tracing=tracing,
        )
    ):
        return reattach_trace(trace_state, tracing_api_key=_api_key(tracing))
    return trace(
        workflow_name=workflow_name,
        trace_id=trace_id,
        group_id=group_id,
        metadata=metadata,
        tracing=tracing,
        disabled=disabled,
    )


class TraceCtxManager:
    """Opens a run's trace when none is current (see ``create_trace_for_run``) and closes it."""

    def __init__(
        self,
        workflow_name: str,
        trace_id: str | None,
        group_id: str | None,
        metadata: dict[str, Any] | None,
        tracing: TracingConfig | None,
        disabled: bool,
        trace_state: TraceState | None = None,
        reattach_resumed_trace: bool = False,
    ) -> None:
        self.trace: Trace | None = None
        self.workflow_name = workflow_name
        self.trace_id = trace_id
        self.group_id = group_id
        self.metadata = metadata
        self.tracing = tracing
        self.disabled = disabled
        self.trace_state = trace_state
        self.reattach_resumed_trace = reattach_resumed_trace
        self._exit_stack = ExitStack()

    def __enter__(self) -> TraceCtxManager:
        self.trace = create_trace_for_run(
            workflow_name=self.workflow_name,
            trace_id=self.trace_id,
            group_id=self.group_id,
            metadata=self.metadata,
            tracing=self.tracing,
            disabled=self.disabled,
            trace_state=self.trace_state,
            reattach_resumed_trace=self.reattach_resumed_trace,
        )
        with ExitStack() as stack:
            if self.trace is not None:
                self.trace.start(mark_as_current=True)
                stack.callback(self.trace.finish, reset_current=True)
            if self.disabled:
                # Hide the caller's span too, from code that reads it directly.
                stack.enter_context(custom_span(name="Agent run", disabled=True))
            self._exit_stack = stack.pop_all()
        return self

    def __exit__(self, exc_type: object, exc_val: object, exc_tb: object) -> None:
        self._exit_stack.__exit__(exc_type, exc_val, exc_tb)  # type: ignore[arg-type]
