"""The agent: a model with instructions, tools and an output type."""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeAlias, cast

from typing_extensions import TypedDict

from .._base.model_settings import ModelSettings
from .._base.run_context import RunContextWrapper, TContext
from .._models.defaults import get_default_model_settings, initial_model_settings
from .._models.interface import Model
from .._tools.tools import FunctionTool, LocalCallTool, Tool, default_tool_error_function
from ..exceptions import UserError
from .hooks import AgentHooks

if TYPE_CHECKING:
    from .._base.output_schema import AgentOutputSchemaBase
    from .._memory.session import Session
    from .._run.config import RunConfig
    from .._run.results import RunResult, RunResultStreaming
    from .._tools.mcp_config import MCPConfig
    from .._tools.tools import NeedsApproval, ToolErrorFunction
    from ..mcp import MCPServer
    from .agent_tool_input import StructuredToolInputBuilder
    from .guardrails import InputGuardrail, OutputGuardrail
    from .handoffs import Handoff
    from .hooks import RunHooks
    from .prompts import DynamicPromptFunction, Prompt

__all__ = (
    "Agent",
    "AgentBase",
    "AgentToolStreamEvent",
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
    interruptions: list[Any] = field(default_factory=list)
    """Approval requests of an agent tool's nested run. A run pauses on those before its
    results reach ``tool_use_behavior``, so here it is empty; they are in the run's
    ``interruptions``."""
    agent_run_result: Any = None
    """For an agent used as a tool (``Agent.as_tool``), the nested run's result."""


@dataclass
class ToolsToFinalOutputResult:
    """What a ``tool_use_behavior`` function decided: stop with ``final_output``, or go on."""

    is_final_output: bool
    final_output: Any = None


class AgentToolStreamEvent(TypedDict):
    """An event of a nested run (``Agent.as_tool(on_stream=...)``), with where it came from."""

    event: Any
    """The nested run's stream event."""
    agent: Agent[Any]
    """The nested agent emitting it (after a nested handoff, the agent handed to)."""
    tool_call: Any
    """The parent's tool call that started the nested run."""


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


def _no_mcp_config() -> MCPConfig:
    return cast("MCPConfig", {})


@dataclass(eq=False)
class AgentBase(Generic[TContext]):
    """What every kind of agent has (``Agent`` and ``RealtimeAgent``): a name, a description
    used when it is a handoff target, its tools and its MCP servers."""

    name: str
    handoff_description: str | None = None
    tools: list[Tool] = field(default_factory=list)
    mcp_servers: list[MCPServer] = field(default_factory=list)
    """MCP servers whose tools join ``tools`` each turn (connect them before running)."""
    mcp_config: MCPConfig = field(default_factory=_no_mcp_config)
    """How MCP tools are offered (see ``agents_core.mcp.MCPConfig``)."""

    async def get_mcp_tools(self, run_context: RunContextWrapper[TContext]) -> list[Tool]:
        """The tools this agent's MCP servers offer now, as function tools."""
        if not self.mcp_servers:
            return []
        from ..mcp._tools import mcp_tools_for_agent

        return list(await mcp_tools_for_agent(self, run_context))

    async def get_all_tools(self, run_context: RunContextWrapper[TContext]) -> list[Tool]:
        """The tools enabled for this turn: MCP tools, then the agent's own enabled tools."""
        tools = self.tools
        if self.mcp_servers:
            tools = [*await self.get_mcp_tools(run_context), *tools]
        if all(tool.is_enabled is True for tool in tools):
            return list(tools)
        enabled: list[Tool] = []
        for tool in tools:
            flag = tool.is_enabled
            if callable(flag):
                flag = flag(run_context, cast(Any, self))
                if inspect.isawaitable(flag):
                    flag = await flag
            if flag:
                enabled.append(tool)
        return enabled


@dataclass(eq=False)
class Agent(AgentBase[TContext]):
    """An LLM configured with instructions, tools and (optionally) a structured output type.

    ``TContext`` is the type of the context object passed to ``Runner.run(context=...)``; tools,
    hooks and dynamic instructions receive it. Agents are plain data: :meth:`clone` makes a copy
    with changes, and one agent can be used by many concurrent runs.
    """

    instructions: (
        str | Callable[[RunContextWrapper[TContext], Agent[TContext]], str | Awaitable[str]] | None
    ) = None
    prompt: Prompt | DynamicPromptFunction | None = None
    """A prompt stored with the provider (Responses API prompt references), or a function
    choosing one per turn; used alongside or instead of ``instructions``."""
    handoffs: list[Agent[Any] | Handoff[TContext]] = field(default_factory=list)
    model: str | Model | None = None
    model_settings: ModelSettings = field(default_factory=get_default_model_settings)
    """Settings for each model call. Left unset, they are the ones the agent's model starts with
    (``agents.models.get_default_model_settings``): a reasoning effort and low verbosity for
    GPT-5 models, nothing for others."""
    input_guardrails: list[InputGuardrail[TContext]] = field(default_factory=list)
    output_guardrails: list[OutputGuardrail[TContext]] = field(default_factory=list)
    output_type: type[Any] | AgentOutputSchemaBase | None = None
    hooks: AgentHooks[TContext] | None = None
    tool_use_behavior: (
        Literal["run_llm_again", "stop_on_first_tool"] | StopAtTools | ToolsToFinalOutputFunction
    ) = "run_llm_again"
    reset_tool_choice: bool = True

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name:
            raise UserError(f"Agent name must be a non-empty string, got {self.name!r}.")
        for field_name in (
            "tools",
            "mcp_servers",
            "handoffs",
            "input_guardrails",
            "output_guardrails",
        ):
            value = getattr(self, field_name)
            if not isinstance(value, list):
                raise UserError(
                    f"Agent '{self.name}': {field_name} must be a list, got {type(value).__name__}."
                )
        if isinstance(self.model_settings, Mapping):
            try:
                self.model_settings = ModelSettings(**self.model_settings)
            except TypeError as error:
                raise UserError(f"Agent '{self.name}': model_settings: {error}.") from None
        if not isinstance(self.model_settings, ModelSettings):
            raise UserError(
                f"Agent '{self.name}': model_settings must be a ModelSettings, "
                f"got {type(self.model_settings).__name__}."
            )
        if self.model is not None and self.model_settings == get_default_model_settings():
            # Left at the default model's settings: take the named model's instead.
            self.model_settings = initial_model_settings(self.model)
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
        """A copy of this agent with the given fields changed (lists are shared, not copied).

        A new ``model`` without new ``model_settings`` brings that model's starting settings if
        this agent's settings were its own model's starting ones.
        """
        if (
            "model" in kwargs
            and "model_settings" not in kwargs
            and self.model_settings == initial_model_settings(self.model)
        ):
            kwargs["model_settings"] = initial_model_settings(kwargs["model"])
        return dataclasses.replace(self, **kwargs)

    def as_tool(
        self,
        tool_name: str | None,
        tool_description: str | None,
        custom_output_extractor: (
            Callable[[RunResult | RunResultStreaming], Awaitable[str]] | None
        ) = None,
        is_enabled: bool | Callable[[RunContextWrapper[Any], Agent[Any]], Any] = True,
        on_stream: Callable[[AgentToolStreamEvent], Any] | None = None,
        run_config: RunConfig | Mapping[str, Any] | None = None,
        max_turns: int | None = None,
        hooks: RunHooks[TContext] | None = None,
        previous_response_id: str | None = None,
        conversation_id: str | None = None,
        session: Session | None = None,
        failure_error_function: ToolErrorFunction | None = default_tool_error_function,
        needs_approval: bool | NeedsApproval = False,
        parameters: type[Any] | None = None,
        input_builder: StructuredToolInputBuilder | None = None,
        include_input_schema: bool = False,
        on_stream_max_pending_events: int | None = 1024,
    ) -> FunctionTool:
        """This agent as a tool another agent can call; the call runs this agent's own loop.

        The nested run shares the caller's context object, has its own ``max_turns`` and
        ``hooks`` (and ``session``, ``previous_response_id``, ``conversation_id`` when given),
        and its usage is added to the caller's. By default the model passes one ``input``
        string; with ``parameters`` (a pydantic model, dataclass or TypedDict) it passes that
        structure, sent to this agent as a message with the data and a description of its
        fields (the whole schema with ``include_input_schema``; your own message with
        ``input_builder``). The tool's output is the nested run's final output (or what
        ``custom_output_extractor`` makes of the result); ``on_stream`` receives each nested
        event as an ``AgentToolStreamEvent`` dict, at most ``on_stream_max_pending_events``
        behind the run. Errors reach the calling model as the tool's output, through
        ``failure_error_function``.
        """
        from .agent_tool import agent_as_tool

        return agent_as_tool(
            self,
            tool_name=tool_name,
            tool_description=tool_description,
            custom_output_extractor=custom_output_extractor,
            is_enabled=is_enabled,
            on_stream=on_stream,
            run_config=run_config,
            max_turns=max_turns,
            hooks=hooks,
            previous_response_id=previous_response_id,
            conversation_id=conversation_id,
            session=session,
            failure_error_function=failure_error_function,
            needs_approval=needs_approval,
            parameters=parameters,
            input_builder=input_builder,
            include_input_schema=include_input_schema,
            on_stream_max_pending_events=on_stream_max_pending_events,
        )

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

    async def get_prompt(self, run_context: RunContextWrapper[TContext]) -> Prompt | None:
        """The prompt reference for this turn, if the agent has one."""
        if self.prompt is None:
            return None
        from .prompts import resolve_prompt

        return await resolve_prompt(self.prompt, run_context, self)
