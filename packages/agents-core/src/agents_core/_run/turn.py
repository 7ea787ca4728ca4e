"""The first half of a turn: prepare the call, call the model, read its output into run items."""

from __future__ import annotations

import asyncio
import dataclasses
import inspect
from typing import TYPE_CHECKING, Any

from .._base.logging import log
from .._base.model_settings import ModelSettings
from .._base.output_schema import AgentOutputSchemaBase, output_schema_for
from .._items.items import (
    HandoffCallItem,
    ItemHelpers,
    MCPApprovalRequestItem,
    MCPListToolsItem,
    MessageOutputItem,
    ModelResponse,
    ReasoningItem,
    ResponseFunctionToolCall,
    ResponseOutputMessage,
    ResponseReasoningItem,
    RunItem,
    ToolCallItem,
    ToolCallOutputItem,
    TResponseInputItem,
    completed_model_response,
)
from .._items.stream_events import RunItemStreamEvent
from .._items.stream_types import ResponseEventStream
from .._memory.history import paired_history
from .._models.defaults import initial_model_settings
from .._models.interface import Model, ModelTracing
from .._tools.tools import FunctionTool, LocalCallTool, Tool, is_local_call_tool
from ..exceptions import (
    InputGuardrailTripwireTriggered,
    ModelBehaviorError,
    ModelTimeoutError,
    UserError,
)
from .progress import call_hooks

if TYPE_CHECKING:
    from .._agents.agent import Agent
    from .._agents.guardrails import InputGuardrail, InputGuardrailResult
    from .._agents.handoffs import Handoff
    from .progress import RunInProgress

__all__ = ("PreparedTurn", "add_items", "call_model", "prepare_turn", "process_output")


class PreparedTurn:
    """What the model is called with this turn, and how its calls map to tools and handoffs."""

    __slots__ = (
        "handoffs",
        "handoffs_by_name",
        "local_tools",
        "model",
        "model_settings",
        "output_schema",
        "prompt",
        "system_prompt",
        "tools",
        "tools_by_name",
    )

    def __init__(
        self,
        model: Model,
        system_prompt: str | None,
        tools: list[Tool],
        handoffs: list[Handoff[Any]],
        output_schema: AgentOutputSchemaBase | None,
        model_settings: ModelSettings,
    ) -> None:
        self.model = model
        self.system_prompt = system_prompt
        self.tools = tools
        self.handoffs = handoffs
        self.output_schema = output_schema
        self.model_settings = model_settings
        self.prompt: Any = None
        self.tools_by_name: dict[str, Tool] = {tool.name: tool for tool in tools}
        self.handoffs_by_name = {handoff.tool_name: handoff for handoff in handoffs}
        self.local_tools: dict[str, list[LocalCallTool]] = {}
        for tool in tools:
            if is_local_call_tool(tool):
                self.local_tools.setdefault(tool.call_item_type, []).append(tool)


def _resolve_model(agent: Agent[Any], run: RunInProgress) -> Model:
    config = run.run_config
    if config.model is not None:  # (the ABC check below is dear, and most runs set none)
        if isinstance(config.model, Model):
            return config.model
        if isinstance(config.model, str):
            return config.model_provider.get_model(config.model)
    if isinstance(agent.model, Model):
        return agent.model
    if agent.model is None or isinstance(agent.model, str):
        return config.model_provider.get_model(agent.model)
    raise UserError(
        f"Agent '{agent.name}': model must be a model name or a Model, got {type(agent.model)}."
    )


def _model_settings(agent: Agent[Any], run: RunInProgress) -> ModelSettings:
    settings = agent.model_settings
    run_model = run.run_config.model
    if run_model is not None and settings == initial_model_settings(agent.model):
        # The agent kept its model's starting settings but the run chose another model: start
        # from that model's.
        settings = initial_model_settings(run_model)
    if run.run_config.model_settings is not None:
        settings = settings.resolve(run.run_config.model_settings)
    if (
        agent.reset_tool_choice
        and settings.tool_choice not in (None, "auto", "none")
        and agent.name in run.agents_that_used_tools
    ):
        # A forced tool choice would make the model call tools forever: after the agent has
        # used a tool once, let the model choose.
        settings = dataclasses.replace(settings, tool_choice=None)
    return settings


async def _enabled_handoffs(run: RunInProgress, agent: Agent[Any]) -> list[Handoff[Any]]:
    from .._agents.handoffs import as_handoff  # loaded only by agents that hand off

    enabled: list[Handoff[Any]] = []
    for target in agent.handoffs:
        handoff = as_handoff(target)
        flag = handoff.is_enabled
        if callable(flag):
            flag = flag(run.context_wrapper, agent)
            if inspect.isawaitable(flag):
                flag = await flag
        if flag:
            enabled.append(handoff)
    return enabled


def _without_name_collisions(
    run: RunInProgress, agent: Agent[Any], tools: list[Tool], handoffs: list[Handoff[Any]]
) -> tuple[list[Tool], list[Handoff[Any]]]:
    """The model calls function tools and handoffs by name, so a name must mean one of them:
    with ``tool_name_collision_policy="warn"`` the last handoff of that name (or the last tool)
    is kept and the others are not offered; with ``"error"``, ``UserError``."""
    owners: dict[str, list[Tool | Handoff[Any]]] = {}
    for tool in tools:
        if isinstance(tool, FunctionTool):
            owners.setdefault(tool.name, []).append(tool)
    for handoff in handoffs:
        owners.setdefault(handoff.tool_name, []).append(handoff)
    dropped: list[Any] = []
    for name, entries in owners.items():
        if len(entries) < 2:
            continue
        message = (
            f"Agent '{agent.name}' has {len(entries)} tools or handoffs named '{name}'; give "
            "each a unique name (function_tool(name_override=...), "
            "handoff(tool_name_override=...))."
        )
        if run.run_config.tool_name_collision_policy == "error":
            raise UserError(message)
        log().warning("tool name collision", agent=agent.name, tool=name, count=len(entries))
        kept = [e for e in entries if not isinstance(e, FunctionTool)][-1:] or entries[-1:]
        dropped.extend(e for e in entries if e is not kept[0])
    if not dropped:
        return tools, handoffs
    return (
        [t for t in tools if not any(t is d for d in dropped)],
        [h for h in handoffs if not any(h is d for d in dropped)],
    )


async def prepare_turn(run: RunInProgress, agent: Agent[Any]) -> PreparedTurn:
    """Gather the model, instructions, enabled tools and handoffs, schema and settings."""
    system_prompt = await agent.get_system_prompt(run.context_wrapper)
    tools = await agent.get_all_tools(run.context_wrapper)
    handoffs = await _enabled_handoffs(run, agent) if agent.handoffs else []
    if handoffs or len(tools) > 1:
        tools, handoffs = _without_name_collisions(run, agent, tools, handoffs)
    turn = PreparedTurn(
        model=_resolve_model(agent, run),
        system_prompt=system_prompt,
        tools=tools,
        handoffs=handoffs,
        output_schema=output_schema_for(agent.output_type),
        model_settings=_model_settings(agent, run),
    )
    if agent.prompt is not None:
        turn.prompt = await agent.get_prompt(run.context_wrapper)
    return turn


def _tracing(run: RunInProgress) -> ModelTracing:
    if run.run_config.tracing_disabled:
        return ModelTracing.DISABLED
    if run.run_config.trace_include_sensitive_data:
        return ModelTracing.ENABLED
    return ModelTracing.ENABLED_WITHOUT_DATA


async def _filtered_input(
    run: RunInProgress,
    agent: Agent[Any],
    model_input: list[TResponseInputItem],
    system_prompt: str | None,
) -> tuple[list[TResponseInputItem], str | None]:
    from .config import CallModelData, ModelInputData

    assert run.run_config.call_model_input_filter is not None
    data = CallModelData(
        model_data=ModelInputData(input=list(model_input), instructions=system_prompt),
        agent=agent,
        context=run.context_wrapper.context,
    )
    filtered = run.run_config.call_model_input_filter(data)
    if inspect.isawaitable(filtered):
        filtered = await filtered
    if not isinstance(filtered, ModelInputData):
        raise UserError(
            f"call_model_input_filter must return a ModelInputData, got {type(filtered).__name__}."
        )
    items = list(filtered.input)
    if not run.server_manages_history:
        # A server-side conversation holds the calls of outputs sent alone; a full history
        # must pair them itself.
        items = paired_history(items)
    return items, filtered.instructions


async def _call_with_timeout(
    run: RunInProgress, turn: PreparedTurn, arguments: dict[str, Any]
) -> ModelResponse:
    seconds = turn.model_settings.timeout
    assert seconds is not None
    try:
        async with asyncio.timeout(seconds):
            if run.streamed is None:
                return await turn.model.get_response(**arguments)
            return await _stream_model(run, turn.model, arguments)
    except TimeoutError:
        raise ModelTimeoutError(seconds) from None


async def call_model(run: RunInProgress, agent: Agent[Any], turn: PreparedTurn) -> ModelResponse:
    """Call the model (streaming its events to the result when the run is streamed)."""
    model_input = run.model_input()
    system_prompt = turn.system_prompt
    if run.run_config.call_model_input_filter is not None:
        model_input, system_prompt = await _filtered_input(run, agent, model_input, system_prompt)
    run.context_wrapper.turn_input = model_input
    if run.hooked(agent, "on_llm_start"):
        await call_hooks(run, agent, "on_llm_start", system_prompt, model_input)
    arguments: dict[str, Any] = {
        "system_instructions": system_prompt,
        "input": model_input,
        "model_settings": turn.model_settings,
        "tools": turn.tools,
        "output_schema": turn.output_schema,
        "handoffs": turn.handoffs,
        "tracing": _tracing(run),
        "previous_response_id": run.previous_response_id,
        "conversation_id": run.conversation_id,
        "prompt": turn.prompt,
    }
    span = run.tracing.generation(model_input, turn.model_settings, turn.model)
    try:
        if turn.model_settings.timeout is not None:
            response = await _call_with_timeout(run, turn, arguments)
        elif run.streamed is None:
            response = await turn.model.get_response(**arguments)
        else:
            response = await _stream_model(run, turn.model, arguments)
    except BaseException as exc:
        run.tracing.end_generation(span, None, exc)
        raise
    run.tracing.end_generation(span, response, None)
    if run.run_config.recorder is not None:
        run.run_config.recorder.record_model_call(
            arguments, response, streamed=run.streamed is not None
        )
    run.context_wrapper.usage.add(response.usage)
    run.model_responses.append(response)
    if response.response_id is not None and (
        run.previous_response_id is not None or run.auto_previous_response_id
    ):
        run.previous_response_id = response.response_id
    if run.hooked(agent, "on_llm_end"):
        await call_hooks(run, agent, "on_llm_end", response)
    return response


def _record_guardrail(run: RunInProgress, result: InputGuardrailResult) -> None:
    run.input_guardrail_results.append(result)
    run.tracing.guardrail(result.guardrail.get_name(), result.output.tripwire_triggered)
    if result.output.tripwire_triggered:
        raise InputGuardrailTripwireTriggered(result)


async def _run_input_guardrails(
    run: RunInProgress, tasks: list[asyncio.Future[InputGuardrailResult]]
) -> None:
    """Record each guardrail's result as it finishes; the first tripwire raises."""
    try:
        for finished in asyncio.as_completed(tasks):
            _record_guardrail(run, await finished)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


def _start_guardrails(
    run: RunInProgress, agent: Agent[Any], guardrails: list[InputGuardrail[Any]]
) -> list[asyncio.Future[InputGuardrailResult]]:
    return [
        asyncio.ensure_future(g.run(agent, run.original_input, run.context_wrapper))
        for g in guardrails
    ]


async def call_model_guarded(
    run: RunInProgress, agent: Agent[Any], turn: PreparedTurn
) -> ModelResponse:
    """``call_model``, with the run's input guardrails on its first turn.

    Guardrails with ``run_in_parallel=False`` finish before the model is called; the others run
    beside the call, and a tripwire cancels the call in flight. Parallel guardrails get one turn
    of the event loop first, so one that decides without waiting on I/O stops the run before any
    request is sent.
    """
    guardrails = []
    if run.current_turn == 1:
        guardrails = [*(run.run_config.input_guardrails or ()), *agent.input_guardrails]
    if not guardrails:
        return await call_model(run, agent, turn)
    blocking = [g for g in guardrails if not g.run_in_parallel]
    parallel = [g for g in guardrails if g.run_in_parallel]
    if blocking:
        await _run_input_guardrails(run, _start_guardrails(run, agent, blocking))
    if not parallel:
        return await call_model(run, agent, turn)
    tasks = _start_guardrails(run, agent, parallel)
    await asyncio.sleep(0)
    if all(task.done() for task in tasks):
        await _run_input_guardrails(run, tasks)
        return await call_model(run, agent, turn)
    checks = asyncio.ensure_future(_run_input_guardrails(run, tasks))
    model_call = asyncio.ensure_future(call_model(run, agent, turn))
    try:
        await asyncio.wait((checks, model_call), return_when=asyncio.FIRST_COMPLETED)
        if checks.done():
            checks.result()  # a tripwire raises here, before the model call finishes
        response = await model_call
        await checks
        return response
    finally:
        for task in (checks, model_call):
            if not task.done():
                task.cancel()
        await asyncio.gather(checks, model_call, return_exceptions=True)


async def _stream_model(
    run: RunInProgress, model: Model, arguments: dict[str, Any]
) -> ModelResponse:
    """Hand the model's stream to the run's reader as it arrives; the response is the one its
    ``response.completed`` event carries (nothing of the stream is kept once handed on)."""
    assert run.streamed is not None
    channel = run.streamed._channel
    stream = model.stream_response(**arguments)
    completed: Any = None
    if isinstance(stream, ResponseEventStream):
        # Items go to the reader as the model produced them; the reader decodes each one.
        channel.begin_stream(stream.decode)
        put_all = channel.put_all
        async for batch in stream.batches():
            if put_all(batch):
                await channel.room()
        if channel.reading:
            # Act on the reply only once the reader has decoded all of it: an event that does
            # not decode fails the run before anything comes of the reply.
            await channel.caught_up()
        completed = stream.completed
    else:
        channel.begin_stream(None)
        put = channel.put
        async for event in stream:
            if put(event):
                await channel.room()
            if event.type == "response.completed":
                completed = event
    if completed is None:
        raise ModelBehaviorError(
            "The model's stream ended before its 'response.completed' event; the response is "
            "incomplete and was not used."
        )
    return completed_model_response(completed.response)


async def _unknown_tool(
    run: RunInProgress, agent: Agent[Any], call: ResponseFunctionToolCall
) -> RunItem:
    available = ", ".join(sorted(t.name for t in agent.tools)) or "none"
    message = (
        f"Tool '{call.name}' not found in agent '{agent.name}' (available tools: {available})."
    )
    if run.run_config.tool_not_found_behavior == "raise_error":
        raise ModelBehaviorError(message)
    if run.run_config.tool_error_formatter is not None:
        from .tool_errors import formatted_tool_error

        message = await formatted_tool_error(
            run,
            kind="tool_not_found",
            tool_name=call.name,
            call_id=call.call_id,
            default_message=message,
        )
    return ToolCallOutputItem(
        agent=agent,
        raw_item=ItemHelpers.tool_call_output_item(call, message),
        output=message,
    )


async def process_output(
    run: RunInProgress, agent: Agent[Any], turn: PreparedTurn, response: ModelResponse
) -> None:
    """Turn the model's output into run items (tool calls are run later, by ``finish_turn``)."""
    items: list[RunItem] = []
    unknown_outputs: list[RunItem] = []
    for output in response.output:
        if isinstance(output, ResponseOutputMessage):
            items.append(MessageOutputItem(agent=agent, raw_item=output))
        elif isinstance(output, ResponseFunctionToolCall):
            if output.name in turn.handoffs_by_name:
                items.append(HandoffCallItem(agent=agent, raw_item=output))
                continue
            items.append(ToolCallItem(agent=agent, raw_item=output))
            if not isinstance(turn.tools_by_name.get(output.name), FunctionTool):
                unknown_outputs.append(await _unknown_tool(run, agent, output))
        elif isinstance(output, ResponseReasoningItem):
            items.append(ReasoningItem(agent=agent, raw_item=output))
        elif output.type == "mcp_list_tools":
            items.append(MCPListToolsItem(agent=agent, raw_item=output))
        elif output.type == "mcp_approval_request":
            # Answered by its hosted MCP tool (a callback, or a person) in finish_turn.
            items.append(MCPApprovalRequestItem(agent=agent, raw_item=output))
        else:
            # Provider-executed items (hosted tool calls and the like) are recorded as they are;
            # call items of a local tool (computer use, shell) are run by finish_turn.
            items.append(ToolCallItem(agent=agent, raw_item=output))
    add_items(run, items)
    # The provider holds its own output from here on; only what follows is new to it.
    run.sent_item_count = len(run.new_items)
    add_items(run, unknown_outputs)


_EVENT_NAMES = {
    "message_output_item": "message_output_created",
    "tool_call_item": "tool_called",
    "tool_call_output_item": "tool_output",
    "reasoning_item": "reasoning_item_created",
    "handoff_call_item": "handoff_requested",
    "handoff_output_item": "handoff_occured",
    "mcp_list_tools_item": "mcp_list_tools",
    "mcp_approval_request_item": "mcp_approval_requested",
    "mcp_approval_response_item": "mcp_approval_response",
}


def add_items(run: RunInProgress, items: list[RunItem]) -> None:
    """Append items to the run (and announce them on the stream)."""
    run.new_items.extend(items)
    if run.streamed is not None:
        for item in items:
            run.streamed._emit(RunItemStreamEvent(name=_EVENT_NAMES[item.type], item=item))  # type: ignore[arg-type]
