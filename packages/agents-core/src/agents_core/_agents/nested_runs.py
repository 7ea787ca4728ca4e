"""Agent tools (``Agent.as_tool``) whose nested run paused for a person's decision.

The nested run's pending approvals become the parent run's: the parent pauses with them in its
``interruptions`` and keeps the nested ``RunState`` under the parent's tool call id. Deciding on
them through the parent's ``RunState`` and resuming it runs the agent tool again, which picks the
nested state up (with the decisions) instead of starting over.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, MutableMapping
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .._base.run_context import ToolContext
    from .._items.items import ToolApprovalItem
    from .._run.run_state import RunState
    from .._tools.approvals import Approvals

__all__ = (
    "NestedRunPaused",
    "resumable_nested_runs",
    "take_nested_state",
    "take_tool_input",
    "tool_input_for_nested_run",
)

_NO_INPUT: tuple[Any, ToolContext[Any] | None] = (None, None)
_tool_input: ContextVar[tuple[Any, ToolContext[Any] | None]] = ContextVar(
    "agents_nested_tool_input", default=_NO_INPUT
)


@contextlib.contextmanager
def tool_input_for_nested_run(value: Any, caller: ToolContext[Any]) -> Iterator[None]:
    """Within this block, the run an agent tool starts gets ``value`` as its
    ``RunContextWrapper.tool_input`` (the calling model's arguments), and its context wrapper
    is a ``ToolContext`` naming the call (``caller``) that started it."""
    token = _tool_input.set((value, caller))
    try:
        yield
    finally:
        _tool_input.reset(token)


def take_tool_input() -> tuple[Any, ToolContext[Any] | None]:
    """The ``tool_input`` and calling tool context for a run starting now (None, None outside
    an agent tool), cleared so runs started inside that run do not inherit them."""
    taken = _tool_input.get()
    if taken is not _NO_INPUT:
        _tool_input.set(_NO_INPUT)
    return taken


class NestedRunPaused:
    """What an agent tool returns when its nested run paused for approval (not a tool output)."""

    __slots__ = ("call_id", "state")

    def __init__(self, state: RunState[Any]) -> None:
        self.state = state
        self.call_id = ""  # the parent's call, filled in by the tool executor

    @property
    def interruptions(self) -> list[ToolApprovalItem]:
        """The nested calls waiting for a decision."""
        return self.state.get_interruptions()


_Resumable = tuple["MutableMapping[str, RunState[Any]]", "Approvals"]
_resumable: ContextVar[_Resumable | None] = ContextVar("agents_nested_runs", default=None)


@contextlib.contextmanager
def resumable_nested_runs(
    states: MutableMapping[str, RunState[Any]], approvals: Approvals
) -> Iterator[None]:
    """Within this block, agent tools find the paused nested runs of ``states`` (by call id),
    with the decisions in ``approvals``."""
    token = _resumable.set((states, approvals))
    try:
        yield
    finally:
        _resumable.reset(token)


def take_nested_state(call_id: str) -> RunState[Any] | None:
    """The paused nested run of the parent's call ``call_id`` (removed from the parent), with the
    parent's decisions on its pending calls applied; None when there is none."""
    resumable = _resumable.get()
    if resumable is None:
        return None
    states, approvals = resumable
    saved = states.pop(call_id, None)
    if saved is None:
        return None
    state = type(saved)._from_progress(saved._progress)
    for item in state.get_interruptions():
        name = item.tool_name or ""
        decision = approvals.decision(name, item.call_id)
        if decision is True:
            state.approve(item, always_approve=name in approvals.always_approve)
        elif decision is False:
            state.reject(
                item,
                always_reject=name in approvals.always_reject,
                rejection_message=approvals.rejected.get(item.call_id),
            )
    return state
