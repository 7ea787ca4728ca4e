"""Tool calls in a realtime session: function tools, handoffs, approvals and hosted MCP.

Calls run while the conversation goes on (as tasks, unless ``async_tool_calls`` is False).
Each output goes back to the model; a new response is asked for once every call of the
response that made them has answered and that response has ended, so the model answers once,
with all the results.
"""

from __future__ import annotations

import asyncio
import inspect
import json
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, cast

from agents_core import (
    FunctionTool,
    Handoff,
    ItemHelpers,
    LocalCallTool,
    ResponseFunctionToolCall,
    ResponseOtherItem,
    ToolContext,
    ToolInputGuardrailData,
    ToolOutputGuardrailData,
)
from agents_core.exceptions import (
    AgentsException,
    ModelBehaviorError,
    ToolExecutionError,
    ToolInputGuardrailTripwireTriggered,
    ToolOutputGuardrailTripwireTriggered,
    ToolTimeoutError,
    UserError,
)
from agents_core.tracing import function_span

from .._agents.agent import RealtimeAgent
from .._base._ids import new_id
from .._base._log import logger
from .._data.config import ToolErrorFormatterArgs
from .._data.model_inputs import RealtimeModelSendRawMessage
from .events import RealtimeError, RealtimeToolApprovalRequired, RealtimeToolEnd, RealtimeToolStart

if TYPE_CHECKING:
    from agents_core import Agent, RunContextWrapper, Tool
    from agents_core.tracing import Span

    from .._data.config import RealtimeRunConfig
    from .._data.model_events import (
        RealtimeModelMCPApprovalRequestEvent,
        RealtimeModelToolCallEvent,
    )
    from .._model.interface import RealtimeModel
    from .events import RealtimeEventInfo

__all__ = (
    "DEFAULT_APPROVAL_REJECTION_MESSAGE",
    "REJECTION_MESSAGE",
    "BackgroundToolResult",
    "ToolCalls",
    "ToolHost",
)

DEFAULT_APPROVAL_REJECTION_MESSAGE = "Tool execution was not approved."
"""What the model reads when a person rejects a tool call (unless told otherwise)."""

REJECTION_MESSAGE = DEFAULT_APPROVAL_REJECTION_MESSAGE
"""The same message, by its older name."""


@dataclass
class BackgroundToolResult:
    """Return this from a tool to add its output to the conversation without a new answer.

    The model sees ``output`` the next time it answers (for example after the user speaks
    again) instead of answering right away: for results the user did not wait for.
    """

    output: Any


class ToolHost(Protocol):
    """What the tool runner needs from its session."""

    model: RealtimeModel
    context: RunContextWrapper[Any]
    info: RealtimeEventInfo
    run_config: RealtimeRunConfig

    def put(self, event: Any) -> None:
        """Queue an event for the application."""
        ...

    def offered(self, name: str) -> Tool | Handoff[Any] | None:
        """The tool or handoff the model was offered under ``name``."""
        ...

    def offered_mcp_tools(self) -> list[Tool]:
        """The hosted MCP tools the model was offered."""
        ...

    def agent_span(self) -> Span[Any] | None:
        """The span of the active agent, parent of tool spans."""
        ...

    def call_parked(self, call: RealtimeModelToolCallEvent) -> None:
        """A call waits for a person's decision."""
        ...

    async def call_hooks(self, agent: RealtimeAgent[Any], name: str, *args: Any) -> None:
        """Run a lifecycle callback on the agent's and the session's hooks."""
        ...

    async def hand_off(self, call: RealtimeModelToolCallEvent, handoff: Handoff[Any]) -> None:
        """Carry out a handoff the model asked for."""
        ...

    async def send_output(
        self, call: RealtimeModelToolCallEvent, output: str, *, answer: bool = True
    ) -> None:
        """Send a tool's output (``answer=False``: without asking for a response)."""
        ...


@dataclass
class _Pending:
    agent: RealtimeAgent[Any]
    tool: Tool
    call: RealtimeModelToolCallEvent | None = None
    approval_request: Any = None
    """For a hosted MCP approval request: the request item."""


def output_text(output: Any) -> str:
    """A tool's output as the text the model reads (JSON for structured values)."""
    if isinstance(output, str):
        return output
    call = ResponseFunctionToolCall(call_id="", name="", arguments="")
    text = ItemHelpers.tool_call_output_item(call, output)["output"]
    return text if isinstance(text, str) else json.dumps(text)


class ToolCalls:
    """Runs the model's tool calls for a session."""

    def __init__(self, host: ToolHost) -> None:
        self._host = host
        self._pending: dict[str, _Pending] = {}
        self._decisions: dict[str, bool] = {}
        """Tool names a person approved or rejected for the whole session (``always=True``)."""
        self.tasks: set[asyncio.Task[None]] = set()

    # ------------------------------------------------------------------------ dispatch

    async def on_call(self, call: RealtimeModelToolCallEvent, agent: RealtimeAgent[Any]) -> None:
        """A function call from the model: start it (as a task, unless configured otherwise)."""
        work = self._dispatch(call, agent)
        if self._host.run_config.get("async_tool_calls", True):
            self._spawn(work)
        else:
            await work

    def _spawn(self, work: Awaitable[None]) -> None:
        task = asyncio.ensure_future(work)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _dispatch(self, call: RealtimeModelToolCallEvent, agent: RealtimeAgent[Any]) -> None:
        host = self._host
        target = host.offered(call.name)
        try:
            if isinstance(target, Handoff):
                await host.hand_off(call, target)
            elif isinstance(target, FunctionTool):
                await self._function_call(call, target, agent)
            else:
                await self._unknown(call)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the session must go on: tell the application and the model
            logger().error("realtime tool call failed", tool=call.name, error=type(exc).__name__)
            host.put(RealtimeError(error=exc, info=host.info))

    async def _unknown(self, call: RealtimeModelToolCallEvent) -> None:
        host = self._host
        error = ModelBehaviorError(f"The model called '{call.name}', which it was not offered.")
        host.put(RealtimeError(error=error, info=host.info))
        message = await self._formatted(
            "tool_not_found", call.name, call.call_id, f"Tool {call.name} not found.", None
        )
        await host.send_output(call, message)

    # ------------------------------------------------------------------------ function tools

    async def _function_call(
        self, call: RealtimeModelToolCallEvent, tool: FunctionTool, agent: RealtimeAgent[Any]
    ) -> None:
        decision = self._decisions.get(tool.name)
        if decision is None and await self._needs_approval(tool, call):
            if self._host.run_config.get("tool_execution", {}).get(
                "pre_approval_tool_input_guardrails"
            ):
                blocked = await self._input_guardrails(tool, self._tool_context(call, agent), agent)
                if blocked is not None:
                    await self._host.send_output(call, blocked)
                    return
            self._pending[call.call_id] = _Pending(agent=agent, tool=tool, call=call)
            self._host.call_parked(call)
            self._host.put(
                RealtimeToolApprovalRequired(
                    agent=agent,
                    tool=tool,
                    call_id=call.call_id,
                    arguments=call.arguments,
                    info=self._host.info,
                )
            )
            return
        if decision is False:
            await self._reject(call, tool, None)
            return
        await self._execute(call, tool, agent)

    async def _needs_approval(self, tool: FunctionTool, call: RealtimeModelToolCallEvent) -> bool:
        policy = tool.needs_approval
        if not callable(policy):
            return bool(policy)
        try:
            arguments = json.loads(call.arguments) if call.arguments else {}
        except ValueError:
            arguments = {}
        verdict = policy(self._host.context, arguments, call.call_id)
        if inspect.isawaitable(verdict):
            verdict = await verdict
        return bool(verdict)

    def _tool_context(
        self, call: RealtimeModelToolCallEvent, agent: RealtimeAgent[Any]
    ) -> ToolContext[Any]:
        return ToolContext.from_run_context(
            self._host.context,
            tool_name=call.name,
            tool_call_id=call.call_id,
            tool_arguments=call.arguments,
            agent=cast("Agent[Any]", agent),
        )

    async def _execute(
        self, call: RealtimeModelToolCallEvent, tool: FunctionTool, agent: RealtimeAgent[Any]
    ) -> None:
        host = self._host
        context = self._tool_context(call, agent)
        include = host.run_config.get("trace_include_sensitive_data", True)
        await host.call_hooks(agent, "on_tool_start", tool)
        host.put(
            RealtimeToolStart(agent=agent, tool=tool, arguments=call.arguments, info=host.info)
        )
        span = function_span(
            tool.name, input=call.arguments, parent=host.agent_span(), include_data=include
        )
        span.start()
        try:
            try:
                output = await self._checked_run(tool, context, agent)
            except Exception as exc:
                span.set_error({"message": f"{type(exc).__name__}", "data": {"tool": tool.name}})
                output = await self._failure(call, tool, agent, exc)
            answer = not isinstance(output, BackgroundToolResult)
            value = output.output if isinstance(output, BackgroundToolResult) else output
            span.span_data.output = output_text(value)
        finally:
            span.finish()
        host.put(
            RealtimeToolEnd(
                agent=agent, tool=tool, arguments=call.arguments, output=value, info=host.info
            )
        )
        await host.call_hooks(agent, "on_tool_end", tool, value)
        await host.send_output(call, output_text(value), answer=answer)

    async def _checked_run(
        self, tool: FunctionTool, context: ToolContext[Any], agent: RealtimeAgent[Any]
    ) -> Any:
        blocked = await self._input_guardrails(tool, context, agent)
        if blocked is not None:
            return blocked
        output = await self._invoke(tool, context)
        for guardrail in tool.tool_output_guardrails or ():
            data = ToolOutputGuardrailData(
                context=context, agent=cast("Agent[Any]", agent), output=output
            )
            verdict = await guardrail.run(data)
            if verdict.behavior["type"] == "raise_exception":
                raise ToolOutputGuardrailTripwireTriggered(guardrail, verdict)
            if verdict.behavior["type"] == "reject_content":
                return verdict.behavior["message"]
        return output

    async def _input_guardrails(
        self, tool: FunctionTool, context: ToolContext[Any], agent: RealtimeAgent[Any]
    ) -> str | None:
        for guardrail in tool.tool_input_guardrails or ():
            data = ToolInputGuardrailData(context=context, agent=cast("Agent[Any]", agent))
            verdict = await guardrail.run(data)
            if verdict.behavior["type"] == "raise_exception":
                raise ToolInputGuardrailTripwireTriggered(guardrail, verdict)
            if verdict.behavior["type"] == "reject_content":
                return verdict.behavior["message"]
        return None

    async def _invoke(self, tool: FunctionTool, context: ToolContext[Any]) -> Any:
        arguments = context.tool_arguments
        if tool.timeout_seconds is None:
            return await tool.on_invoke_tool(context, arguments)
        try:
            return await asyncio.wait_for(
                tool.on_invoke_tool(context, arguments), tool.timeout_seconds
            )
        except TimeoutError:
            error = ToolTimeoutError(tool.name, tool.timeout_seconds)
            if tool.timeout_behavior == "raise_exception":
                raise error from None
            if tool.timeout_error_function is None:
                return error.message
            message = tool.timeout_error_function(context, error)
            return await message if inspect.isawaitable(message) else message

    async def _failure(
        self,
        call: RealtimeModelToolCallEvent,
        tool: FunctionTool,
        agent: RealtimeAgent[Any],
        exc: Exception,
    ) -> str:
        """Report a failed call to the application, and the text the model reads instead."""
        error: AgentsException = (
            exc
            if isinstance(exc, AgentsException)
            else ToolExecutionError(tool.name, agent.name, exc)
        )
        self._host.put(RealtimeError(error=error, info=self._host.info))
        default = f"An error occurred while running the tool. Please try again. Error: {exc}"
        return await self._formatted("tool_exception", tool.name, call.call_id, default, exc)

    async def _formatted(
        self,
        kind: Any,
        tool_name: str,
        call_id: str,
        default: str,
        error: Exception | None,
    ) -> str:
        formatter = self._host.run_config.get("tool_error_formatter")
        if formatter is None:
            return default
        args = ToolErrorFormatterArgs(
            kind=kind,
            tool_type="function",
            tool_name=tool_name,
            call_id=call_id,
            default_message=default,
            run_context=self._host.context,
            error=error,
        )
        try:
            text = formatter(args)
            if inspect.isawaitable(text):
                text = await text
        except Exception as exc:
            logger().error("tool_error_formatter failed", error=type(exc).__name__)
            return default
        return text if isinstance(text, str) else default

    # ------------------------------------------------------------------------ approvals

    async def _reject(
        self, call: RealtimeModelToolCallEvent, tool: Tool, rejection_message: str | None
    ) -> None:
        default = rejection_message or REJECTION_MESSAGE
        text = (
            default
            if rejection_message is not None
            else await self._formatted("approval_rejected", tool.name, call.call_id, default, None)
        )
        await self._host.send_output(call, text)

    async def approve(self, call_id: str, *, always: bool) -> None:
        """Carry out a call that waited for approval."""
        pending = self._pending.pop(call_id, None)
        if pending is None:
            return
        if always:
            self._decisions[pending.tool.name] = True
        if pending.approval_request is not None:
            await self._answer_mcp(pending, approved=True, message=None)
        elif pending.call is not None and isinstance(pending.tool, FunctionTool):
            work = self._execute(pending.call, pending.tool, pending.agent)
            if self._host.run_config.get("async_tool_calls", True):
                self._spawn(work)
            else:
                await work

    async def reject(self, call_id: str, *, always: bool, rejection_message: str | None) -> None:
        """Refuse a call that waited for approval; the model is told."""
        pending = self._pending.pop(call_id, None)
        if pending is None:
            return
        if always:
            self._decisions[pending.tool.name] = False
        if pending.approval_request is not None:
            await self._answer_mcp(pending, approved=False, message=rejection_message)
        elif pending.call is not None:
            await self._reject(pending.call, pending.tool, rejection_message)

    @property
    def pending_call_ids(self) -> tuple[str, ...]:
        """The calls waiting for a person's decision."""
        return tuple(self._pending)

    # ------------------------------------------------------------------------ hosted MCP

    async def on_mcp_approval(
        self, event: RealtimeModelMCPApprovalRequestEvent, agent: RealtimeAgent[Any]
    ) -> None:
        """A hosted MCP server asks before a call: ask the tool's policy, or a person."""
        request = ResponseOtherItem.model_validate(event.item)
        tool = next(
            (
                candidate
                for candidate in self._host.offered_mcp_tools()
                if isinstance(candidate, LocalCallTool)
                and candidate.call_item_type == "mcp_approval_request"
                and candidate.handles(request)
            ),
            None,
        )
        if tool is None:
            error = UserError(
                f"Hosted MCP server '{event.server_label}' asked to approve '{event.name}', but "
                "no tool of the session answers its approval requests; it was refused."
            )
            self._host.put(RealtimeError(error=error, info=self._host.info))
            await self._send_mcp_answer(
                {
                    "type": "mcp_approval_response",
                    "approval_request_id": event.item_id,
                    "approve": False,
                }
            )
            return
        decision = self._decisions.get(tool.name)
        pending = _Pending(agent=agent, tool=tool, approval_request=request)
        if decision is not None:
            await self._answer_mcp(pending, approved=decision, message=None)
        elif tool.approval_required(request):
            self._pending[event.item_id] = pending
            self._host.put(
                RealtimeToolApprovalRequired(
                    agent=agent,
                    tool=tool,
                    call_id=event.item_id,
                    arguments=event.arguments,
                    info=self._host.info,
                )
            )
        else:
            context = ToolContext.from_run_context(
                self._host.context,
                tool_name=event.name,
                tool_call_id=event.item_id,
                tool_arguments=event.arguments,
                agent=cast("Agent[Any]", agent),
            )
            await self._send_mcp_answer(await tool.run_call(context, request))

    async def _answer_mcp(self, pending: _Pending, *, approved: bool, message: str | None) -> None:
        tool = cast(LocalCallTool, pending.tool)
        request = pending.approval_request
        context = ToolContext.from_run_context(
            self._host.context,
            tool_name=str(getattr(request, "name", tool.name)),
            tool_call_id=str(getattr(request, "id", "")),
            tool_arguments=str(getattr(request, "arguments", "")),
            agent=cast("Agent[Any]", pending.agent),
        )
        await self._send_mcp_answer(await tool.answer_approval(context, request, approved, message))

    async def _send_mcp_answer(self, answer: dict[str, Any]) -> None:
        item = {**answer, "id": answer.get("id") or new_id("mcpr")}
        model = self._host.model
        await model.send_event(
            RealtimeModelSendRawMessage(
                {"type": "conversation.item.create", "other_data": {"item": item}}
            )
        )
        await model.send_event(RealtimeModelSendRawMessage({"type": "response.create"}))

    # ------------------------------------------------------------------------ shutdown

    async def cancel(self) -> None:
        """Stop every running call (the session is closing)."""
        tasks = [task for task in self.tasks if task is not asyncio.current_task()]
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        self._pending.clear()
