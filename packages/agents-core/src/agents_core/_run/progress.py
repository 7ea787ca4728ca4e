"""The mutable bookkeeping of one run in progress (internal to the runner)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._agents.hooks import AgentHooks, RunHooks
from .._base.approvals import Approvals
from .._items.items import ToolApprovalItem
from .run_tracing import RunTracing

if TYPE_CHECKING:
    from .._agents.agent import Agent
    from .._agents.error_handlers import RunErrorHandlers
    from .._agents.guardrails import InputGuardrailResult, OutputGuardrailResult
    from .._base.run_context import RunContextWrapper
    from .._items.items import ModelResponse, RunItem, TResponseInputItem
    from .._tools.tool_guardrails import ToolInputGuardrailResult, ToolOutputGuardrailResult
    from .config import RunConfig
    from .results import RunResultStreaming
    from .run_state import RunState

__all__ = ("RunInProgress", "call_hooks", "overrides")


def overrides(hooks: Any, name: str, base: type) -> bool:
    """Whether ``hooks`` overrides the no-op method ``name`` of ``base`` (if not, skip it)."""
    return hooks is not None and getattr(type(hooks), name) is not getattr(base, name)


def _without_id(item: TResponseInputItem) -> TResponseInputItem:
    return {key: value for key, value in item.items() if key != "id"}


class RunInProgress:
    """Everything a run accumulates while it goes; results, errors and saved states come from it.

    ``history`` is what precedes the run's items in every model call: session history plus the
    input (or, after a handoff filter, what the filter kept). ``new_items`` before
    ``model_item_offset`` are already part of ``history``; ``turn_start`` is where the current
    turn's items begin. With a server-side conversation, ``sent_item_count`` of ``new_items`` are
    already held by the server. ``resuming`` means the run continues a paused turn.
    ``session_saved_items`` counts the items a session holds (-1 until the input is saved);
    ``session_input`` is the input to store then (None: all of ``original_input``).
    ``nested_runs`` holds, by the parent's call id, agent tools' nested runs paused for approval.
    """

    __slots__ = (
        "agent",
        "agents_that_used_tools",
        "auto_previous_response_id",
        "context_wrapper",
        "conversation_id",
        "current_turn",
        "error_handlers",
        "history",
        "hooks",
        "input_guardrail_results",
        "interruptions",
        "max_turns",
        "model_item_offset",
        "model_responses",
        "nested_runs",
        "new_items",
        "original_input",
        "output_guardrail_results",
        "previous_response_id",
        "resuming",
        "run_config",
        "sent_item_count",
        "session_input",
        "session_saved_items",
        "starting_agent",
        "streamed",
        "tool_input_guardrail_results",
        "tool_output_guardrail_results",
        "tracing",
        "turn_start",
    )

    def __init__(
        self,
        *,
        starting_agent: Agent[Any],
        agent: Agent[Any],
        original_input: str | list[TResponseInputItem],
        history: list[TResponseInputItem],
        context_wrapper: RunContextWrapper[Any],
        run_config: RunConfig,
        hooks: RunHooks[Any] | None,
        max_turns: int | None,
        previous_response_id: str | None,
        conversation_id: str | None,
        error_handlers: RunErrorHandlers[Any] | None = None,
        streamed: RunResultStreaming | None = None,
        current_turn: int = 0,
        new_items: list[RunItem] | None = None,
        model_responses: list[ModelResponse] | None = None,
        model_item_offset: int = 0,
        turn_start: int = 0,
        agents_that_used_tools: set[str] | None = None,
        sent_item_count: int = 0,
        resuming: bool = False,
        approvals: Approvals | None = None,
        interruptions: list[ToolApprovalItem] | None = None,
        session_saved_items: int = -1,
        nested_runs: dict[str, RunState[Any]] | None = None,
    ) -> None:
        self.starting_agent = starting_agent
        self.agent = agent
        self.original_input = original_input
        self.history = history
        self.context_wrapper = context_wrapper
        self.run_config = run_config
        self.hooks = hooks
        self.max_turns = max_turns
        self.previous_response_id = previous_response_id
        self.conversation_id = conversation_id
        self.error_handlers = error_handlers
        self.streamed = streamed
        self.current_turn = current_turn
        self.new_items: list[RunItem] = new_items if new_items is not None else []
        self.model_responses: list[ModelResponse] = model_responses or []
        self.model_item_offset = model_item_offset
        self.turn_start = turn_start
        self.agents_that_used_tools: set[str] = agents_that_used_tools or set()
        self.sent_item_count = sent_item_count
        self.resuming = resuming
        if approvals is not None:
            context_wrapper._approvals = approvals
        self.interruptions: list[ToolApprovalItem] = interruptions or []
        self.input_guardrail_results: list[InputGuardrailResult] = []
        self.output_guardrail_results: list[OutputGuardrailResult] = []
        self.tool_input_guardrail_results: list[ToolInputGuardrailResult] = []
        self.tool_output_guardrail_results: list[ToolOutputGuardrailResult] = []
        self.session_saved_items = session_saved_items
        self.session_input: list[TResponseInputItem] | None = None
        self.auto_previous_response_id = False
        self.nested_runs: dict[str, RunState[Any]] = nested_runs or {}
        self.tracing = RunTracing()

    @property
    def approvals(self) -> Approvals:
        """The run's approval decisions (kept on its context, which tools and hooks see)."""
        return self.context_wrapper._approvals

    @approvals.setter
    def approvals(self, approvals: Approvals) -> None:
        self.context_wrapper._approvals = approvals

    @property
    def server_manages_history(self) -> bool:
        """True when the provider keeps the conversation (a previous response or a conversation)."""
        return self.previous_response_id is not None or self.conversation_id is not None

    def model_input(self) -> list[TResponseInputItem]:
        """The input items for the next model call."""
        if self.server_manages_history and self.model_responses:
            # The server already has everything up to its last response: send only what is new.
            return [item.to_input_item() for item in self.new_items[self.sent_item_count :]]
        # (Reasoning ids are kept there: the server refers to its own items by them.)
        items = list(self.history)
        items.extend(item.to_input_item() for item in self.new_items[self.model_item_offset :])
        if self.run_config.reasoning_item_id_policy == "omit":
            items = [
                _without_id(item) if item.get("type") == "reasoning" else item for item in items
            ]
        return items

    def run_hooks_override(self, name: str) -> bool:
        """Whether the run's hooks implement ``name``."""
        return overrides(self.hooks, name, RunHooks)

    @staticmethod
    def agent_hooks_override(agent: Agent[Any], name: str) -> bool:
        """Whether ``agent``'s hooks implement ``name``."""
        return overrides(agent.hooks, name, AgentHooks)

    def hooked(self, agent: Agent[Any], name: str) -> bool:
        """Whether the run's or ``agent``'s hooks implement ``name`` (checked before making a
        ``call_hooks`` coroutine, which most runs, with no hooks, never need)."""
        return overrides(self.hooks, name, RunHooks) or overrides(agent.hooks, name, AgentHooks)


async def call_hooks(
    run: RunInProgress,
    agent: Agent[Any],
    name: str,
    *args: Any,
    context: RunContextWrapper[Any] | None = None,
) -> None:
    """Await the run's and then the agent's hook ``name`` (those a subclass overrides only),
    with the context (the run's, or the ``ToolContext`` of a tool call) and the agent first."""
    context = context if context is not None else run.context_wrapper
    if run.run_hooks_override(name):
        await getattr(run.hooks, name)(context, agent, *args)
    if run.agent_hooks_override(agent, name):
        await getattr(agent.hooks, name)(context, agent, *args)
