"""The context object tools, hooks and instructions receive."""

from ._base.run_context import AgentHookContext as AgentHookContext
from ._base.run_context import RunContextWrapper as RunContextWrapper
from ._base.run_context import TContext as TContext
from ._items.items import ToolApprovalItem as ToolApprovalItem
from ._items.items import TResponseInputItem as TResponseInputItem

__all__ = (
    "AgentHookContext",
    "RunContextWrapper",
    "TContext",
    "TResponseInputItem",
    "ToolApprovalItem",
)
