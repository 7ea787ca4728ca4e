"""What the model is told about a tool error, through ``RunConfig.tool_error_formatter``."""

from __future__ import annotations

import inspect
from typing import TYPE_CHECKING, Any, Literal

from .._base.logging import log
from .config import ToolErrorFormatterArgs

if TYPE_CHECKING:
    from .._base.run_context import ToolContext
    from .progress import RunInProgress

__all__ = ("formatted_tool_error", "tool_exception_rewriter")

ErrorKind = Literal["approval_rejected", "tool_not_found", "tool_exception"]
ToolType = Literal["function", "computer", "shell", "apply_patch", "custom"]


async def formatted_tool_error(
    run: RunInProgress,
    *,
    kind: ErrorKind,
    tool_name: str,
    call_id: str,
    default_message: str,
    error: Exception | None = None,
    tool_type: ToolType = "function",
) -> str:
    """The formatter's message, or ``default_message`` when there is no formatter, it returns
    None or something other than text, or it fails (a failing formatter never ends the run)."""
    formatter = run.run_config.tool_error_formatter
    if formatter is None:
        return default_message
    args = ToolErrorFormatterArgs(
        kind=kind,
        tool_type=tool_type,
        tool_name=tool_name,
        call_id=call_id,
        default_message=default_message,
        run_context=run.context_wrapper,
        error=error,
    )
    try:
        message: Any = formatter(args)
        if inspect.isawaitable(message):
            message = await message
    except Exception as exc:
        log().error("tool error formatter failed", kind=kind, error=type(exc).__name__)
        return default_message
    if message is None:
        return default_message
    if not isinstance(message, str):
        log().error("tool error formatter returned no text", kind=kind, got=type(message).__name__)
        return default_message
    return message


def tool_exception_rewriter(run: RunInProgress) -> Any:
    """The rewriter function tools use for the default failure message of this run."""

    async def rewrite(ctx: ToolContext[Any], error: Exception, default_message: str) -> str:
        return await formatted_tool_error(
            run,
            kind="tool_exception",
            tool_name=ctx.tool_name,
            call_id=ctx.tool_call_id,
            default_message=default_message,
            error=error,
        )

    return rewrite
