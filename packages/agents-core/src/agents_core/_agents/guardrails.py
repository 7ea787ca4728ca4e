"""Input and output guardrails: checks that run beside an agent and can stop the run."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, overload

from .._base.run_context import RunContextWrapper, TContext
from .._items.items import TResponseInputItem

if TYPE_CHECKING:
    from .agent import Agent

__all__ = (
    "GuardrailFunctionOutput",
    "InputGuardrail",
    "InputGuardrailResult",
    "OutputGuardrail",
    "OutputGuardrailResult",
    "input_guardrail",
    "output_guardrail",
)


@dataclass
class GuardrailFunctionOutput:
    """What a guardrail function returns: any information, and whether the tripwire fired."""

    output_info: Any
    tripwire_triggered: bool


@dataclass
class InputGuardrailResult:
    """An input guardrail's verdict on a run's input."""

    guardrail: InputGuardrail[Any]
    output: GuardrailFunctionOutput


@dataclass
class OutputGuardrailResult:
    """An output guardrail's verdict on an agent's final output."""

    guardrail: OutputGuardrail[Any]
    agent_output: Any
    agent: Agent[Any]
    output: GuardrailFunctionOutput


def _function_name(function: Callable[..., Any]) -> str:
    return getattr(function, "__name__", type(function).__name__)


async def _call(function: Callable[..., Any], *args: Any) -> GuardrailFunctionOutput:
    result = function(*args)
    if inspect.isawaitable(result):
        result = await result
    if not isinstance(result, GuardrailFunctionOutput):
        from ..exceptions import UserError

        raise UserError(
            f"Guardrail '{_function_name(function)}' returned {type(result).__name__}; "
            "it must return a GuardrailFunctionOutput."
        )
    return result


@dataclass
class InputGuardrail(Generic[TContext]):
    """Checks a run's input before or while the first agent's model is called.

    With ``run_in_parallel`` (the default) it runs beside the first model call, and a tripwire
    cancels that call; otherwise it runs to completion before the model is called at all.
    """

    guardrail_function: Callable[
        [RunContextWrapper[TContext], Agent[Any], str | list[TResponseInputItem]],
        GuardrailFunctionOutput | Awaitable[GuardrailFunctionOutput],
    ]
    name: str | None = None
    run_in_parallel: bool = True

    def get_name(self) -> str:
        """The guardrail's name: ``name``, or its function's name."""
        return self.name or _function_name(self.guardrail_function)

    async def run(
        self,
        agent: Agent[Any],
        input: str | list[TResponseInputItem],
        context: RunContextWrapper[TContext],
    ) -> InputGuardrailResult:
        """Run the check."""
        output = await _call(self.guardrail_function, context, agent, input)
        return InputGuardrailResult(guardrail=self, output=output)


@dataclass
class OutputGuardrail(Generic[TContext]):
    """Checks an agent's final output before the run returns it."""

    guardrail_function: Callable[
        [RunContextWrapper[TContext], Agent[Any], Any],
        GuardrailFunctionOutput | Awaitable[GuardrailFunctionOutput],
    ]
    name: str | None = None

    def get_name(self) -> str:
        """The guardrail's name: ``name``, or its function's name."""
        return self.name or _function_name(self.guardrail_function)

    async def run(
        self, context: RunContextWrapper[TContext], agent: Agent[Any], agent_output: Any
    ) -> OutputGuardrailResult:
        """Run the check."""
        output = await _call(self.guardrail_function, context, agent, agent_output)
        return OutputGuardrailResult(
            guardrail=self, agent_output=agent_output, agent=agent, output=output
        )


_InputFunction = Callable[
    [RunContextWrapper[Any], "Agent[Any]", "str | list[TResponseInputItem]"],
    "GuardrailFunctionOutput | Awaitable[GuardrailFunctionOutput]",
]
_OutputFunction = Callable[
    [RunContextWrapper[Any], "Agent[Any]", Any],
    "GuardrailFunctionOutput | Awaitable[GuardrailFunctionOutput]",
]


@overload
def input_guardrail(func: _InputFunction) -> InputGuardrail[Any]: ...
@overload
def input_guardrail(
    func: None = None, *, name: str | None = None, run_in_parallel: bool = True
) -> Callable[[_InputFunction], InputGuardrail[Any]]: ...
def input_guardrail(
    func: _InputFunction | None = None, *, name: str | None = None, run_in_parallel: bool = True
) -> InputGuardrail[Any] | Callable[[_InputFunction], InputGuardrail[Any]]:
    """Make an ``InputGuardrail`` of ``func(context, agent, input)`` (bare or with options)."""

    def build(function: _InputFunction) -> InputGuardrail[Any]:
        return InputGuardrail(function, name=name, run_in_parallel=run_in_parallel)

    return build(func) if func is not None else build


@overload
def output_guardrail(func: _OutputFunction) -> OutputGuardrail[Any]: ...
@overload
def output_guardrail(
    func: None = None, *, name: str | None = None
) -> Callable[[_OutputFunction], OutputGuardrail[Any]]: ...
def output_guardrail(
    func: _OutputFunction | None = None, *, name: str | None = None
) -> OutputGuardrail[Any] | Callable[[_OutputFunction], OutputGuardrail[Any]]:
    """Make an ``OutputGuardrail`` of ``func(context, agent, output)`` (bare or with options)."""

    def build(function: _OutputFunction) -> OutputGuardrail[Any]:
        return OutputGuardrail(function, name=name)

    return build(func) if func is not None else build
