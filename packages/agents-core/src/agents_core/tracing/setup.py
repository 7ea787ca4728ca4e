"""The process's trace provider."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._setup import get_trace_provider as get_trace_provider
from ._setup import set_trace_provider as set_trace_provider

if TYPE_CHECKING:
    from ._provider import TraceProvider

__all__ = (
    "GLOBAL_TRACE_PROVIDER",
    "get_trace_provider",
    "set_trace_provider",
)

GLOBAL_TRACE_PROVIDER: TraceProvider | None
"""The provider in use (None until one is made or set), read live."""


def __getattr__(name: str) -> Any:
    # GLOBAL_TRACE_PROVIDER changes when a provider is set: read it live.
    if name == "GLOBAL_TRACE_PROVIDER":
        from . import _setup

        return _setup.GLOBAL_TRACE_PROVIDER
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
