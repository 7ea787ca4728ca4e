"""``agents.extensions``: the ``agents_extensions`` API (``pip install 'agents[extensions]'``).

Submodules at their official paths: ``memory`` (sessions), ``models`` (LiteLLM),
``visualization``, ``tool_output_trimmer``, ``handoff_prompt``, ``opentelemetry``, and
``handoff_filters`` (part of the core, always available).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._optional import extensions_module

__all__ = ("ToolOutputTrimmer",)


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(extensions_module("agents_extensions"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:
    from agents_extensions import ToolOutputTrimmer as ToolOutputTrimmer
