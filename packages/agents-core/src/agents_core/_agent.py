"""The agent: a model with instructions, tools and an output type."""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeAlias

from typing_extensions import TypedDict

from ._hooks import AgentHooks
from ._model import Model
from ._model_settings import ModelSettings
from ._run_context import RunContextWrapper, TContext
from ._tools import FunctionTool, LocalCallTool, Tool
from .exceptions import UserError

if TYPE_CHECKING:
    from ._output_schema import AgentOutputSchemaBase

__all__ = (
    "Agent",
    "FunctionToolResult",
    "StopAtTools",
    "ToolsToFinalOutputFunction",
    "ToolsToFinalOutputResult",
)


@dataclass
class FunctionToolResult:
    """One executed tool call: the tool, its output, and the run item recording it."""

    tool: FunctionTool | LocalCallTool
    output: Any
    run_item: Any


@dataclass
class ToolsToFinalOutputResult:
    """What a ``tool_use_behavior`` function decided: stop with ``final_output``, or go on."""

    is_final_output: bool
    final_output: Any = None


class StopAtTools(TypedDict):
    """``tool_use_behavior`` that stops the run when any of the named tools is called."""

    stop_at_tool_names: list[str]


ToolsToFinalOutputFunction: TypeAlias = Callable[
    [RunContextWrapper[Any], list[FunctionToolResult]],
    "ToolsToFinalOutputResult | Awaitable[ToolsToFinalOutputResult]",
]
"""Decides, after tools ran, whether their results are the final output."""

Instructions: TypeAlias = (
    "str | Callable[[RunContextWrapper[TContext], Agent[TContext]], str | Awaitable[str]] | None"
)


@dataclass(eq=False)
class Agent(Generic[TContext]):
    """An LLM configured with instructions, tools and (optionally) a structured output type.

    ``TContext`` is the type of the context object passed to ``Runner.run(context=...)``; tools,
    hooks and dynamic instructions receive it. Agents are plain data: :meth:`clone` makes a copy
    with changes, and one agent can be used by many concurrent runs.
    """

    name: str
    instructions: (
        str | Callable[[RunContextWrapper[TContext], Agent[TContext]], str | Awaitable[str]] | None
    ) = None
    handoff_description: str | None = None
    tools: list[Tool] = field(default_factory=list)
    model: str | Model | None = None
    model_settings: ModelSettings = field(default_factory=ModelSettings)
    output_type: type[Any] | AgentOutputSchemaBase | None = None
    hooks: AgentHooks[TContext] | None = None
    tool_use_behavior: (
        Literal["run_llm_again", "stop_on_first_tool"] | StopAtTools | ToolsToFinalOutputFunction
    ) = "run_llm_again"
    reset_tool_choice: bool = True

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name:
            raise UserError(f"Agent name must be a non-empty string, got {self.name!r}.")
        if not isinstance(self.tools, list):
            raise UserError(f"Agent '{self.name}': tools must be a list, got {type(self.tools)}.")
        if not isinstance(self.model_settings, ModelSettings):
            raise UserError(
                f"Agent '{self.name}': model_settings must be a ModelSettings, "
                f"got {type(self.model_settings).__name__}."
            )
        behavior = self.tool_use_behavior
        if not (
            behavior in ("run_llm_again", "stop_on_first_tool")
            or callable(behavior)
            or (isinstance(behavior, dict) and "stop_at_tool_names" in behavior)
        ):
            raise UserError(
                f"Agent '{self.name}': tool_use_behavior must be 'run_llm_again', "
                f"'stop_on_first_tool', a StopAtTools dict or a function; got {behavior!r}."
            )

    def clone(self, **kwargs: Any) -> Agent[TContext]:
        """A copy of this agent with the given fields changed (lists are shared, not copied)."""
        return dataclasses.replace(self, **kwargs)

    async def get_system_prompt(self, run_context: RunContextWrapper[TContext]) -> str | None:
        """The instructions for this turn: the string, or what the instructions function returns."""
        instructions = self.instructions
        if instructions is None or isinstance(instructions, str):
            return instructions
        if not callable(instructions):
            raise UserError(
                f"Agent '{self.name}': instructions must be a string or a function, "
                f"got {type(instructions).__name__}."
            )
        result = instructions(run_context, self)
        if inspect.isawaitable(result):
            result = await result
        if result is not None and not isinstance(result, str):
            raise UserError(
                f"Agent '{self.name}': the instructions function returned "
                f"{type(result).__name__}, expected a string."
            )
        return result

    async def get_all_tools(self, run_context: RunContextWrapper[TContext]) -> list[Tool]:
        """The tools enabled for this turn (``is_enabled`` evaluated against the context)."""
        tools = self.tools
        if all(tool.is_enabled is True for tool in tools):
            return list(tools)
        enabled: list[Tool] = []
        for tool in tools:
            flag = tool.is_enabled
            if callable(flag):
                flag = flag(run_context, self)
                if inspect.isawaitable(flag):
                    flag = await flag
            if flag:
                enabled.append(tool)
        return enabled
