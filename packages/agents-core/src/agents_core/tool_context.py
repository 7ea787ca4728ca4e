"""The context a function tool receives: the run context and the call."""

from ._base.run_context import ToolContext as ToolContext

__all__ = ("ToolContext",)
