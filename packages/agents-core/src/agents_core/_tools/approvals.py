"""Approval decisions for tool calls that need a person's say-so (``needs_approval``)."""

from __future__ import annotations

import inspect
import json
from typing import Any

from .._base.approvals import DEFAULT_REJECTION_MESSAGE, Approvals
from .._base.run_context import RunContextWrapper
from .tools import FunctionTool

__all__ = ("DEFAULT_REJECTION_MESSAGE", "Approvals", "requires_approval")


async def requires_approval(
    tool: FunctionTool, context: RunContextWrapper[Any], arguments: str, call_id: str
) -> bool:
    """Whether this call of ``tool`` must wait for a decision (``needs_approval``)."""
    flag = tool.needs_approval
    if not callable(flag):
        return bool(flag)
    try:
        parsed = json.loads(arguments) if arguments else {}
    except json.JSONDecodeError:
        parsed = {}
    verdict = flag(context, parsed if isinstance(parsed, dict) else {}, call_id)
    if inspect.isawaitable(verdict):
        verdict = await verdict
    return bool(verdict)
