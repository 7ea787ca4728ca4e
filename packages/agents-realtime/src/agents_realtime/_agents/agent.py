"""The realtime agent: instructions, tools, handoffs and guardrails for a voice session."""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from typing_extensions import TypeVar

from agents_core import AgentBase, AgentHooks, RunContextWrapper, RunHooks
from agents_core.exceptions import UserError

if TYPE_CHECKING:
    from agents_core import (
        DynamicPromptFunction,
        Handoff,
        InputGuardrail,
        OutputGuardrail,
        Prompt,
    )

__all__ = ("RealtimeAgent", "RealtimeAgentHooks", "RealtimeRunHooks", "TContext")

TContext = TypeVar("TContext", default=Any)
"""The type of the user's context object, passed to ``RealtimeRunner.run(context=...)``."""


class RealtimeAgentHooks(AgentHooks[TContext]):
    """Callbacks for one realtime agent (``RealtimeAgent(hooks=...)``).

    In a realtime session ``on_start`` runs when the agent becomes active (at the start and after
    a handoff to it), ``on_handoff`` when control is handed to it, and ``on_tool_start`` /
    ``on_tool_end`` around each of its tool calls. ``agent`` is the ``RealtimeAgent``.
    """


class RealtimeRunHooks(RunHooks[TContext]):
    """Callbacks for a whole realtime session (``RealtimeRunConfig(hooks=...)``).

    ``on_agent_start``, ``on_handoff``, ``on_tool_start`` and ``on_tool_end`` run as for
    :class:`RealtimeAgentHooks`, for every agent of the session.
    """


@dataclass(eq=False)
class RealtimeAgent(AgentBase[TContext]):
    """An agent for a realtime session: what the model is told, and the tools it may use.

    Every agent of a session shares the session's model and audio settings, so there is no
    ``model``, ``model_settings`` or ``output_type`` here. ``handoffs`` lists the agents (or
    ``realtime_handoff(...)`` objects) this one may pass the conversation to. ``output_guardrails``
    check the model's transcript as it grows; ``input_guardrails`` check what the user said.
    """

    instructions: (
        str
        | Callable[[RunContextWrapper[TContext], RealtimeAgent[TContext]], str | Awaitable[str]]
        | None
    ) = None
    prompt: Prompt | DynamicPromptFunction | None = None
    """A prompt stored with OpenAI, or a function choosing one from the context and agent."""
    handoffs: list[RealtimeAgent[Any] | Handoff[Any]] = field(default_factory=list)
    output_guardrails: list[OutputGuardrail[TContext]] = field(default_factory=list)
    hooks: AgentHooks[TContext] | None = None
    input_guardrails: list[InputGuardrail[TContext]] = field(default_factory=list, kw_only=True)
    """Checks of what the user said (typed text, or the transcript of their audio)."""

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name:
            raise UserError(f"RealtimeAgent name must be a non-empty string, got {self.name!r}.")
        for name in ("tools", "mcp_servers", "handoffs", "output_guardrails", "input_guardrails"):
            value = getattr(self, name)
            if not isinstance(value, list):
                raise UserError(
                    f"RealtimeAgent '{self.name}': {name} must be a list, "
                    f"got {type(value).__name__}."
                )
        if not (
            self.instructions is None
            or isinstance(self.instructions, str)
            or callable(self.instructions)
        ):
            raise UserError(
                f"RealtimeAgent '{self.name}': instructions must be a string, a function or "
                f"None, got {type(self.instructions).__name__}."
            )

    def clone(self, **kwargs: Any) -> RealtimeAgent[TContext]:
        """A copy of this agent with the given fields changed (lists are shared, not copied)."""
        return dataclasses.replace(self, **kwargs)

    async def get_system_prompt(self, run_context: RunContextWrapper[TContext]) -> str | None:
        """The instructions now: the string, or what the instructions function returns."""
        instructions = self.instructions
        if instructions is None or isinstance(instructions, str):
            return instructions
        result = instructions(run_context, self)
        if inspect.isawaitable(result):
            result = await result
        if result is not None and not isinstance(result, str):
            raise UserError(
                f"RealtimeAgent '{self.name}': the instructions function returned "
                f"{type(result).__name__}, expected a string."
            )
        return result

    async def get_prompt(self, run_context: RunContextWrapper[TContext]) -> Prompt | None:
        """The prompt reference now (a dynamic prompt is asked with the context and agent)."""
        prompt = self.prompt
        if prompt is None or isinstance(prompt, dict):
            return prompt
        from agents_core import GenerateDynamicPromptData

        data = GenerateDynamicPromptData(context=run_context, agent=cast(Any, self))
        value = prompt(data)
        if inspect.isawaitable(value):
            value = await value
        return value
