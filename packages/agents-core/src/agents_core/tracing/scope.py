"""The current trace and span."""

from ._scope import Scope as Scope

__all__ = ("Scope",)
