"""Settings that apply to a whole run, across every agent in it."""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Literal, NotRequired, TypeAlias

from typing_extensions import TypedDict

from .._base.model_settings import ModelSettings
from .._base.run_context import RunContextWrapper, TContext
from .._memory.history import SessionInputCallback
from .._memory.session import SessionSettings
from .._models.interface import Model, ModelProvider, get_default_model_provider
from ..exceptions import UserError

if TYPE_CHECKING:
    from .._agents.agent import Agent
    from .._agents.error_handlers import RunErrorHandlers
    from .._agents.guardrails import InputGuardrail, OutputGuardrail
    from .._agents.handoffs import HandoffHistoryMapper, HandoffInputFilter
    from .._agents.hooks import RunHooks
    from .._items.items import TResponseInputItem
    from .._memory.session import Session
    from .._models.recording import RunRecorder
    from ..tracing.config import TracingConfig

__all__ = (
    "CallModelData",
    "CallModelInputFilter",
    "ModelInputData",
    "OutputGuardrailBlockedMessageArgs",
    "OutputGuardrailBlockedMessageFormatter",
    "ReasoningItemIdPolicy",
    "RunConfig",
    "RunOptions",
    "ToolErrorFormatter",
    "ToolErrorFormatterArgs",
    "ToolExecutionConfig",
    "ToolNameCollisionPolicy",
    "ToolNotFoundBehavior",
)


@dataclass
class ModelInputData:
    """What one model call is sent: the input items and the instructions."""

    input: list[TResponseInputItem]
    instructions: str | None


@dataclass
class CallModelData(Generic[TContext]):
    """What ``RunConfig.call_model_input_filter`` receives before each model call."""

    model_data: ModelInputData
    agent: Agent[TContext]
    context: TContext | None


CallModelInputFilter: TypeAlias = Callable[
    [CallModelData[Any]], "ModelInputData | Awaitable[ModelInputData]"
]
"""Rewrites a model call's input and instructions just before the call (sync or async)."""


ToolNotFoundBehavior: TypeAlias = Literal["raise_error", "return_error_to_model"]
"""What a call to a function tool the agent does not have does (``RunConfig``)."""
ToolNameCollisionPolicy: TypeAlias = Literal["warn", "error"]
"""What a function tool and a handoff with the same name do (``RunConfig``)."""
ReasoningItemIdPolicy: TypeAlias = Literal["preserve", "omit"]
"""Whether reasoning items keep their ids in the next turn's input (``RunConfig``)."""


@dataclass
class ToolErrorFormatterArgs(Generic[TContext]):
    """What ``RunConfig.tool_error_formatter`` receives about a tool error."""

    kind: Literal["approval_rejected", "tool_not_found", "tool_exception"]
    tool_type: Literal["function", "computer", "shell", "apply_patch", "custom"]
    tool_name: str
    call_id: str
    default_message: str
    """The message the model gets when the formatter returns None."""
    run_context: RunContextWrapper[TContext]
    error: Exception | None = None
    """The tool's exception, for ``tool_exception`` (it may hold sensitive data)."""


ToolErrorFormatter: TypeAlias = Callable[
    [ToolErrorFormatterArgs[Any]], "str | Awaitable[str | None] | None"
]
"""Formats the message the model gets for a tool error (None: the default message)."""


@dataclass
class OutputGuardrailBlockedMessageArgs(Generic[TContext]):
    """What an ``output_guardrail_blocked_message`` formatter receives."""

    default_message: str
    guardrail_name: str
    agent: Agent[Any]
    run_context: RunContextWrapper[TContext]


OutputGuardrailBlockedMessageFormatter: TypeAlias = Callable[
    [OutputGuardrailBlockedMessageArgs[Any]], "str | None"
]
"""Formats the placeholder kept for a tool output that an output guardrail rejected."""


@dataclass
class ToolExecutionConfig:
    """How the runtime runs the local tool calls of a turn."""

    max_function_tool_concurrency: int | None = None
    """At most this many function tool calls of a turn run at once (None: all of them)."""
    pre_approval_tool_input_guardrails: bool = False
    """Run a tool's input guardrails before pausing its call for approval (and again before
    it runs), so a call they reject never reaches a person."""

    def __post_init__(self) -> None:
        limit = self.max_function_tool_concurrency
        if limit is not None and (not isinstance(limit, int) or limit < 1):
            raise UserError(
                "ToolExecutionConfig.max_function_tool_concurrency must be at least 1, got "
                f"{limit!r}."
            )


def _sensitive_data_default() -> bool:
    value = os.environ.get("OPENAI_AGENTS_TRACE_INCLUDE_SENSITIVE_DATA", "true")
    return value.strip().lower() not in ("0", "false", "no", "off")


def _not_built(setting: str, feature: str) -> UserError:
    return UserError(
        f"RunConfig({setting}=...) is not supported yet: this library has no {feature}. "
        f"Leave {setting} unset."
    )


@dataclass
class RunConfig:
    """Run-wide settings: a model override, the provider, settings layered over agents', tracing.

    ``model`` replaces every agent's model for this run; ``model_settings`` is resolved on top of
    each agent's own settings; ``model_provider`` resolves model names (default: the one set with
    ``set_default_model_provider``, which the ``agents`` package points at OpenAI).
    """

    model: str | Model | None = None
    model_provider: ModelProvider = field(default_factory=get_default_model_provider)
    model_settings: ModelSettings | None = None
    handoff_input_filter: HandoffInputFilter | None = None
    """Rewrites what the next agent sees at every handoff that has no filter of its own."""
    nest_handoff_history: bool = False
    """At handoffs without a filter, hand the next agent the conversation so far folded into
    one message (``agents.handoffs.nest_handoff_history``)."""
    handoff_history_mapper: HandoffHistoryMapper | None = None
    """With ``nest_handoff_history``, builds the next agent's history from the transcript."""
    input_guardrails: list[InputGuardrail[Any]] | None = None
    """Input guardrails for the whole run, checked with the first agent's own."""
    output_guardrails: list[OutputGuardrail[Any]] | None = None
    """Output guardrails for the whole run, checked with the final agent's own."""
    tracing_disabled: bool = False
    tracing: TracingConfig | None = None
    """Per-run tracing settings: the API key this run's traces are exported with, and whether
    task and turn spans are recorded (``agents.tracing.TracingConfig``)."""
    trace_include_sensitive_data: bool = field(default_factory=_sensitive_data_default)
    workflow_name: str = "Agent workflow"
    trace_id: str | None = None
    group_id: str | None = None
    trace_metadata: dict[str, Any] | None = None
    session_input_callback: SessionInputCallback | None = None
    """Combines the session's history with the new input (default: the input is appended)."""
    call_model_input_filter: CallModelInputFilter | None = None
    """Called before every model call with its ``ModelInputData``; what it returns is sent
    instead (the run's own record is unchanged). Tool outputs it separates from their calls are
    dropped, so the request stays valid."""
    tool_error_formatter: ToolErrorFormatter | None = None
    """Formats what the model is told about a rejected approval, an unknown tool, or a tool
    that raised (with the default failure handler)."""
    session_settings: SessionSettings | Mapping[str, Any] | None = None
    """Overrides the session's own settings (each value that is not None), e.g. ``limit``."""
    reasoning_item_id_policy: ReasoningItemIdPolicy | None = None
    """``"omit"`` sends reasoning items of earlier turns without their ids (for servers that
    store nothing; OpenAI's published spec marks a reasoning input item's ``id`` as required)."""
    sandbox: Any = None
    """Sandboxed agents (not supported yet)."""
    tool_execution: ToolExecutionConfig | Mapping[str, Any] | None = None
    tool_not_found_behavior: ToolNotFoundBehavior = "raise_error"
    """A call to a tool the agent does not have: raise ``ModelBehaviorError``, or tell the
    model and let it try again (``"return_error_to_model"``)."""
    tool_name_collision_policy: ToolNameCollisionPolicy = "warn"
    """A function tool and a handoff of the same name: log a warning and offer the handoff
    (``"warn"``), or raise ``UserError`` before the model is called (``"error"``)."""
    output_guardrail_blocked_message: str | OutputGuardrailBlockedMessageFormatter | None = None
    """Redacting a tool's final output that an output guardrail rejected (not supported yet)."""
    recorder: RunRecorder | None = field(default=None, kw_only=True)
    """Writes every model call and tool call of the run to a recording (see ``RunRecorder``)."""

    def __post_init__(self) -> None:
        if self.sandbox is not None:
            raise _not_built("sandbox", "sandboxed agents")
        if self.output_guardrail_blocked_message is not None:
            raise _not_built("output_guardrail_blocked_message", "output redaction of tool outputs")
        if self.tool_not_found_behavior not in ("raise_error", "return_error_to_model"):
            raise UserError(
                "tool_not_found_behavior must be 'raise_error' or 'return_error_to_model', got "
                f"{self.tool_not_found_behavior!r}."
            )
        if self.tool_name_collision_policy not in ("warn", "error"):
            raise UserError(
                "tool_name_collision_policy must be 'warn' or 'error', got "
                f"{self.tool_name_collision_policy!r}."
            )
        if self.reasoning_item_id_policy not in (None, "preserve", "omit"):
            raise UserError(
                "reasoning_item_id_policy must be 'preserve', 'omit' or None, got "
                f"{self.reasoning_item_id_policy!r}."
            )
        # (``is not None`` first: an isinstance check against an ABC is dear, and most runs
        # set neither.)
        if self.session_settings is not None and isinstance(self.session_settings, Mapping):
            self.session_settings = SessionSettings(**self.session_settings)
        if self.tool_execution is not None and isinstance(self.tool_execution, Mapping):
            self.tool_execution = ToolExecutionConfig(**self.tool_execution)


class RunOptions(TypedDict, Generic[TContext]):
    """The keyword arguments of a run (``AgentRunner.run(agent, input, **options)``)."""

    context: NotRequired[TContext | None]
    max_turns: NotRequired[int | None]
    hooks: NotRequired[RunHooks[TContext] | None]
    run_config: NotRequired[RunConfig | Mapping[str, Any] | None]
    previous_response_id: NotRequired[str | None]
    auto_previous_response_id: NotRequired[bool]
    conversation_id: NotRequired[str | None]
    session: NotRequired[Session | None]
    error_handlers: NotRequired[RunErrorHandlers[TContext] | None]
