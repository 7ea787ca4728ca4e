"""The error raised when ``agents.realtime`` is used without its distribution installed."""

from __future__ import annotations

__all__ = ("missing_realtime",)


def missing_realtime(exc: ModuleNotFoundError) -> ModuleNotFoundError:
    """A clear error naming the extra to install, or ``exc`` itself if something else is missing."""
    if exc.name != "agents_realtime":
        return exc
    return ModuleNotFoundError(
        "agents.realtime needs the 'agents-realtime' distribution: pip install 'agents[realtime]'",
        name=exc.name,
    )
