"""The package's structlog logger, imported on first use (structlog is slow to import)."""

from __future__ import annotations

import functools
from typing import Any

__all__ = ("logger",)


@functools.cache
def logger() -> Any:
    """The ``agents_realtime`` structlog logger (the application configures structlog)."""
    import structlog

    return structlog.get_logger("agents_realtime")
