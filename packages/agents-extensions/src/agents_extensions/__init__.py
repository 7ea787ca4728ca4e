"""``agents-extensions``: optional back ends and adapters for ``agents-core``.

- ``agents_extensions.memory``: sessions in Redis, SQL databases (SQLAlchemy), SQLite with
  branches, and an encrypting wrapper for any session.
- ``agents_extensions.opentelemetry``: a tracing processor that sends runs to OpenTelemetry.
- ``agents_extensions.models``: LiteLLM and OpenAI-compatible servers as model providers.
- ``agents_extensions.visualization``: an agent's graph (Graphviz or Mermaid).
- ``agents_extensions.handoff_prompt`` and ``ToolOutputTrimmer`` (here): small helpers.

Each back end is an extra (``pip install 'agents-extensions[redis]'``...), imported only when
used; a missing one raises ``MissingExtraError`` naming the extra. ``import agents_extensions``
itself loads nothing beyond ``agents-core``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ("ToolOutputTrimmer",)

_EXPORTS: dict[str, str] = {"ToolOutputTrimmer": "tool_output_trimmer"}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'agents_extensions' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:
    from .tool_output_trimmer import ToolOutputTrimmer as ToolOutputTrimmer
