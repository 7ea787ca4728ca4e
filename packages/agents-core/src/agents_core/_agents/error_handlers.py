"""Run error handlers: turn a run-ending error into a final output of your choosing."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic

from typing_extensions import TypedDict

from .._base.run_context import RunContextWrapper, TContext
from .._items.items import ModelResponse, RunItem, TResponseInputItem
from ..exceptions import MaxTurnsExceeded, ModelBehaviorError, ModelRefusalError

if TYPE_CHECKING:
    from .agent import Agent

__all__ = (
    "RunErrorData",
    "RunErrorHandler",
    "RunErrorHandlerInput",
    "RunErrorHandlerResult",
    "RunErrorHandlers",
)


@dataclass
class RunErrorData:
    """The run as it stood when the error happened."""

    input: str | list[TResponseInputItem]
    new_items: list[RunItem]
    history: list[TResponseInputItem]
    output: list[TResponseInputItem]
    raw_responses: list[ModelResponse]
    last_agent: Agent[Any]


@dataclass
class RunErrorHandlerInput(Generic[TContext]):
    """What an error handler receives."""

    error: MaxTurnsExceeded | ModelRefusalError | ModelBehaviorError
    context: RunContextWrapper[TContext]
    run_data: RunErrorData


@dataclass
class RunErrorHandlerResult:
    """An error handler's answer: the run's final output, and whether the model's history
    records it as an assistant message."""

    final_output: Any
    include_in_history: bool = True


RunErrorHandler = Callable[
    [RunErrorHandlerInput[TContext]],
    "RunErrorHandlerResult | dict[str, Any] | Any | Awaitable[Any] | None",
]
"""Returns a ``RunErrorHandlerResult``, a dict with ``final_output``, a plain final output, or
``None`` to let the error propagate."""


class RunErrorHandlers(TypedDict, Generic[TContext], total=False):
    """Error handlers by kind of error (``Runner.run(error_handlers=...)``)."""

    max_turns: RunErrorHandler[TContext]
    model_refusal: RunErrorHandler[TContext]
    """The model refused (``ModelRefusalError``)."""
    invalid_final_output: RunErrorHandler[TContext]
    """The final answer did not match the output type (a ``ModelBehaviorError``)."""
