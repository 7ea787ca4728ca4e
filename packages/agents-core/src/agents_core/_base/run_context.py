"""The run context: the user's own context object plus what the runtime tracks alongside it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic

from typing_extensions import TypeVar

from .approvals import Approvals
from .usage import Usage

if TYPE_CHECKING:
    from .._agents.agent import Agent
    from .._items.items import ResponseFunctionToolCall, ToolApprovalItem, TResponseInputItem
    from .._run.config import RunConfig

__all__ = ("AgentHookContext", "RunContextWrapper", "TContext", "ToolContext")

TContext = TypeVar("TContext", default=Any)
"""The type of the user's context object, passed to ``Runner.run(context=...)``."""


@dataclass(eq=False)
class RunContextWrapper(Generic[TContext]):
    """Wraps the context object given to ``Runner.run``; tools, hooks and instructions receive it.

    ``context`` is the user's own object, never sent to the model. ``usage`` accumulates the run's
    token usage as it goes. The run's approval decisions live here too: ``approve_tool`` /
    ``reject_tool`` record one (as ``RunState.approve`` / ``reject`` do) and
    ``is_tool_approved`` reads it. ``tool_input`` is the structured input of a run started by
    an agent used as a tool (``Agent.as_tool(parameters=...)``), None otherwise.
    """

    context: TContext
    usage: Usage = field(default_factory=Usage)
    turn_input: list[TResponseInputItem] = field(default_factory=list)
    _approvals: Approvals = field(default_factory=Approvals, repr=False)
    tool_input: Any | None = None

    def approve_tool(self, approval_item: ToolApprovalItem, always_approve: bool = False) -> None:
        """Let the call run (and, with ``always_approve``, every later call of that tool)."""
        tool = approval_item.tool_name or approval_item.name or ""
        self._approvals.approve(tool, approval_item.call_id, always=always_approve)

    def reject_tool(
        self,
        approval_item: ToolApprovalItem,
        always_reject: bool = False,
        rejection_message: str | None = None,
    ) -> None:
        """Refuse the call; the model is told ``rejection_message`` (or the default text)."""
        tool = approval_item.tool_name or approval_item.name or ""
        self._approvals.reject(
            tool, approval_item.call_id, always=always_reject, message=rejection_message
        )

    def is_tool_approved(self, tool_name: str, call_id: str) -> bool | None:
        """True (approved), False (rejected) or None (not decided) for this call."""
        return self._approvals.decision(tool_name, call_id)

    def get_approval_status(
        self, tool_name: str, call_id: str, *, existing_pending: ToolApprovalItem | None = None
    ) -> bool | None:
        """As ``is_tool_approved`` (``existing_pending`` is accepted for compatibility)."""
        return self._approvals.decision(tool_name, call_id)

    def get_rejection_message(self, tool_name: str, call_id: str) -> str | None:
        """The message recorded with a rejected call, if any."""
        if self._approvals.decision(tool_name, call_id) is not False:
            return None
        return self._approvals.rejected.get(call_id)


@dataclass(eq=False)
class AgentHookContext(RunContextWrapper[TContext]):
    """The context agent start and end hooks receive (``on_agent_start``, ``on_start``,
    ``on_agent_end``, ``on_end``): the run's user context, usage and approval decisions, with
    ``turn_input`` the input the agent starts from (at the start, the run's input)."""

    @classmethod
    def _sharing(
        cls, run_context: RunContextWrapper[TContext], turn_input: list[TResponseInputItem]
    ) -> AgentHookContext[TContext]:
        return cls(
            context=run_context.context,
            usage=run_context.usage,
            turn_input=turn_input,
            _approvals=run_context._approvals,
            tool_input=run_context.tool_input,
        )


@dataclass(eq=False, init=False)
class ToolContext(RunContextWrapper[TContext]):
    """The context a function tool receives: the run context plus the call being executed."""

    tool_name: str = ""
    tool_call_id: str = ""
    tool_arguments: str = ""
    tool_call: ResponseFunctionToolCall | None = None
    tool_namespace: str | None = field(default=None, kw_only=True)
    """The namespace of a namespaced tool (None: tools here have plain names)."""
    agent: Agent[Any] | None = field(default=None, kw_only=True)
    run_config: RunConfig | None = field(default=None, kw_only=True)
    """The settings of the run the call belongs to."""

    def __init__(
        self,
        context: TContext,
        usage: Usage | None = None,
        tool_name: str = "",
        tool_call_id: str = "",
        tool_arguments: str = "",
        tool_call: ResponseFunctionToolCall | None = None,
        *,
        tool_namespace: str | None = None,
        agent: Agent[Any] | None = None,
        run_config: RunConfig | None = None,
        turn_input: list[TResponseInputItem] | None = None,
        _approvals: Approvals | None = None,
        tool_input: Any | None = None,
    ) -> None:
        # The call's fields come right after the context and usage, as in OpenAI's Agents SDK;
        # what the run shares with the tool is keyword-only.
        super().__init__(
            context=context,
            usage=usage if usage is not None else Usage(),
            turn_input=turn_input if turn_input is not None else [],
            _approvals=_approvals if _approvals is not None else Approvals(),
            tool_input=tool_input,
        )
        self.tool_name = tool_name
        self.tool_call_id = tool_call_id
        self.tool_arguments = tool_arguments
        self.tool_call = tool_call
        self.tool_namespace = tool_namespace
        self.agent = agent
        self.run_config = run_config
        self._agent_run_result: Any = None  # set by an agent tool: its nested run's result

    @property
    def qualified_tool_name(self) -> str:
        """The tool's name with its namespace (``namespace.name``) when it has one."""
        return f"{self.tool_namespace}.{self.tool_name}" if self.tool_namespace else self.tool_name

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
        run_config: RunConfig | None = None,
        tool_namespace: str | None = None,
    ) -> ToolContext[TContext]:
        """Make a tool context that shares the run context's user context, usage and
        approval decisions."""
        return cls(
            context=run_context.context,
            usage=run_context.usage,
            turn_input=run_context.turn_input,
            _approvals=run_context._approvals,
            tool_input=run_context.tool_input,
            tool_name=tool_name,
            tool_call_id=tool_call_id,
            tool_arguments=tool_arguments,
            tool_call=tool_call,
            tool_namespace=tool_namespace,
            agent=agent,
            run_config=run_config,
        )

    @classmethod
    def from_agent_context(
        cls,
        context: RunContextWrapper[TContext],
        tool_call_id: str,
        tool_call: ResponseFunctionToolCall | None = None,
        agent: Agent[Any] | None = None,
        *,
        run_config: RunConfig | None = None,
        tool_name: str | None = None,
        tool_arguments: str | None = None,
    ) -> ToolContext[TContext]:
        """A tool context for ``tool_call`` (its name and arguments read from the call, unless
        ``tool_name`` / ``tool_arguments`` are given)."""
        if tool_name is None:
            tool_name = tool_call.name if tool_call is not None else ""
        if tool_arguments is None:
            tool_arguments = tool_call.arguments if tool_call is not None else ""
        return cls.from_run_context(
            context,
            tool_name=tool_name,
            tool_call_id=tool_call_id,
            tool_arguments=tool_arguments,
            tool_call=tool_call,
            agent=agent,
            run_config=run_config,
        )
