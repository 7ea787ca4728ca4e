"""The session settings for an agent: the run's settings with its instructions and tools."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any, cast

from .handoffs import enabled_handoffs

if TYPE_CHECKING:
    from agents_core import RunContextWrapper

    from .._data.config import RealtimeSessionModelSettings
    from .agent import RealtimeAgent

__all__ = ("settings_for_agent",)


async def settings_for_agent(
    agent: RealtimeAgent[Any],
    context: RunContextWrapper[Any],
    *,
    base: RealtimeSessionModelSettings,
    starting: RealtimeSessionModelSettings | None = None,
    tracing_disabled: bool = False,
) -> RealtimeSessionModelSettings:
    """``base`` (the run's and the model config's settings) with ``agent``'s instructions,
    prompt, tools and handoffs; ``starting`` settings (the model config's, when the session
    starts) are laid on top, so what the application gave explicitly wins."""
    settings = cast("RealtimeSessionModelSettings", dict(base))
    instructions, prompt, tools, handoffs = await asyncio.gather(
        agent.get_system_prompt(context),
        agent.get_prompt(context),
        agent.get_all_tools(context),
        enabled_handoffs(agent, context),
    )
    if prompt is not None:
        settings["prompt"] = prompt
    settings["instructions"] = instructions or ""
    settings["tools"] = tools
    settings["handoffs"] = handoffs
    if starting:
        settings.update(starting)
    if tracing_disabled:
        settings["tracing"] = None
    return settings
