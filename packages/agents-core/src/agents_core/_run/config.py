"""Settings that apply to a whole run, across every agent in it."""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeAlias

from .._base.model_settings import ModelSettings
from .._base.run_context import TContext
from .._items.history import SessionInputCallback
from .._memory.session import SessionSettings
from .._models.interface import Model, ModelProvider, get_default_model_provider

if TYPE_CHECKING:
    from .._agents.agent import Agent
    from .._agents.guardrails import InputGuardrail, OutputGuardrail
    from .._agents.handoffs import HandoffInputFilter
    from .._items.items import TResponseInputItem
    from .._models.recording import RunRecorder

__all__ = ("CallModelData", "CallModelInputFilter", "ModelInputData", "RunConfig")


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


def _sensitive_data_default() -> bool:
    value = os.environ.get("OPENAI_AGENTS_TRACE_INCLUDE_SENSITIVE_DATA", "true")
    return value.strip().lower() not in ("0", "false", "no", "off")


@dataclass
class RunConfig:
    """Run-wide settings: a model override, the provider, settings layered over agents', tracing.

    ``model`` replaces every agent's model for this run; ``model_settings`` is resolved on top of
    each agent's own settings; ``model_provider`` resolves model names (default: the one set with
    ``set_default_model_provider``, which the ``agents`` package points at OpenAI).
    ``tool_not_found_behavior`` decides what a call to a tool the agent does not have does: raise
    ``ModelBehaviorError`` (the default) or tell the model and let it try again.
    """

    model: str | Model | None = None
    model_provider: ModelProvider = field(default_factory=get_default_model_provider)
    model_settings: ModelSettings | None = None
    handoff_input_filter: HandoffInputFilter | None = None
    """Rewrites what the next agent sees at every handoff that has no filter of its own."""
    input_guardrails: list[InputGuardrail[Any]] | None = None
    """Input guardrails for the whole run, checked with the first agent's own."""
    output_guardrails: list[OutputGuardrail[Any]] | None = None
    """Output guardrails for the whole run, checked with the final agent's own."""
    tracing_disabled: bool = False
    trace_include_sensitive_data: bool = field(default_factory=_sensitive_data_default)
    workflow_name: str = "Agent workflow"
    trace_id: str | None = None
    group_id: str | None = None
    trace_metadata: dict[str, Any] | None = None
    tool_not_found_behavior: Literal["raise_error", "return_error_to_model"] = "raise_error"
    recorder: RunRecorder | None = None
    """Writes every model call and tool call of the run to a recording (see ``RunRecorder``)."""
    session_input_callback: SessionInputCallback | None = None
    """Combines the session's history with the new input (default: the input is appended)."""
    call_model_input_filter: CallModelInputFilter | None = None
    """Called before every model call with its ``ModelInputData``; what it returns is sent
    instead (the run's own record is unchanged). Tool outputs it separates from their calls are
    dropped, so the request stays valid."""
    session_settings: SessionSettings | None = None
    """Overrides the session's own settings (each value that is not None), e.g. ``limit``."""
