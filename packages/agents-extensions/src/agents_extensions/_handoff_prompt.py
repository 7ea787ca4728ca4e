"""Instructions that help a model use handoffs well (a prefix for agents that hand off)."""

from __future__ import annotations

__all__ = ("RECOMMENDED_PROMPT_PREFIX", "prompt_with_handoff_instructions")

RECOMMENDED_PROMPT_PREFIX = (
    "# System context\n"
    "You are one agent in a team of agents that share a conversation. Each agent has its own "
    "instructions and tools, and can pass the conversation to a teammate better suited to the "
    "request by calling a handoff function, usually named `transfer_to_<agent_name>`. A "
    "handoff happens behind the scenes: continue the conversation naturally and do not mention "
    "or draw attention to transfers between agents.\n"
)
"""Put this (or your own words to the same effect) first in the instructions of agents that
hand off to others."""


def prompt_with_handoff_instructions(prompt: str) -> str:
    """``prompt`` with ``RECOMMENDED_PROMPT_PREFIX`` in front of it."""
    return f"{RECOMMENDED_PROMPT_PREFIX}\n\n{prompt}"
