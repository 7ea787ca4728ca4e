"""agents: build LLM agents that call tools, stream, and remember.

``from agents import Agent, Runner, function_tool`` gives the stable API. This package holds no
logic of its own: every name comes from ``agents-core`` (and ``agents-openai`` for OpenAI
models), loaded on first use so that ``import agents`` stays cheap. The optional parts are
modules of their own, present when their extra is installed: ``agents.realtime``
(``agents[realtime]``), ``agents.voice`` (``agents[voice]``), ``agents.extensions``
(``agents[extensions]``). ``agents.testing`` holds the test doubles.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

import agents_core as _core

__version__ = "0.1.0"

__all__ = _core.__all__

_SOURCES: dict[str, str] = dict.fromkeys(_core.__all__, "agents_core")


def __getattr__(name: str) -> Any:
    source = _SOURCES.get(name)
    if source is None:
        raise AttributeError(f"module 'agents' has no attribute {name!r}")
    value = getattr(importlib.import_module(source), name)
    globals()[name] = value  # later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:
    from agents_core import *  # noqa: F403
