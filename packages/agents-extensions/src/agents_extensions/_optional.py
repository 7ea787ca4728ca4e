"""Optional dependencies: each back end imports its library here, or fails naming its extra."""

from __future__ import annotations

import importlib
from types import ModuleType

from .exceptions import MissingExtraError

__all__ = ("require",)


def require(module: str, *, feature: str, extra: str) -> ModuleType:
    """Import ``module``, or raise ``MissingExtraError`` saying which extra provides it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        error = MissingExtraError(feature, extra, getattr(exc, "name", None) or module)
        raise error from exc
