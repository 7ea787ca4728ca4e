"""A terminal loop for trying an agent by hand: read a line, run, print, remember."""

from __future__ import annotations

import asyncio
import sys
from typing import Any, TextIO

from .._base.run_context import TContext
from .._items.items import TResponseInputItem
from .._items.stream_events import (
    AgentUpdatedStreamEvent,
    RawResponsesStreamEvent,
    RunItemStreamEvent,
)
from .runner import DEFAULT_MAX_TURNS, Runner

__all__ = ("run_demo_loop",)

_QUIT = frozenset({"exit", "quit"})


async def _read_line(prompt: str) -> str:
    # input() blocks: read in a thread so the event loop (and its servers) keeps running.
    return await asyncio.to_thread(input, prompt)


async def run_demo_loop(
    agent: Any,
    *,
    stream: bool = True,
    context: TContext | None = None,
    max_turns: int | None = DEFAULT_MAX_TURNS,
) -> None:
    """Chat with ``agent`` in the terminal until ``exit``, ``quit``, end of input or Ctrl+C.

    Each line is a user message; the conversation (and the agent a handoff moved it to) carries
    over from one line to the next. With ``stream`` the answer is printed as it arrives, with a
    note for each tool call, tool output and handoff; without it, the final output is printed.
    """
    out: TextIO = sys.stdout
    current = agent
    history: list[TResponseInputItem] = []
    while True:
        try:
            line = await _read_line(" > ")
        except (EOFError, KeyboardInterrupt):
            print(file=out)
            return
        text = line.strip()
        if text.lower() in _QUIT:
            return
        if not text:
            continue
        history.append({"role": "user", "content": line})
        if stream:
            streamed = Runner.run_streamed(
                current, input=history, context=context, max_turns=max_turns
            )
            async for event in streamed.stream_events():
                _print_event(event, out)
            print(file=out)
            result: Any = streamed
        else:
            result = await Runner.run(current, history, context=context, max_turns=max_turns)
            if result.final_output is not None:
                print(result.final_output, file=out)
        current = result.last_agent
        history = result.to_input_list()


def _print_event(event: object, out: TextIO) -> None:
    if isinstance(event, RawResponsesStreamEvent):
        data = event.data
        if getattr(data, "type", None) == "response.output_text.delta":
            print(getattr(data, "delta", ""), end="", file=out, flush=True)
    elif isinstance(event, RunItemStreamEvent):
        item_type = event.item.type
        if item_type == "tool_call_item":
            print("\n[tool called]", file=out, flush=True)
        elif item_type == "tool_call_output_item":
            print(f"\n[tool output: {getattr(event.item, 'output', '')}]", file=out, flush=True)
    elif isinstance(event, AgentUpdatedStreamEvent):
        print(f"\n[Agent updated: {event.new_agent.name}]", file=out, flush=True)
