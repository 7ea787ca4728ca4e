"""Prompt references: a prompt stored with the model provider, used as an agent's instructions."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NotRequired, TypeAlias

from typing_extensions import TypedDict

from .._base.run_context import RunContextWrapper

if TYPE_CHECKING:
    from .agent import Agent

__all__ = ("DynamicPromptFunction", "GenerateDynamicPromptData", "Prompt", "resolve_prompt")


class Prompt(TypedDict):
    """A stored prompt: its id, optionally a version and the values of its variables."""

    id: str
    version: NotRequired[str]
    variables: NotRequired[dict[str, Any]]


@dataclass
class GenerateDynamicPromptData:
    """What a dynamic prompt function receives: the run context and the agent."""

    context: RunContextWrapper[Any]
    agent: Agent[Any]


DynamicPromptFunction: TypeAlias = Callable[
    [GenerateDynamicPromptData], "Prompt | Awaitable[Prompt]"
]
"""Chooses the prompt for each turn."""


async def resolve_prompt(
    prompt: Prompt | DynamicPromptFunction | None,
    context: RunContextWrapper[Any],
    agent: Agent[Any],
) -> Prompt | None:
    """The prompt to send this turn (a dynamic one is called with the context and agent)."""
    if prompt is None or isinstance(prompt, dict):
        return prompt
    value = prompt(GenerateDynamicPromptData(context=context, agent=agent))
    if inspect.isawaitable(value):
        value = await value
    return value
