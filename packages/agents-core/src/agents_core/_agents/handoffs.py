"""Handoffs: an agent passing the conversation to another agent, offered to the model as a tool."""

from __future__ import annotations

import dataclasses
import inspect
import json
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeAlias, TypeVar, overload

import pydantic

from .._base.run_context import RunContextWrapper, TContext
from .._base.strict_schema import ensure_strict_json_schema
from .._items.items import RunItem, TResponseInputItem
from ..exceptions import ModelBehaviorError, UserError
from .handoff_history import HandoffHistoryMapper

if TYPE_CHECKING:
    from .agent import Agent

__all__ = ("Handoff", "HandoffHistoryMapper", "HandoffInputData", "HandoffInputFilter", "handoff")

THandoffInput = TypeVar("THandoffInput")


@dataclass(frozen=True)
class HandoffInputData:
    """What the next agent will see after a handoff, for an ``input_filter`` to rewrite.

    ``input_history`` is the input the run started from (with any session history),
    ``pre_handoff_items`` the items of earlier turns, and ``new_items`` those of the turn that
    handed off (including the handoff call and its output). ``input_items``, when a filter sets
    it, replaces ``new_items`` in what the next agent is sent.
    """

    input_history: str | tuple[TResponseInputItem, ...]
    pre_handoff_items: tuple[RunItem, ...]
    new_items: tuple[RunItem, ...]
    run_context: RunContextWrapper[Any] | None = None
    input_items: tuple[RunItem, ...] | None = None
    """When set, the next agent is sent these instead of ``new_items`` (which the run's record
    keeps whole)."""

    def clone(self, **kwargs: Any) -> HandoffInputData:
        """A copy with the given fields replaced."""
        return dataclasses.replace(self, **kwargs)


HandoffInputFilter: TypeAlias = Callable[
    [HandoffInputData], "HandoffInputData | Awaitable[HandoffInputData]"
]
"""Rewrites what the next agent sees after a handoff."""


def _function_style(name: str) -> str:
    return re.sub(r"[^a-zA-Z0-9_]", "_", re.sub(r"\s", "_", name)).lower()


@dataclass(eq=False)
class Handoff(Generic[TContext]):
    """A handoff target offered to the model as the tool ``tool_name``.

    ``on_invoke_handoff`` receives the run context and the JSON arguments of the model's call and
    returns the agent that takes over. Build one with :func:`handoff`, or list an ``Agent`` in
    ``Agent.handoffs`` for the defaults.
    """

    tool_name: str
    tool_description: str
    input_json_schema: dict[str, Any]
    on_invoke_handoff: Callable[[RunContextWrapper[Any], str], Awaitable[Agent[Any]]]
    agent_name: str
    input_filter: HandoffInputFilter | None = None
    nest_handoff_history: bool | None = None
    """Fold the conversation into one message for the target (None: ``RunConfig``'s setting)."""
    strict_json_schema: bool = True
    is_enabled: bool | Callable[[RunContextWrapper[Any], Agent[Any]], Any] = True
    agent: Agent[Any] | None = dataclasses.field(default=None, repr=False, kw_only=True)
    """The target agent, when known (used to find agents when a saved run is loaded)."""

    def get_transfer_message(self, agent: Agent[Any]) -> str:
        """The tool output that tells the model the handoff happened."""
        return json.dumps({"assistant": agent.name})

    @classmethod
    def default_tool_name(cls, agent: Agent[Any]) -> str:
        """``transfer_to_<agent name>``, in function-name style."""
        return _function_style(f"transfer_to_{agent.name}")

    @classmethod
    def default_tool_description(cls, agent: Agent[Any]) -> str:
        """The default description: the target's name and its ``handoff_description``."""
        return (
            f"Handoff to the {agent.name} agent to handle the request. "
            f"{agent.handoff_description or ''}"
        ).strip()

    def to_json_dict(self) -> dict[str, Any]:
        """The handoff as a function tool in the Responses API ``tools`` format."""
        return {
            "type": "function",
            "name": self.tool_name,
            "description": self.tool_description,
            "parameters": self.input_json_schema,
            "strict": self.strict_json_schema,
        }


_EMPTY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {},
    "required": [],
    "additionalProperties": False,
}


def _positional_count(function: Callable[..., Any]) -> int:
    parameters = inspect.signature(function).parameters.values()
    return sum(p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) for p in parameters)


@overload
def handoff(
    agent: Agent[TContext],
    tool_name_override: str | None = None,
    tool_description_override: str | None = None,
    *,
    on_handoff: Callable[[RunContextWrapper[Any]], Any] | None = None,
    input_filter: HandoffInputFilter | None = None,
    nest_handoff_history: bool | None = None,
    is_enabled: bool | Callable[[RunContextWrapper[Any], Agent[Any]], Any] = True,
) -> Handoff[TContext]: ...


@overload
def handoff(
    agent: Agent[TContext],
    tool_name_override: str | None = None,
    tool_description_override: str | None = None,
    *,
    on_handoff: Callable[[RunContextWrapper[Any], THandoffInput], Any],
    input_type: type[THandoffInput],
    input_filter: HandoffInputFilter | None = None,
    nest_handoff_history: bool | None = None,
    is_enabled: bool | Callable[[RunContextWrapper[Any], Agent[Any]], Any] = True,
) -> Handoff[TContext]: ...


def handoff(
    agent: Agent[TContext],
    tool_name_override: str | None = None,
    tool_description_override: str | None = None,
    on_handoff: Callable[..., Any] | None = None,
    input_type: type[Any] | None = None,
    input_filter: HandoffInputFilter | None = None,
    nest_handoff_history: bool | None = None,
    is_enabled: bool | Callable[[RunContextWrapper[Any], Agent[Any]], Any] = True,
) -> Handoff[TContext]:
    """A handoff to ``agent``, with options.

    With ``input_type``, the model must pass data of that type (validated) and ``on_handoff``
    receives it as ``on_handoff(context, data)``; without, ``on_handoff(context)`` is called.
    ``input_filter`` rewrites what ``agent`` sees of the conversation; ``nest_handoff_history``
    (None: as ``RunConfig.nest_handoff_history``) folds it into one message when there is no
    filter.
    """
    if (input_type is None) != (on_handoff is None or _positional_count(on_handoff) < 2):
        raise UserError(
            "handoff(): pass on_handoff(context, data) together with input_type, or "
            "on_handoff(context) without it."
        )
    adapter = pydantic.TypeAdapter(input_type) if input_type is not None else None
    schema = ensure_strict_json_schema(adapter.json_schema()) if adapter else _EMPTY_SCHEMA
    tool_name = tool_name_override or Handoff.default_tool_name(agent)

    async def invoke(context: RunContextWrapper[Any], arguments: str) -> Agent[Any]:
        if adapter is not None and on_handoff is not None:
            try:
                data = adapter.validate_json(arguments or "{}")
            except pydantic.ValidationError as exc:
                raise ModelBehaviorError(
                    f"Invalid input for handoff '{tool_name}': "
                    + "; ".join(e["msg"] for e in exc.errors(include_url=False)[:3])
                    + f"; got: {arguments[:200]}"
                ) from exc
            result = on_handoff(context, data)
        else:
            result = on_handoff(context) if on_handoff is not None else None
        if inspect.isawaitable(result):
            await result
        return agent

    return Handoff(
        tool_name=tool_name,
        tool_description=tool_description_override or Handoff.default_tool_description(agent),
        input_json_schema=schema,
        on_invoke_handoff=invoke,
        agent_name=agent.name,
        input_filter=input_filter,
        nest_handoff_history=nest_handoff_history,
        is_enabled=is_enabled,
        agent=agent,
    )


def as_handoff(target: Agent[Any] | Handoff[Any]) -> Handoff[Any]:
    """``target`` as a ``Handoff`` (an agent listed in ``Agent.handoffs`` gets the defaults)."""
    if isinstance(target, Handoff):
        return target
    return handoff(target)
