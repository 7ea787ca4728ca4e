"""Running the function tools a model asked for, concurrently, with timeouts and hooks."""

from __future__ import annotations

import asyncio
import inspect
from typing import TYPE_CHECKING, Any

from .._agents.agent import FunctionToolResult
from .._agents.nested_runs import NestedRunPaused, resumable_nested_runs
from .._base.run_context import ToolContext
from .._items.items import (
    ItemHelpers,
    ResponseFunctionToolCall,
    ResponseOtherItem,
    local_call_output_item,
)
from .._tools.tools import FunctionTool, LocalCallTool, default_error_rewriter
from ..exceptions import (
    AgentsException,
    ToolExecutionError,
    ToolInputGuardrailTripwireTriggered,
    ToolOutputGuardrailTripwireTriggered,
    ToolTimeoutError,
)
from .config import ToolExecutionConfig
from .progress import call_hooks

if TYPE_CHECKING:
    from .._agents.agent import Agent
    from .progress import RunInProgress

__all__ = ("ToolRun", "execute_tool_runs", "input_guardrail_verdict")


class ToolRun:
    """One tool call to execute: the call the model made and the tool that answers it."""

    __slots__ = ("call", "tool")

    def __init__(
        self, call: ResponseFunctionToolCall | ResponseOtherItem, tool: FunctionTool | LocalCallTool
    ) -> None:
        self.call = call
        self.tool = tool


async def _invoke_with_timeout(tool: FunctionTool, ctx: ToolContext[Any], arguments: str) -> Any:
    if tool.timeout_seconds is None:
        return await tool.on_invoke_tool(ctx, arguments)
    try:
        return await asyncio.wait_for(tool.on_invoke_tool(ctx, arguments), tool.timeout_seconds)
    except TimeoutError:
        error = ToolTimeoutError(tool.name, tool.timeout_seconds)
        if tool.timeout_behavior == "raise_exception":
            raise error from None
        if tool.timeout_error_function is None:
            return error.message
        message = tool.timeout_error_function(ctx, error)
        return await message if inspect.isawaitable(message) else message


_NOT_BLOCKED: Any = object()


async def _checked_input(
    run: RunInProgress, agent: Agent[Any], tool: FunctionTool, ctx: ToolContext[Any]
) -> Any:
    """Run the tool's input guardrails: the rejection message, or ``_NOT_BLOCKED``."""
    if not tool.tool_input_guardrails:
        return _NOT_BLOCKED
    from .._tools.tool_guardrails import ToolInputGuardrailData, ToolInputGuardrailResult

    for guardrail in tool.tool_input_guardrails:
        verdict = await guardrail.run(ToolInputGuardrailData(context=ctx, agent=agent))
        run.tool_input_guardrail_results.append(ToolInputGuardrailResult(guardrail, verdict))
        behavior = verdict.behavior
        if behavior["type"] == "raise_exception":
            raise ToolInputGuardrailTripwireTriggered(guardrail, verdict)
        if behavior["type"] == "reject_content":
            return behavior["message"]
    return _NOT_BLOCKED


async def _checked_output(
    run: RunInProgress, agent: Agent[Any], tool: FunctionTool, ctx: ToolContext[Any], output: Any
) -> Any:
    """Run the tool's output guardrails: the output, or the message that replaces it."""
    if not tool.tool_output_guardrails:
        return output
    from .._tools.tool_guardrails import ToolOutputGuardrailData, ToolOutputGuardrailResult

    for guardrail in tool.tool_output_guardrails:
        data = ToolOutputGuardrailData(context=ctx, agent=agent, output=output)
        verdict = await guardrail.run(data)
        run.tool_output_guardrail_results.append(ToolOutputGuardrailResult(guardrail, verdict))
        behavior = verdict.behavior
        if behavior["type"] == "raise_exception":
            raise ToolOutputGuardrailTripwireTriggered(guardrail, verdict)
        if behavior["type"] == "reject_content":
            return behavior["message"]
    return output


async def input_guardrail_verdict(
    run: RunInProgress, agent: Agent[Any], tool: FunctionTool, call: ResponseFunctionToolCall
) -> str | None:
    """The message a tool's input guardrails reject ``call`` with, or None if they let it
    through (``raise_exception`` raises); for checking a call before it is held for approval."""
    ctx = ToolContext.from_run_context(
        run.context_wrapper,
        tool_name=tool.name,
        tool_call_id=call.call_id,
        tool_arguments=call.arguments,
        tool_call=call,
        agent=agent,
    )
    verdict = await _checked_input(run, agent, tool, ctx)
    return None if verdict is _NOT_BLOCKED else str(verdict)


async def _execute_one(
    run: RunInProgress, agent: Agent[Any], tool_run: ToolRun
) -> FunctionToolResult | NestedRunPaused:
    tool, call = tool_run.tool, tool_run.call
    function_call = call if isinstance(call, ResponseFunctionToolCall) else None
    ctx = ToolContext.from_run_context(
        run.context_wrapper,
        tool_name=tool.name,
        tool_call_id=getattr(call, "call_id", None) or getattr(call, "id", None) or "",
        tool_arguments=function_call.arguments if function_call is not None else "",
        tool_call=function_call,
        agent=agent,
        run_config=run.run_config,
    )
    if run.hooked(agent, "on_tool_start"):
        await call_hooks(run, agent, "on_tool_start", tool, context=ctx)
    span = run.tracing.function(tool.name, ctx.tool_arguments)
    try:
        if isinstance(tool, FunctionTool) and function_call is not None:
            output = await _checked_input(run, agent, tool, ctx)
            if output is _NOT_BLOCKED:
                output = await _invoke_with_timeout(tool, ctx, function_call.arguments)
                if isinstance(output, NestedRunPaused):
                    # An agent tool's run waits for a person: no output yet, the parent pauses.
                    run.tracing.end_function(span, None, None)
                    output.call_id = ctx.tool_call_id
                    return output
                output = await _checked_output(run, agent, tool, ctx, output)
            raw_item = ItemHelpers.tool_call_output_item(function_call, output)
        elif isinstance(tool, LocalCallTool):
            raw_item = await tool.run_call(ctx, call)
            output = raw_item.get("output")
        else:  # pragma: no cover - the runner pairs calls and tools by kind
            raise TypeError(f"cannot run {type(call).__name__} with {type(tool).__name__}")
    except AgentsException as exc:
        run.tracing.end_function(span, None, exc)
        raise
    except Exception as exc:
        run.tracing.end_function(span, None, exc)
        raise ToolExecutionError(tool.name, agent.name, exc) from exc
    run.tracing.end_function(span, raw_item.get("output"), None)
    if run.run_config.recorder is not None:
        run.run_config.recorder.record_tool_call(
            tool_name=tool.name,
            call_id=ctx.tool_call_id,
            arguments=ctx.tool_arguments,
            output_item=raw_item,
        )
    if run.hooked(agent, "on_tool_end"):
        await call_hooks(run, agent, "on_tool_end", tool, output, context=ctx)
    item = local_call_output_item(agent, raw_item, output)
    return FunctionToolResult(
        tool=tool, output=output, run_item=item, agent_run_result=ctx._agent_run_result
    )


async def execute_tool_runs(
    run: RunInProgress, agent: Agent[Any], tool_runs: list[ToolRun]
) -> list[FunctionToolResult | NestedRunPaused]:
    """Run every tool call, concurrently; results come back in the order the model made the calls.

    An agent tool whose nested run paused for approval gives a ``NestedRunPaused`` instead of a
    result. If one call fails with an exception (rather than a message for the model), the
    others are cancelled and the exception propagates.
    """
    rewriter = None
    if run.run_config.tool_error_formatter is not None:
        from .tool_errors import tool_exception_rewriter

        rewriter = default_error_rewriter.set(tool_exception_rewriter(run))
    try:
        if run.nested_runs:
            # Agent tools of a resumed turn pick up their paused nested runs.
            with resumable_nested_runs(run.nested_runs, run.approvals):
                return await _execute_all(run, agent, tool_runs)
        return await _execute_all(run, agent, tool_runs)
    finally:
        if rewriter is not None:
            default_error_rewriter.reset(rewriter)


async def _execute_all(
    run: RunInProgress, agent: Agent[Any], tool_runs: list[ToolRun]
) -> list[FunctionToolResult | NestedRunPaused]:
    if not tool_runs:
        return []
    if len(tool_runs) == 1:
        return [await _execute_one(run, agent, tool_runs[0])]
    config = run.run_config.tool_execution
    limit = (
        config.max_function_tool_concurrency if isinstance(config, ToolExecutionConfig) else None
    )
    if limit is not None and limit < len(tool_runs):
        slots = asyncio.Semaphore(limit)

        async def limited(tool_run: ToolRun) -> FunctionToolResult | NestedRunPaused:
            async with slots:
                return await _execute_one(run, agent, tool_run)

        tasks = [asyncio.ensure_future(limited(tool_run)) for tool_run in tool_runs]
    else:
        tasks = [asyncio.ensure_future(_execute_one(run, agent, t)) for t in tool_runs]
    try:
        _, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    except asyncio.CancelledError:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
    if pending:
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
    for task in tasks:
        if task.done() and not task.cancelled() and task.exception() is not None:
            raise task.exception()  # type: ignore[misc]  # narrowed above: not None
    return [task.result() for task in tasks]
