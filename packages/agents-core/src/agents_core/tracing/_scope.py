"""The current trace and span, kept in context variables.

Each asyncio task starts from a copy of its creator's context, so spans opened in tasks run with
``asyncio.gather`` hang from the span that was current when the tasks were created, never from
each other.
"""

from __future__ import annotations

import contextvars
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._spans import Span
    from ._traces import Trace

__all__ = ("Scope", "current_span", "current_trace", "reset_quietly")

current_span: contextvars.ContextVar[Span[Any] | None] = contextvars.ContextVar(
    "current_span", default=None
)
current_trace: contextvars.ContextVar[Trace | None] = contextvars.ContextVar(
    "current_trace", default=None
)


def reset_quietly(variable: contextvars.ContextVar[Any], token: contextvars.Token[Any]) -> None:
    """Restore ``variable``; a token from another context (an async generator finalised by
    another task) is left alone, since that context's value is not ours to restore."""
    try:  # noqa: SIM105 - contextlib.suppress costs a microsecond on every span
        variable.reset(token)
    except ValueError:
        pass


class Scope:
    """Reads and sets the current span and trace (the context variables above)."""

    @classmethod
    def get_current_span(cls) -> Span[Any] | None:
        """The innermost span the calling code runs in, if any."""
        return current_span.get()

    @classmethod
    def set_current_span(cls, span: Span[Any] | None) -> contextvars.Token[Span[Any] | None]:
        """Make ``span`` current; returns the token that restores the previous one."""
        return current_span.set(span)

    @classmethod
    def reset_current_span(cls, token: contextvars.Token[Span[Any] | None]) -> None:
        """Restore the span that was current before ``token`` was made."""
        current_span.reset(token)

    @classmethod
    def get_current_trace(cls) -> Trace | None:
        """The trace the calling code runs in, if any."""
        return current_trace.get()

    @classmethod
    def set_current_trace(cls, trace: Trace | None) -> contextvars.Token[Trace | None]:
        """Make ``trace`` current; returns the token that restores the previous one."""
        return current_trace.set(trace)

    @classmethod
    def reset_current_trace(cls, token: contextvars.Token[Trace | None]) -> None:
        """Restore the trace that was current before ``token`` was made."""
        current_trace.reset(token)
