"""Handoffs between realtime agents: a function the model calls to pass the conversation on."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar, cast, overload

from agents_core import Handoff, RunContextWrapper, handoff
from agents_core.exceptions import UserError

from .agent import RealtimeAgent

if TYPE_CHECKING:
    from agents_core import Agent

__all__ = (
    "OnHandoffWithInput",
    "OnHandoffWithoutInput",
    "collect_enabled_handoffs",
    "enabled_handoffs",
    "filter_enabled_handoffs",
    "realtime_handoff",
)

THandoffInput = TypeVar("THandoffInput")

OnHandoffWithInput: TypeAlias = Callable[[RunContextWrapper[Any], Any], Any]
"""An ``on_handoff`` callback that takes the input the model sent (``input_type``)."""
OnHandoffWithoutInput: TypeAlias = Callable[[RunContextWrapper[Any]], Any]
"""An ``on_handoff`` callback that takes only the context."""


@overload
def realtime_handoff(
    agent: RealtimeAgent[Any],
    *,
    tool_name_override: str | None = None,
    tool_description_override: str | None = None,
    is_enabled: bool | Callable[[RunContextWrapper[Any], RealtimeAgent[Any]], Any] = True,
) -> Handoff[Any]: ...


@overload
def realtime_handoff(
    agent: RealtimeAgent[Any],
    *,
    on_handoff: Callable[[RunContextWrapper[Any], THandoffInput], Any],
    input_type: type[THandoffInput],
    tool_description_override: str | None = None,
    tool_name_override: str | None = None,
    is_enabled: bool | Callable[[RunContextWrapper[Any], RealtimeAgent[Any]], Any] = True,
) -> Handoff[Any]: ...


@overload
def realtime_handoff(
    agent: RealtimeAgent[Any],
    *,
    on_handoff: Callable[[RunContextWrapper[Any]], Any],
    tool_description_override: str | None = None,
    tool_name_override: str | None = None,
    is_enabled: bool | Callable[[RunContextWrapper[Any], RealtimeAgent[Any]], Any] = True,
) -> Handoff[Any]: ...


def realtime_handoff(
    agent: RealtimeAgent[Any],
    tool_name_override: str | None = None,
    tool_description_override: str | None = None,
    on_handoff: Callable[..., Any] | None = None,
    input_type: type[Any] | None = None,
    is_enabled: bool | Callable[[RunContextWrapper[Any], RealtimeAgent[Any]], Any] = True,
) -> Handoff[Any]:
    """A handoff to a realtime agent, offered to the model as the function ``tool_name``.

    With ``input_type`` the model passes data of that type (validated), and
    ``on_handoff(context, data)`` receives it; without, ``on_handoff(context)`` is called. Input
    filters do not apply: a realtime session keeps one conversation across agents.
    """
    if not isinstance(agent, RealtimeAgent):
        raise UserError(
            f"realtime_handoff() needs a RealtimeAgent, got {type(agent).__name__}: a realtime "
            "session cannot hand the conversation to a text agent."
        )
    if input_type is not None and on_handoff is None:
        raise UserError("realtime_handoff(): input_type needs an on_handoff(context, data).")
    if on_handoff is not None:
        expected = 2 if input_type is not None else 1
        if len(inspect.signature(on_handoff).parameters) != expected:
            raise UserError(
                "realtime_handoff(): on_handoff must take "
                + ("(context, data) with input_type." if expected == 2 else "(context).")
            )
    # agents-core builds the function schema, validates the input and calls on_handoff; it
    # reads only the target's name and handoff_description, which a RealtimeAgent has.
    target = cast("Agent[Any]", agent)
    enabled = cast(Any, is_enabled)
    if input_type is not None and on_handoff is not None:
        return handoff(
            target,
            tool_name_override,
            tool_description_override,
            on_handoff=on_handoff,
            input_type=input_type,
            is_enabled=enabled,
        )
    return handoff(
        target,
        tool_name_override,
        tool_description_override,
        on_handoff=on_handoff,
        is_enabled=enabled,
    )


def _as_handoff(target: RealtimeAgent[Any] | Handoff[Any]) -> Handoff[Any]:
    if isinstance(target, Handoff):
        return target
    if isinstance(target, RealtimeAgent):
        return realtime_handoff(target)
    raise UserError(
        f"A realtime agent's handoffs must be RealtimeAgents or Handoffs, got "
        f"{type(target).__name__}."
    )


async def filter_enabled_handoffs(
    handoffs: Iterable[Handoff[Any]],
    context_wrapper: RunContextWrapper[Any],
    agent: RealtimeAgent[Any],
) -> list[Handoff[Any]]:
    """The handoffs whose ``is_enabled`` holds for ``agent`` now."""
    result: list[Handoff[Any]] = []
    for item in handoffs:
        flag: Any = item.is_enabled
        if callable(flag):
            flag = flag(context_wrapper, agent)
            if inspect.isawaitable(flag):
                flag = await flag
        if flag:
            result.append(item)
    return result


async def collect_enabled_handoffs(
    agent: RealtimeAgent[Any], context_wrapper: RunContextWrapper[Any]
) -> list[Handoff[Any]]:
    """The handoffs ``agent`` offers now (agents listed directly get the default handoff)."""
    return await filter_enabled_handoffs(
        [_as_handoff(target) for target in agent.handoffs], context_wrapper, agent
    )


enabled_handoffs = collect_enabled_handoffs
