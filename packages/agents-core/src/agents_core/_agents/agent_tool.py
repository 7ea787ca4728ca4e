"""``Agent.as_tool``: an agent run as a function tool of another agent."""

from __future__ import annotations

import asyncio
import dataclasses
import inspect
import json
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any

import pydantic

from .._base.logging import log
from .._base.run_context import RunContextWrapper, ToolContext
from .._base.strict_schema import ensure_strict_json_schema
from .._base.usage import InputTokensDetails, OutputTokensDetails, Usage
from .._items.items import ItemHelpers
from .._tools.function_schema import function_schema
from .._tools.tools import FunctionTool, NeedsApproval, ToolErrorFunction
from ..exceptions import AgentsException, ModelBehaviorError, UserError
from .agent_tool_input import (
    StructuredToolInputBuilder,
    build_structured_input_schema_info,
    resolve_agent_tool_input,
)
from .nested_runs import NestedRunPaused, take_nested_state, tool_input_for_nested_run

if TYPE_CHECKING:
    from .._memory.session import Session
    from .._run.config import RunConfig
    from .._run.results import RunResult, RunResultStreaming
    from .agent import Agent, AgentToolStreamEvent
    from .hooks import RunHooks

__all__ = ("AgentToolStreamOverflow", "agent_as_tool")


def _default_name(agent: Agent[Any]) -> str:
    from .handoffs import _function_style

    return _function_style(agent.name)


def _input_schema(parameters: type[Any] | None) -> tuple[dict[str, Any], Any]:
    if parameters is None:

        def input(input: str) -> None:
            """Run the agent.

            Args:
                input: The input for the agent.
            """

        schema = function_schema(input)
        return schema.params_json_schema, schema.params_pydantic_model
    adapter = pydantic.TypeAdapter(parameters)
    return ensure_strict_json_schema(adapter.json_schema()), adapter


def _parsed_arguments(arguments: str, validator: Any, structured: bool) -> Any:
    """The calling model's arguments, validated: the parameters as plain JSON data."""
    try:
        if structured:
            validator.validate_json(arguments or "{}")
            return json.loads(arguments or "{}")
        return {"input": str(validator.model_validate_json(arguments or "{}").input)}
    except pydantic.ValidationError as exc:
        raise ModelBehaviorError(
            "Invalid arguments for an agent tool: "
            + "; ".join(e["msg"] for e in exc.errors(include_url=False)[:3])
        ) from exc


class AgentToolStreamOverflow(AgentsException):
    """An ``on_stream`` handler fell more than ``on_stream_max_pending_events`` events behind."""


async def _stream_to_handler(
    result: RunResultStreaming,
    agent: Agent[Any],
    tool_call: Any,
    on_stream: Callable[[AgentToolStreamEvent], Any],
    max_pending: int | None,
) -> None:
    """Read the nested stream and hand its events to ``on_stream`` in order, without letting a
    slow handler hold the nested run back by more than ``max_pending`` events (the run is
    cancelled and ``AgentToolStreamOverflow`` raised). A failing handler is logged."""
    from .._items.stream_events import AgentUpdatedStreamEvent

    queue: asyncio.Queue[AgentToolStreamEvent | None] = asyncio.Queue()

    async def deliver() -> None:
        while (payload := await queue.get()) is not None:
            try:
                delivered = on_stream(payload)
                if inspect.isawaitable(delivered):
                    await delivered
            except Exception as exc:
                log().error("agent tool on_stream failed", agent=agent.name, error=repr(exc))

    consumer = asyncio.ensure_future(deliver())
    current = agent
    try:
        async for event in result.stream_events():
            if isinstance(event, AgentUpdatedStreamEvent):
                current = event.new_agent
            if max_pending is not None and queue.qsize() >= max_pending:
                await asyncio.sleep(0)  # a ready handler catches up first
                if queue.qsize() >= max_pending:
                    result.cancel()
                    raise AgentToolStreamOverflow(
                        f"The on_stream handler of agent tool '{agent.name}' is more than "
                        f"{max_pending} events behind (on_stream_max_pending_events); use a "
                        "faster handler or raise the limit."
                    )
            queue.put_nowait({"event": event, "agent": current, "tool_call": tool_call})
        queue.put_nowait(None)
        await consumer
    finally:
        if not consumer.done():
            consumer.cancel()
            await asyncio.gather(consumer, return_exceptions=True)


def agent_as_tool(
    agent: Agent[Any],
    *,
    tool_name: str | None,
    tool_description: str | None,
    custom_output_extractor: Callable[[RunResult | RunResultStreaming], Awaitable[str]] | None,
    is_enabled: bool | Callable[[RunContextWrapper[Any], Agent[Any]], Any],
    on_stream: Callable[[AgentToolStreamEvent], Any] | None,
    run_config: RunConfig | Mapping[str, Any] | None,
    max_turns: int | None,
    hooks: RunHooks[Any] | None,
    previous_response_id: str | None,
    conversation_id: str | None,
    session: Session | None,
    failure_error_function: ToolErrorFunction | None,
    needs_approval: bool | NeedsApproval,
    parameters: type[Any] | None,
    input_builder: StructuredToolInputBuilder | None,
    include_input_schema: bool,
    on_stream_max_pending_events: int | None,
) -> FunctionTool:
    """Build the ``FunctionTool`` behind ``Agent.as_tool`` (see its docstring)."""
    from .._run.runner import DEFAULT_MAX_TURNS, Runner

    if on_stream_max_pending_events is not None and on_stream_max_pending_events < 1:
        raise UserError("on_stream_max_pending_events must be a positive integer or None.")
    schema, validator = _input_schema(parameters)
    name = tool_name or _default_name(agent)
    schema_info = (
        build_structured_input_schema_info(schema, include_json_schema=include_input_schema)
        if parameters is not None
        else None
    )

    async def run_nested(ctx: ToolContext[Any], arguments: str) -> Any:
        paused = take_nested_state(ctx.tool_call_id)
        nested_input: Any = paused
        counted = Usage()  # what the parent already counted of a resumed nested run
        params = _parsed_arguments(arguments, validator, parameters is not None)
        if paused is not None:
            counted.add(paused.usage)
        else:
            nested_input = await resolve_agent_tool_input(params, schema_info, input_builder)
        options: dict[str, Any] = {
            "context": ctx.context,
            "max_turns": max_turns or DEFAULT_MAX_TURNS,
            "hooks": hooks,
            "run_config": run_config,
            # A resumed run continues from its own state, not from these.
            "previous_response_id": None if paused is not None else previous_response_id,
            "conversation_id": None if paused is not None else conversation_id,
            "session": session,
        }
        result: RunResult | RunResultStreaming
        if on_stream is None:
            with tool_input_for_nested_run(params, ctx):
                result = await Runner.run(agent, nested_input, **options)
        else:
            with tool_input_for_nested_run(params, ctx):
                result = Runner.run_streamed(agent, nested_input, **options)
            await _stream_to_handler(
                result, agent, ctx.tool_call, on_stream, on_stream_max_pending_events
            )
        ctx._agent_run_result = result
        # The nested run has its own usage; the caller pays for it too.
        ctx.usage.add(_usage_since(result.context_wrapper.usage, counted))
        if result.interruptions:
            return NestedRunPaused(result.to_state())
        if custom_output_extractor is not None:
            return await custom_output_extractor(result)
        output = result.final_output
        if isinstance(output, pydantic.BaseModel):
            return output.model_dump_json()
        if dataclasses.is_dataclass(output) and not isinstance(output, type):
            return json.dumps(dataclasses.asdict(output))
        return output if output is not None else ItemHelpers.text_message_outputs(result.new_items)

    async def invoke(ctx: ToolContext[Any], arguments: str) -> Any:
        try:
            return await run_nested(ctx, arguments)
        except Exception as exc:
            if failure_error_function is None:
                raise
            message = failure_error_function(ctx, exc)
            return await message if inspect.isawaitable(message) else message

    return FunctionTool(
        name=name,
        description=tool_description or agent.handoff_description or "",
        params_json_schema=schema,
        on_invoke_tool=invoke,
        is_enabled=is_enabled,
        needs_approval=needs_approval,
        _is_agent_tool=True,
        _agent_instance=agent,
    )


def _usage_since(total: Usage, counted: Usage) -> Usage:
    """``total`` less what was ``counted`` already."""
    return Usage(
        requests=total.requests - counted.requests,
        input_tokens=total.input_tokens - counted.input_tokens,
        input_tokens_details=InputTokensDetails(
            total.input_tokens_details.cached_tokens - counted.input_tokens_details.cached_tokens
        ),
        output_tokens=total.output_tokens - counted.output_tokens,
        output_tokens_details=OutputTokensDetails(
            total.output_tokens_details.reasoning_tokens
            - counted.output_tokens_details.reasoning_tokens
        ),
        total_tokens=total.total_tokens - counted.total_tokens,
        request_usage_entries=total.request_usage_entries[len(counted.request_usage_entries) :],
    )
