"""``Agent.as_tool``: an agent run as a function tool of another agent."""

from __future__ import annotations

import dataclasses
import inspect
import json
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import pydantic

from .._base.run_context import RunContextWrapper, ToolContext
from .._base.strict_schema import ensure_strict_json_schema
from .._base.usage import InputTokensDetails, OutputTokensDetails, Usage
from .._items.items import ItemHelpers
from .._tools.function_schema import function_schema
from .._tools.tools import FunctionTool, NeedsApproval, ToolErrorFunction
from ..exceptions import ModelBehaviorError
from .nested_runs import NestedRunPaused, take_nested_state

if TYPE_CHECKING:
    from .._run.config import RunConfig
    from .._run.results import RunResult, RunResultStreaming
    from .agent import Agent, AgentToolStreamEvent
    from .hooks import RunHooks

__all__ = ("agent_as_tool",)


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


async def _nested_input(arguments: str, validator: Any, structured: bool) -> str:
    try:
        if structured:
            validator.validate_json(arguments or "{}")
            return arguments
        return str(validator.model_validate_json(arguments or "{}").input)
    except pydantic.ValidationError as exc:
        raise ModelBehaviorError(
            "Invalid arguments for an agent tool: "
            + "; ".join(e["msg"] for e in exc.errors(include_url=False)[:3])
        ) from exc


def agent_as_tool(
    agent: Agent[Any],
    *,
    tool_name: str | None,
    tool_description: str | None,
    custom_output_extractor: Callable[[RunResult | RunResultStreaming], Awaitable[str]] | None,
    is_enabled: bool | Callable[[RunContextWrapper[Any], Agent[Any]], Any],
    on_stream: Callable[[AgentToolStreamEvent], Any] | None,
    run_config: RunConfig | None,
    max_turns: int | None,
    hooks: RunHooks[Any] | None,
    failure_error_function: ToolErrorFunction | None,
    needs_approval: bool | NeedsApproval,
    parameters: type[Any] | None,
) -> FunctionTool:
    """Build the ``FunctionTool`` behind ``Agent.as_tool`` (see its docstring)."""
    from .._run.runner import DEFAULT_MAX_TURNS, Runner
    from .agent import AgentToolStreamEvent

    schema, validator = _input_schema(parameters)
    name = tool_name or _default_name(agent)

    async def run_nested(ctx: ToolContext[Any], arguments: str) -> Any:
        paused = take_nested_state(ctx.tool_call_id)
        nested_input: Any = paused
        counted = Usage()  # what the parent already counted of a resumed nested run
        if paused is not None:
            counted.add(paused.usage)
        else:
            nested_input = await _nested_input(arguments, validator, parameters is not None)
        options: dict[str, Any] = {
            "context": ctx.context,
            "max_turns": max_turns or DEFAULT_MAX_TURNS,
            "hooks": hooks,
            "run_config": run_config,
        }
        result: RunResult | RunResultStreaming
        if on_stream is None:
            result = await Runner.run(agent, nested_input, **options)
        else:
            result = Runner.run_streamed(agent, nested_input, **options)
            async for event in result.stream_events():
                delivered = on_stream(AgentToolStreamEvent(event, agent, ctx.tool_call))
                if inspect.isawaitable(delivered):
                    await delivered
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
    )
