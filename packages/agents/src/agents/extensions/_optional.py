"""Loads ``agents_extensions`` modules for the facade, naming the extra when it is missing."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import NoReturn

__all__ = ("extensions_module", "missing_distribution")


def missing_distribution(error: ModuleNotFoundError, module: str, extra: str) -> NoReturn:
    """Re-raise ``error``, saying which extra installs ``agents-extensions`` if it is missing."""
    if error.name != "agents_extensions":
        raise error
    raise ModuleNotFoundError(
        f"{module} needs the 'agents-extensions' distribution: pip install 'agents[{extra}]'",
        name=error.name,
    ) from error


def extensions_module(name: str, extra: str = "extensions") -> ModuleType:
    """Import ``name`` from ``agents-extensions``, or fail saying which extra installs it."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        missing_distribution(exc, name.replace("agents_extensions", "agents.extensions"), extra)
