"""The context object tools, hooks and instructions receive."""

from ._base.run_context import RunContextWrapper as RunContextWrapper
from ._base.run_context import TContext as TContext

__all__ = (
    "RunContextWrapper",
    "TContext",
)
