"""The steps of one turn: prepare the call, call the model, read its output, decide what's next."""

from __future__ import annotations

import dataclasses
import inspect
from typing import TYPE_CHECKING, Any

from ._agent import FunctionToolResult, ToolsToFinalOutputResult
from ._items import (
    ItemHelpers,
    MessageOutputItem,
    ModelResponse,
    ReasoningItem,
    ResponseFunctionToolCall,
    ResponseOutputMessage,
    ResponseReasoningItem,
    RunItem,
    ToolCallItem,
    ToolCallOutputItem,
)
from ._model import Model, ModelTracing
from ._model_settings import ModelSettings
from ._output_schema import AgentOutputSchemaBase, output_schema_for
from ._stream_events import RawResponsesStreamEvent, RunItemStreamEvent
from ._tool_execution import ToolRun
from ._tools import FunctionTool, LocalCallTool, Tool
from ._usage import Usage
from .exceptions import ModelBehaviorError, UserError

if TYPE_CHECKING:
    from ._agent import Agent
    from ._run_state import RunInProgress

__all__ = (
    "NextStep",
    "PreparedTurn",
    "ProcessedOutput",
    "call_model",
    "decide_next_step",
    "prepare_turn",
    "process_output",
)

_NOT_FINAL = ToolsToFinalOutputResult(is_final_output=False)


class PreparedTurn:
    """What the model is called with this turn."""

    __slots__ = (
        "local_tools",
        "model",
        "model_settings",
        "output_schema",
        "system_prompt",
        "tools",
        "tools_by_name",
    )

    def __init__(
        self,
        model: Model,
        system_prompt: str | None,
        tools: list[Tool],
        tools_by_name: dict[str, Tool],
        output_schema: AgentOutputSchemaBase | None,
        model_settings: ModelSettings,
    ) -> None:
        self.model = model
        self.system_prompt = system_prompt
        self.tools = tools
        self.tools_by_name = tools_by_name
        self.output_schema = output_schema
        self.model_settings = model_settings
        self.local_tools: dict[str, LocalCallTool] = {
            tool.call_item_type: tool for tool in tools if isinstance(tool, LocalCallTool)
        }


class ProcessedOutput:
    """The model's output, read: the run items it makes and the tools to run."""

    __slots__ = ("items", "last_message", "tool_runs")

    def __init__(
        self,
        items: list[RunItem],
        tool_runs: list[ToolRun],
        last_message: ResponseOutputMessage | None,
    ) -> None:
        self.items = items
        self.tool_runs = tool_runs
        self.last_message = last_message


class NextStep:
    """Whether the run ends with ``final_output`` or goes on to another turn."""

    __slots__ = ("final_output", "is_final")

    def __init__(self, is_final: bool, final_output: Any = None) -> None:
        self.is_final = is_final
        self.final_output = final_output


def _resolve_model(agent: Agent[Any], run: RunInProgress) -> Model:
    config = run.run_config
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
    if run.run_config.model_settings is not None:
        settings = settings.resolve(run.run_config.model_settings)
    if (
        agent.reset_tool_choice
        and settings.tool_choice not in (None, "auto", "none")
        and id(agent) in run.agents_that_used_tools
    ):
        # A forced tool choice would make the model call tools forever: after the agent has
        # used a tool once, let the model choose.
        settings = dataclasses.replace(settings, tool_choice=None)
    return settings


async def prepare_turn(run: RunInProgress, agent: Agent[Any]) -> PreparedTurn:
    """Gather the model, instructions, enabled tools, output schema and settings for this turn."""
    system_prompt = await agent.get_system_prompt(run.context_wrapper)
    tools = await agent.get_all_tools(run.context_wrapper)
    tools_by_name: dict[str, Tool] = {}
    for tool in tools:
        if tool.name in tools_by_name:
            raise UserError(
                f"Agent '{agent.name}' has two tools named '{tool.name}'; tool names must be "
                "unique (use function_tool(name_override=...) to rename one)."
            )
        tools_by_name[tool.name] = tool
    return PreparedTurn(
        model=_resolve_model(agent, run),
        system_prompt=system_prompt,
        tools=tools,
        tools_by_name=tools_by_name,
        output_schema=output_schema_for(agent.output_type),
        model_settings=_model_settings(agent, run),
    )


def _tracing(run: RunInProgress) -> ModelTracing:
    if run.run_config.tracing_disabled:
        return ModelTracing.DISABLED
    if run.run_config.trace_include_sensitive_data:
        return ModelTracing.ENABLED
    return ModelTracing.ENABLED_WITHOUT_DATA


async def call_model(run: RunInProgress, agent: Agent[Any], turn: PreparedTurn) -> ModelResponse:
    """Call the model (streaming its events to the result when the run is streamed)."""
    model_input = run.model_input()
    run.context_wrapper.turn_input = model_input
    await _llm_hooks(run, agent, "on_llm_start", turn.system_prompt, model_input)
    arguments: dict[str, Any] = {
        "system_instructions": turn.system_prompt,
        "input": model_input,
        "model_settings": turn.model_settings,
        "tools": turn.tools,
        "output_schema": turn.output_schema,
        "handoffs": [],
        "tracing": _tracing(run),
        "previous_response_id": run.previous_response_id,
        "conversation_id": run.conversation_id,
        "prompt": None,
    }
    if run.streamed is None:
        response = await turn.model.get_response(**arguments)
    else:
        response = await _stream_model(run, turn.model, arguments)
    run.context_wrapper.usage.add(response.usage)
    run.model_responses.append(response)
    if run.previous_response_id is not None and response.response_id is not None:
        run.previous_response_id = response.response_id
    await _llm_hooks(run, agent, "on_llm_end", response)
    return response


async def _stream_model(
    run: RunInProgress, model: Model, arguments: dict[str, Any]
) -> ModelResponse:
    assert run.streamed is not None
    emit = run.streamed._emit
    completed: ModelResponse | None = None
    async for event in model.stream_response(**arguments):
        emit(RawResponsesStreamEvent(data=event))
        if event.type == "response.completed":
            response = event.response  # type: ignore[union-attr]  # typed by its "type" tag
            usage = response.usage.to_usage() if response.usage is not None else None
            completed = ModelResponse(
                output=list(response.output),
                usage=usage if usage is not None else Usage(requests=1),
                response_id=response.id,
            )
    if completed is None:
        raise ModelBehaviorError(
            "The model's stream ended before its 'response.completed' event; the response is "
            "incomplete and was not used."
        )
    return completed


async def _llm_hooks(run: RunInProgress, agent: Agent[Any], name: str, *args: Any) -> None:
    if run.run_hooks_override(name):
        await getattr(run.hooks, name)(run.context_wrapper, agent, *args)
    if run.agent_hooks_override(agent, name):
        await getattr(agent.hooks, name)(run.context_wrapper, agent, *args)


def _unknown_tool(run: RunInProgress, agent: Agent[Any], call: ResponseFunctionToolCall) -> RunItem:
    available = ", ".join(sorted(t.name for t in agent.tools)) or "none"
    message = (
        f"Tool '{call.name}' not found in agent '{agent.name}' (available tools: {available})."
    )
    if run.run_config.tool_not_found_behavior == "raise_error":
        raise ModelBehaviorError(message)
    return ToolCallOutputItem(
        agent=agent,
        raw_item=ItemHelpers.tool_call_output_item(call, message),
        output=message,
    )


def process_output(
    run: RunInProgress, agent: Agent[Any], turn: PreparedTurn, response: ModelResponse
) -> ProcessedOutput:
    """Turn the model's output into run items and the list of tool calls to execute."""
    items: list[RunItem] = []
    tool_runs: list[ToolRun] = []
    unknown_outputs: list[RunItem] = []
    last_message: ResponseOutputMessage | None = None
    for output in response.output:
        if isinstance(output, ResponseOutputMessage):
            items.append(MessageOutputItem(agent=agent, raw_item=output))
            last_message = output
        elif isinstance(output, ResponseFunctionToolCall):
            items.append(ToolCallItem(agent=agent, raw_item=output))
            tool = turn.tools_by_name.get(output.name)
            if isinstance(tool, FunctionTool):
                tool_runs.append(ToolRun(output, tool))
            else:
                unknown_outputs.append(_unknown_tool(run, agent, output))
        elif isinstance(output, ResponseReasoningItem):
            items.append(ReasoningItem(agent=agent, raw_item=output))
        else:
            # Provider-executed items (hosted tool calls and the like) are recorded as they are;
            # call items of a local tool (computer use, shell) are run here.
            items.append(ToolCallItem(agent=agent, raw_item=output))
            local = turn.local_tools.get(output.type)
            if local is not None:
                tool_runs.append(ToolRun(output, local))
    add_items(run, items)
    # The provider holds its own output from here on; only what follows is new to it.
    run.sent_item_count = len(run.new_items)
    add_items(run, unknown_outputs)
    items.extend(unknown_outputs)
    if tool_runs:
        run.agents_that_used_tools.add(id(agent))
    return ProcessedOutput(items=items, tool_runs=tool_runs, last_message=last_message)


_EVENT_NAMES = {
    "message_output_item": "message_output_created",
    "tool_call_item": "tool_called",
    "tool_call_output_item": "tool_output",
    "reasoning_item": "reasoning_item_created",
}


def add_items(run: RunInProgress, items: list[RunItem]) -> None:
    """Append items to the run (and announce them on the stream)."""
    run.new_items.extend(items)
    if run.streamed is not None:
        for item in items:
            run.streamed._emit(RunItemStreamEvent(name=_EVENT_NAMES[item.type], item=item))  # type: ignore[arg-type]


async def _tool_use_decision(
    run: RunInProgress, agent: Agent[Any], results: list[FunctionToolResult]
) -> ToolsToFinalOutputResult:
    behavior = agent.tool_use_behavior
    if behavior == "run_llm_again":
        return _NOT_FINAL
    if behavior == "stop_on_first_tool":
        return ToolsToFinalOutputResult(is_final_output=True, final_output=results[0].output)
    if isinstance(behavior, dict):
        names = behavior["stop_at_tool_names"]
        for result in results:
            if result.tool.name in names:
                return ToolsToFinalOutputResult(is_final_output=True, final_output=result.output)
        return _NOT_FINAL
    decision = behavior(run.context_wrapper, results)
    if inspect.isawaitable(decision):
        decision = await decision
    if not isinstance(decision, ToolsToFinalOutputResult):
        raise UserError(
            f"Agent '{agent.name}': the tool_use_behavior function must return a "
            f"ToolsToFinalOutputResult, got {type(decision).__name__}."
        )
    return decision


async def decide_next_step(
    run: RunInProgress,
    agent: Agent[Any],
    turn: PreparedTurn,
    processed: ProcessedOutput,
    results: list[FunctionToolResult],
) -> NextStep:
    """Final output or another turn, from what the model said and what the tools returned."""
    if results:
        decision = await _tool_use_decision(run, agent, results)
        if decision.is_final_output:
            return NextStep(is_final=True, final_output=decision.final_output)
        return NextStep(is_final=False)
    if processed.tool_runs or any(isinstance(i, ToolCallOutputItem) for i in processed.items):
        return NextStep(is_final=False)
    message = processed.last_message
    if message is None:
        # Only reasoning or provider-side items: give the model another turn to answer.
        return NextStep(is_final=False)
    if turn.output_schema is None:
        refusal = ItemHelpers.extract_refusal(message)
        text = ItemHelpers.extract_text(message)
        return NextStep(is_final=True, final_output=text if text is not None else refusal or "")
    text = ItemHelpers.extract_text(message)
    if text is None:
        refusal = ItemHelpers.extract_refusal(message)
        raise ModelBehaviorError(
            f"Agent '{agent.name}' expected structured output ({turn.output_schema.name()}) but "
            + (f"the model refused: {refusal}" if refusal else "the model's message had no text.")
        )
    return NextStep(is_final=True, final_output=turn.output_schema.validate_json(text))
