"""Lifecycle callbacks: ``RunHooks`` for a whole run, ``AgentHooks`` for one agent."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic

from .._base.run_context import AgentHookContext, RunContextWrapper, TContext

if TYPE_CHECKING:
    from .._items.items import ModelResponse, TResponseInputItem
    from .._tools.tools import Tool
    from .agent import Agent

__all__ = ("AgentHooks", "AgentHooksBase", "RunHooks", "RunHooksBase")


class RunHooks(Generic[TContext]):
    """Override the methods you need; each is awaited at its point in every agent of the run."""

    async def on_llm_start(
        self,
        context: RunContextWrapper[TContext],
        agent: Agent[TContext],
        system_prompt: str | None,
        input_items: list[TResponseInputItem],
    ) -> None:
        """Before a model call."""

    async def on_llm_end(
        self, context: RunContextWrapper[TContext], agent: Agent[TContext], response: ModelResponse
    ) -> None:
        """After a model call returned."""

    async def on_agent_start(
        self, context: AgentHookContext[TContext], agent: Agent[TContext]
    ) -> None:
        """When an agent becomes the active agent (the first turn, or after a handoff)."""

    async def on_agent_end(
        self, context: AgentHookContext[TContext], agent: Agent[TContext], output: Any
    ) -> None:
        """When an agent produced the run's final output."""

    async def on_handoff(
        self,
        context: RunContextWrapper[TContext],
        from_agent: Agent[TContext],
        to_agent: Agent[TContext],
    ) -> None:
        """When control passes from one agent to another."""

    async def on_tool_start(
        self, context: RunContextWrapper[TContext], agent: Agent[TContext], tool: Tool
    ) -> None:
        """Before a tool runs; ``context`` is the call's ``ToolContext`` (``tool_call_id``,
        ``tool_name``, ``tool_arguments``)."""

    async def on_tool_end(
        self, context: RunContextWrapper[TContext], agent: Agent[TContext], tool: Tool, result: Any
    ) -> None:
        """After a tool returned (``result`` is what the model will see); ``context`` is the
        call's ``ToolContext``."""


class AgentHooks(Generic[TContext]):
    """Callbacks for one agent (``Agent(hooks=...)``); override the methods you need."""

    async def on_start(self, context: AgentHookContext[TContext], agent: Agent[TContext]) -> None:
        """When this agent becomes the active agent."""

    async def on_end(
        self, context: AgentHookContext[TContext], agent: Agent[TContext], output: Any
    ) -> None:
        """When this agent produced the run's final output."""

    async def on_handoff(
        self, context: RunContextWrapper[TContext], agent: Agent[TContext], source: Agent[TContext]
    ) -> None:
        """When control is handed to this agent from ``source``."""

    async def on_tool_start(
        self, context: RunContextWrapper[TContext], agent: Agent[TContext], tool: Tool
    ) -> None:
        """Before this agent runs a tool; ``context`` is the call's ``ToolContext``."""

    async def on_tool_end(
        self, context: RunContextWrapper[TContext], agent: Agent[TContext], tool: Tool, result: Any
    ) -> None:
        """After a tool of this agent returned; ``context`` is the call's ``ToolContext``."""

    async def on_llm_start(
        self,
        context: RunContextWrapper[TContext],
        agent: Agent[TContext],
        system_prompt: str | None,
        input_items: list[TResponseInputItem],
    ) -> None:
        """Before this agent calls its model."""

    async def on_llm_end(
        self, context: RunContextWrapper[TContext], agent: Agent[TContext], response: ModelResponse
    ) -> None:
        """After this agent's model call returned."""


RunHooksBase = RunHooks
"""The base class of run hooks (the official SDK's name for it)."""
AgentHooksBase = AgentHooks
"""The base class of agent hooks (the official SDK's name for it)."""
