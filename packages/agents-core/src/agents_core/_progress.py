"""The mutable bookkeeping of one run in progress (internal to the runner)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ._approvals import Approvals
from ._hooks import AgentHooks, RunHooks
from ._items import ToolApprovalItem

if TYPE_CHECKING:
    from ._agent import Agent
    from ._error_handlers import RunErrorHandlers
    from ._guardrails import InputGuardrailResult, OutputGuardrailResult
    from ._items import ModelResponse, RunItem, TResponseInputItem
    from ._results import RunResultStreaming
    from ._run_config import RunConfig
    from ._run_context import RunContextWrapper
    from ._tool_guardrails import ToolInputGuardrailResult, ToolOutputGuardrailResult

__all__ = ("RunInProgress", "overrides")


def overrides(hooks: Any, name: str, base: type) -> bool:
    """Whether ``hooks`` overrides the no-op method ``name`` of ``base`` (if not, skip it)."""
    return hooks is not None and getattr(type(hooks), name) is not getattr(base, name)


@dataclass(eq=False)
class RunInProgress:
    """Everything a run accumulates while it goes; results, errors and saved states come from it."""

    starting_agent: Agent[Any]
    agent: Agent[Any]
    original_input: str | list[TResponseInputItem]
    history: list[TResponseInputItem]
    """What precedes the run's items in every model call: session history plus the input (or,
    after a handoff filter, what the filter kept)."""
    context_wrapper: RunContextWrapper[Any]
    run_config: RunConfig
    hooks: RunHooks[Any] | None
    max_turns: int
    previous_response_id: str | None
    conversation_id: str | None
    error_handlers: RunErrorHandlers[Any] | None = None
    streamed: RunResultStreaming | None = None
    current_turn: int = 0
    new_items: list[RunItem] = field(default_factory=list)
    model_responses: list[ModelResponse] = field(default_factory=list)
    model_item_offset: int = 0
    """``new_items`` before this index are already part of ``history`` (after a handoff filter)."""
    turn_start: int = 0
    """Where the items of the current turn begin in ``new_items``."""
    agents_that_used_tools: set[str] = field(default_factory=set)
    sent_item_count: int = 0
    """With a server-side conversation, how many of ``new_items`` the server already holds."""
    resuming: bool = False
    """True when the run continues a paused turn: finish it before calling the model again."""
    approvals: Approvals = field(default_factory=Approvals)
    interruptions: list[ToolApprovalItem] = field(default_factory=list)
    input_guardrail_results: list[InputGuardrailResult] = field(default_factory=list)
    output_guardrail_results: list[OutputGuardrailResult] = field(default_factory=list)
    tool_input_guardrail_results: list[ToolInputGuardrailResult] = field(default_factory=list)
    tool_output_guardrail_results: list[ToolOutputGuardrailResult] = field(default_factory=list)
    session_saved_items: int = -1
    """How many of ``new_items`` a session already holds; -1 until the input itself is saved."""

    @property
    def server_manages_history(self) -> bool:
        """True when the provider keeps the conversation (a previous response or a conversation)."""
        return self.previous_response_id is not None or self.conversation_id is not None

    def model_input(self) -> list[TResponseInputItem]:
        """The input items for the next model call."""
        if self.server_manages_history and self.model_responses:
            # The server already has everything up to its last response: send only what is new.
            return [item.to_input_item() for item in self.new_items[self.sent_item_count :]]
        items = list(self.history)
        items.extend(item.to_input_item() for item in self.new_items[self.model_item_offset :])
        return items

    def run_hooks_override(self, name: str) -> bool:
        """Whether the run's hooks implement ``name``."""
        return overrides(self.hooks, name, RunHooks)

    @staticmethod
    def agent_hooks_override(agent: Agent[Any], name: str) -> bool:
        """Whether ``agent``'s hooks implement ``name``."""
        return overrides(agent.hooks, name, AgentHooks)
