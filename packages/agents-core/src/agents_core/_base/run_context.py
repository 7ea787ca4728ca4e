"""The run context: the user's own context object plus what the runtime tracks alongside it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic

from typing_extensions import TypeVar

from .usage import Usage

if TYPE_CHECKING:
    from .._agents.agent import Agent
    from .._items.items import ResponseFunctionToolCall, TResponseInputItem

__all__ = ("RunContextWrapper", "TContext", "ToolContext")

TContext = TypeVar("TContext", default=Any)
"""The type of the user's context object, passed to ``Runner.run(context=...)``."""


@dataclass(eq=False)
class RunContextWrapper(Generic[TContext]):
    """Wraps the context object given to ``Runner.run``; tools, hooks and instructions receive it.

    ``context`` is the user's own object, never sent to the model. ``usage`` accumulates the run's
    token usage as it goes.
    """

    context: TContext
    usage: Usage = field(default_factory=Usage)
    turn_input: list[TResponseInputItem] = field(default_factory=list)


@dataclass(eq=False)
class ToolContext(RunContextWrapper[TContext]):
    """The context a function tool receives: the run context plus the call being executed."""

    tool_name: str = ""
    tool_call_id: str = ""
    tool_arguments: str = ""
    tool_call: ResponseFunctionToolCall | None = None
    agent: Agent[Any] | None = None

    @classmethod
    def from_run_context(
        cls,
        run_context: RunContextWrapper[TContext],
        *,
        tool_name: str,
        tool_call_id: str,
        tool_arguments: str,
        tool_call: ResponseFunctionToolCall | None = None,
        agent: Agent[Any] | None = None,
    ) -> ToolContext[TContext]:
        """Make a tool context that shares the run context's user context and usage."""
        return cls(
            context=run_context.context,
            usage=run_context.usage,
            turn_input=run_context.turn_input,
            tool_name=tool_name,
            tool_call_id=tool_call_id,
            tool_arguments=tool_arguments,
            tool_call=tool_call,
            agent=agent,
        )
