"""Tool guardrails: checks on a function tool's arguments before it runs and its output after."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Literal, overload

from typing_extensions import TypedDict

from .._base.run_context import TContext, ToolContext

if TYPE_CHECKING:
    from .._agents.agent import Agent

__all__ = (
    "AllowBehavior",
    "RaiseExceptionBehavior",
    "RejectContentBehavior",
    "ToolGuardrailFunctionOutput",
    "ToolInputGuardrail",
    "ToolInputGuardrailData",
    "ToolInputGuardrailResult",
    "ToolOutputGuardrail",
    "ToolOutputGuardrailData",
    "ToolOutputGuardrailResult",
    "tool_input_guardrail",
    "tool_output_guardrail",
)


class AllowBehavior(TypedDict):
    """Let the call (or its output) through."""

    type: Literal["allow"]


class RejectContentBehavior(TypedDict):
    """Do not run the tool (or drop its output); the model gets ``message`` instead."""

    type: Literal["reject_content"]
    message: str


class RaiseExceptionBehavior(TypedDict):
    """Stop the run with a tripwire exception."""

    type: Literal["raise_exception"]


@dataclass
class ToolGuardrailFunctionOutput:
    """A tool guardrail's verdict: allow, reject with a message to the model, or raise."""

    output_info: Any
    behavior: AllowBehavior | RejectContentBehavior | RaiseExceptionBehavior = field(
        default_factory=lambda: AllowBehavior(type="allow")
    )

    @classmethod
    def allow(cls, output_info: Any = None) -> ToolGuardrailFunctionOutput:
        """Let it through."""
        return cls(output_info=output_info, behavior=AllowBehavior(type="allow"))

    @classmethod
    def reject_content(cls, message: str, output_info: Any = None) -> ToolGuardrailFunctionOutput:
        """Replace the tool's output with ``message`` (the tool does not run, for input checks)."""
        return cls(
            output_info=output_info,
            behavior=RejectContentBehavior(type="reject_content", message=message),
        )

    @classmethod
    def raise_exception(cls, output_info: Any = None) -> ToolGuardrailFunctionOutput:
        """Stop the run with ``ToolInputGuardrailTripwireTriggered`` / ``...Output...``."""
        return cls(output_info=output_info, behavior=RaiseExceptionBehavior(type="raise_exception"))


@dataclass
class ToolInputGuardrailData:
    """What a tool input guardrail sees: the tool context (name, call id, arguments) and agent."""

    context: ToolContext[Any]
    agent: Agent[Any]


@dataclass
class ToolOutputGuardrailData(ToolInputGuardrailData):
    """What a tool output guardrail sees: the tool context, the agent and the tool's output."""

    output: Any


async def _verdict(function: Callable[..., Any], data: Any) -> ToolGuardrailFunctionOutput:
    result = function(data)
    if inspect.isawaitable(result):
        result = await result
    if not isinstance(result, ToolGuardrailFunctionOutput):
        from ..exceptions import UserError

        raise UserError(
            f"Tool guardrail '{getattr(function, '__name__', function)}' returned "
            f"{type(result).__name__}; it must return a ToolGuardrailFunctionOutput."
        )
    return result


@dataclass
class ToolInputGuardrail(Generic[TContext]):
    """Checks a function tool call's arguments before the tool runs."""

    guardrail_function: Callable[
        [ToolInputGuardrailData],
        ToolGuardrailFunctionOutput | Awaitable[ToolGuardrailFunctionOutput],
    ]
    name: str | None = None

    def get_name(self) -> str:
        """The guardrail's name: ``name``, or its function's name."""
        return self.name or str(
            getattr(self.guardrail_function, "__name__", "tool_input_guardrail")
        )

    async def run(self, data: ToolInputGuardrailData) -> ToolGuardrailFunctionOutput:
        """Run the check."""
        return await _verdict(self.guardrail_function, data)


@dataclass
class ToolOutputGuardrail(Generic[TContext]):
    """Checks a function tool's output before the model sees it."""

    guardrail_function: Callable[
        [ToolOutputGuardrailData],
        ToolGuardrailFunctionOutput | Awaitable[ToolGuardrailFunctionOutput],
    ]
    name: str | None = None

    def get_name(self) -> str:
        """The guardrail's name: ``name``, or its function's name."""
        return self.name or str(
            getattr(self.guardrail_function, "__name__", "tool_output_guardrail")
        )

    async def run(self, data: ToolOutputGuardrailData) -> ToolGuardrailFunctionOutput:
        """Run the check."""
        return await _verdict(self.guardrail_function, data)


@dataclass
class ToolInputGuardrailResult:
    """A tool input guardrail's verdict on one call."""

    guardrail: ToolInputGuardrail[Any]
    output: ToolGuardrailFunctionOutput


@dataclass
class ToolOutputGuardrailResult:
    """A tool output guardrail's verdict on one call's output."""

    guardrail: ToolOutputGuardrail[Any]
    output: ToolGuardrailFunctionOutput


_InputCheck = Callable[
    [ToolInputGuardrailData], "ToolGuardrailFunctionOutput | Awaitable[ToolGuardrailFunctionOutput]"
]
_OutputCheck = Callable[
    [ToolOutputGuardrailData],
    "ToolGuardrailFunctionOutput | Awaitable[ToolGuardrailFunctionOutput]",
]


@overload
def tool_input_guardrail(func: _InputCheck) -> ToolInputGuardrail[Any]: ...
@overload
def tool_input_guardrail(
    func: None = None, *, name: str | None = None
) -> Callable[[_InputCheck], ToolInputGuardrail[Any]]: ...
def tool_input_guardrail(
    func: _InputCheck | None = None, *, name: str | None = None
) -> ToolInputGuardrail[Any] | Callable[[_InputCheck], ToolInputGuardrail[Any]]:
    """Make a ``ToolInputGuardrail`` of ``func(data)`` (bare or with a name)."""

    def build(function: _InputCheck) -> ToolInputGuardrail[Any]:
        return ToolInputGuardrail(function, name=name)

    return build(func) if func is not None else build


@overload
def tool_output_guardrail(func: _OutputCheck) -> ToolOutputGuardrail[Any]: ...
@overload
def tool_output_guardrail(
    func: None = None, *, name: str | None = None
) -> Callable[[_OutputCheck], ToolOutputGuardrail[Any]]: ...
def tool_output_guardrail(
    func: _OutputCheck | None = None, *, name: str | None = None
) -> ToolOutputGuardrail[Any] | Callable[[_OutputCheck], ToolOutputGuardrail[Any]]:
    """Make a ``ToolOutputGuardrail`` of ``func(data)`` (bare or with a name)."""

    def build(function: _OutputCheck) -> ToolOutputGuardrail[Any]:
        return ToolOutputGuardrail(function, name=name)

    return build(func) if func is not None else build
