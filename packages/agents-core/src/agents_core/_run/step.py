"""The second half of a turn: approvals, tools, handoffs, and what comes next.

A turn's outstanding work is read from its own items (tool calls without outputs, handoff calls
without outputs), so a turn paused for approval is finished the same way after the run is
loaded back from a saved ``RunState``.
"""

from __future__ import annotations

import asyncio
import inspect
from typing import TYPE_CHECKING, Any

from .._agents.agent import FunctionToolResult, ToolsToFinalOutputResult
from .._agents.nested_runs import NestedRunPaused
from .._base.run_context import ToolContext
from .._items.items import (
    HandoffCallItem,
    HandoffOutputItem,
    ItemHelpers,
    MCPApprovalRequestItem,
    MCPApprovalResponseItem,
    MessageOutputItem,
    ResponseFunctionToolCall,
    ResponseOutputMessage,
    RunItem,
    ToolApprovalItem,
    ToolCallItem,
    ToolCallOutputItem,
    local_call_output_item,
)
from .._memory.history import paired_history
from .._tools.approvals import DEFAULT_REJECTION_MESSAGE, requires_approval
from .._tools.tools import FunctionTool, LocalCallTool, is_local_call_tool
from ..exceptions import (
    ModelBehaviorError,
    ModelRefusalError,
    OutputGuardrailTripwireTriggered,
    UserError,
)
from .config import ToolExecutionConfig
from .tool_errors import formatted_tool_error
from .tool_execution import ToolRun, execute_tool_runs, input_guardrail_verdict
from .turn import PreparedTurn, add_items

if TYPE_CHECKING:
    from .._agents.agent import Agent
    from .._agents.handoffs import Handoff
    from .progress import RunInProgress

__all__ = ("InvalidFinalOutput", "NextStep", "finish_turn", "run_output_guardrails")

_NOT_FINAL = ToolsToFinalOutputResult(is_final_output=False)


class NextStep:
    """How the run goes on: a final output, another turn, a new agent, or a pause for approval."""

    __slots__ = ("final_output", "kind", "new_agent")

    def __init__(self, kind: str, final_output: Any = None, new_agent: Any = None) -> None:
        self.kind = kind  # "final", "again", "handoff" or "interrupted"
        self.final_output = final_output
        self.new_agent = new_agent


class _TurnWork:
    """What a turn's items still ask for."""

    __slots__ = ("function_results", "handoff_calls", "last_message", "tool_activity", "tool_runs")

    def __init__(self) -> None:
        self.tool_runs: list[ToolRun] = []
        self.handoff_calls: list[HandoffCallItem] = []
        self.function_results: list[FunctionToolResult] = []
        self.last_message: ResponseOutputMessage | None = None
        self.tool_activity = False


def _read_turn(turn_items: list[RunItem], turn: PreparedTurn) -> _TurnWork:
    work = _TurnWork()
    answered: dict[str, RunItem] = {}
    for item in turn_items:
        if isinstance(item, ToolCallOutputItem | HandoffOutputItem | MCPApprovalResponseItem):
            raw = item.raw_item
            answered[str(raw.get("call_id") or raw.get("approval_request_id"))] = item
    for item in turn_items:
        if isinstance(item, MessageOutputItem):
            work.last_message = item.raw_item
        elif isinstance(item, HandoffCallItem):
            if item.raw_item.call_id not in answered:
                work.handoff_calls.append(item)
        elif isinstance(item, ToolCallItem | MCPApprovalRequestItem):
            _read_call(item, turn, answered, work)
        elif isinstance(item, ToolCallOutputItem | MCPApprovalResponseItem):
            work.tool_activity = True
    return work


def _read_call(
    item: ToolCallItem | MCPApprovalRequestItem,
    turn: PreparedTurn,
    answered: dict[str, RunItem],
    work: _TurnWork,
) -> None:
    call = item.raw_item
    if isinstance(call, ResponseFunctionToolCall):
        tool = turn.tools_by_name.get(call.name)
        if not isinstance(tool, FunctionTool):
            return
        work.tool_activity = True
        done = answered.get(call.call_id)
        if done is None:
            work.tool_runs.append(ToolRun(call, tool))
        elif isinstance(done, ToolCallOutputItem):
            work.function_results.append(FunctionToolResult(tool, done.output, done))
        return
    local = next((t for t in turn.local_tools.get(call.type, ()) if t.handles(call)), None)
    call_id = getattr(call, "call_id", None) or getattr(call, "id", None)
    if local is not None:
        work.tool_activity = True
        if call_id not in answered:
            work.tool_runs.append(ToolRun(call, local))


async def _sort_by_approval(
    run: RunInProgress, agent: Agent[Any], tool_runs: list[ToolRun]
) -> tuple[list[ToolRun], list[ToolApprovalItem]]:
    """Reject what was rejected (recording the message); return what may run and what waits."""
    ready: list[ToolRun] = []
    waiting: list[ToolApprovalItem] = []
    rejected: list[RunItem] = []
    for tool_run in tool_runs:
        tool, call = tool_run.tool, tool_run.call
        if is_local_call_tool(tool):
            if not tool.approval_required(call):
                ready.append(tool_run)
            else:
                answer = await _local_decision(run, agent, tool, call, waiting)
                if answer is not None:
                    rejected.append(answer)
            continue
        if not isinstance(tool, FunctionTool) or not isinstance(call, ResponseFunctionToolCall):
            ready.append(tool_run)
            continue
        if not await requires_approval(tool, run.context_wrapper, call.arguments, call.call_id):
            ready.append(tool_run)
            continue
        decision = run.approvals.decision(tool.name, call.call_id)
        if decision is None:
            blocked = await _blocked_before_approval(run, agent, tool, call)
            if blocked is None:
                waiting.append(ToolApprovalItem(agent=agent, raw_item=call, tool_name=tool.name))
                continue
            message = blocked
        elif decision:
            ready.append(tool_run)
            continue
        else:
            message = run.approvals.rejected.get(call.call_id) or await formatted_tool_error(
                run,
                kind="approval_rejected",
                tool_name=tool.name,
                call_id=call.call_id,
                default_message=DEFAULT_REJECTION_MESSAGE,
            )
        rejected.append(
            ToolCallOutputItem(
                agent=agent,
                raw_item=ItemHelpers.tool_call_output_item(call, message),
                output=message,
            )
        )
    add_items(run, rejected)
    return ready, waiting


async def _blocked_before_approval(
    run: RunInProgress, agent: Agent[Any], tool: FunctionTool, call: ResponseFunctionToolCall
) -> str | None:
    """With ``pre_approval_tool_input_guardrails``, what the tool's input guardrails reject a
    call with before it reaches a person (None: it waits for approval)."""
    config = run.run_config.tool_execution
    if not (
        tool.tool_input_guardrails
        and isinstance(config, ToolExecutionConfig)
        and config.pre_approval_tool_input_guardrails
    ):
        return None
    return await input_guardrail_verdict(run, agent, tool, call)


async def _local_decision(
    run: RunInProgress,
    agent: Agent[Any],
    tool: LocalCallTool,
    call: Any,
    waiting: list[ToolApprovalItem],
) -> RunItem | None:
    """A local call that needs a person: its answer once decided, else it joins ``waiting``."""
    pending = ToolApprovalItem(agent=agent, raw_item=call, tool_name=tool.name)
    decision = run.approvals.decision(tool.name, pending.call_id)
    if decision is None:
        waiting.append(pending)
        return None
    message = None if decision else run.approvals.rejected.get(pending.call_id)
    context = ToolContext.from_run_context(
        run.context_wrapper,
        tool_name=tool.name,
        tool_call_id=pending.call_id,
        tool_arguments=pending.arguments or "",
        agent=agent,
    )
    answer = await tool.answer_approval(context, call, decision, message)
    return local_call_output_item(agent, answer, answer.get("approve"))


async def finish_turn(run: RunInProgress, agent: Agent[Any], turn: PreparedTurn) -> NextStep:
    """Run what the turn's items ask for, then decide how the run goes on."""
    work = _read_turn(run.new_items[run.turn_start :], turn)
    waiting: list[ToolApprovalItem] = []
    outcomes: list[FunctionToolResult | NestedRunPaused] = []
    if work.tool_runs:  # (a turn that only answers makes no coroutines for its tools)
        ready, waiting = await _sort_by_approval(run, agent, work.tool_runs)
        outcomes = await execute_tool_runs(run, agent, ready)
    results = [r for r in outcomes if isinstance(r, FunctionToolResult)]
    add_items(run, [result.run_item for result in results])
    if work.tool_runs:
        run.agents_that_used_tools.add(agent.name)
    if len(results) < len(outcomes):
        for paused in outcomes:
            if isinstance(paused, NestedRunPaused):
                run.nested_runs[paused.call_id] = paused.state
                waiting.extend(paused.interruptions)
    if waiting:
        run.interruptions = waiting
        return NextStep("interrupted")
    run.interruptions = []
    function_results = work.function_results + [
        r for r in results if isinstance(r.tool, FunctionTool)
    ]
    if work.handoff_calls:
        new_agent = await _hand_off(run, agent, turn, work.handoff_calls)
        return NextStep("handoff", new_agent=new_agent)
    if function_results:
        decision = await _tool_use_decision(run, agent, function_results)
        if decision.is_final_output:
            return NextStep("final", decision.final_output)
        return NextStep("again")
    if work.tool_activity or results:
        return NextStep("again")
    return _from_message(agent, turn, work.last_message)


class InvalidFinalOutput(ModelBehaviorError):
    """The model's final answer does not match the agent's output type (an error handler of
    kind ``invalid_final_output`` may replace it)."""


def _from_message(
    agent: Agent[Any], turn: PreparedTurn, message: ResponseOutputMessage | None
) -> NextStep:
    if message is None:
        # Only reasoning or provider-side items: give the model another turn to answer.
        return NextStep("again")
    refusal = ItemHelpers.extract_refusal(message)
    if refusal:
        raise ModelRefusalError(refusal)
    text = ItemHelpers.extract_text(message)
    if turn.output_schema is None:
        return NextStep("final", text or "")
    if text is None:
        raise InvalidFinalOutput(
            f"Agent '{agent.name}' expected structured output ({turn.output_schema.name()}) but "
            "the model's message had no text."
        )
    try:
        return NextStep("final", turn.output_schema.validate_json(text))
    except ModelBehaviorError as exc:
        raise InvalidFinalOutput(str(exc)) from exc


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


async def _hand_off(
    run: RunInProgress, agent: Agent[Any], turn: PreparedTurn, calls: list[HandoffCallItem]
) -> Agent[Any]:
    first, *extra = calls
    call = first.raw_item
    handoff = turn.handoffs_by_name[call.name]
    new_agent = await handoff.on_invoke_handoff(run.context_wrapper, call.arguments)
    ignored = [
        ToolCallOutputItem(
            agent=agent,
            raw_item=ItemHelpers.tool_call_output_item(other.raw_item, _IGNORED),
            output=_IGNORED,
        )
        for other in extra
    ]
    output = HandoffOutputItem(
        agent=agent,
        raw_item=ItemHelpers.tool_call_output_item(call, handoff.get_transfer_message(new_agent)),
        source_agent=agent,
        target_agent=new_agent,
    )
    add_items(run, [output, *ignored])
    run.tracing.handoff(agent.name, new_agent.name)
    if run.run_hooks_override("on_handoff"):
        await run.hooks.on_handoff(run.context_wrapper, agent, new_agent)  # type: ignore[union-attr]
    if run.agent_hooks_override(new_agent, "on_handoff"):
        await new_agent.hooks.on_handoff(run.context_wrapper, new_agent, agent)  # type: ignore[union-attr]
    await _filter_history(run, handoff)
    return new_agent


_IGNORED = "Multiple handoffs were requested in one turn; only the first was carried out."


def _input_filter(run: RunInProgress, handoff: Handoff[Any]) -> Any:
    """The filter for this handoff: its own, the run's, or history nesting when asked for."""
    input_filter = handoff.input_filter or run.run_config.handoff_input_filter
    if input_filter is not None:
        return input_filter
    nest = handoff.nest_handoff_history
    if nest is None:
        nest = run.run_config.nest_handoff_history
    if not nest:
        return None
    from .._agents.handoff_history import nest_handoff_history

    mapper = run.run_config.handoff_history_mapper
    return lambda data: nest_handoff_history(data, history_mapper=mapper)


async def _filter_history(run: RunInProgress, handoff: Handoff[Any]) -> None:
    input_filter = _input_filter(run, handoff)
    if input_filter is None:
        return
    from .._agents.handoffs import HandoffInputData

    offset = run.model_item_offset
    data = HandoffInputData(
        input_history=tuple(run.history),
        pre_handoff_items=tuple(run.new_items[offset : run.turn_start]),
        new_items=tuple(run.new_items[max(offset, run.turn_start) :]),
        run_context=run.context_wrapper,
    )
    filtered = input_filter(data)
    if inspect.isawaitable(filtered):
        filtered = await filtered
    if not isinstance(filtered, HandoffInputData):
        raise UserError(
            f"The input filter of handoff '{handoff.tool_name}' returned "
            f"{type(filtered).__name__}; it must return HandoffInputData."
        )
    # The next agent sees the filtered view; the run's own record keeps every item.
    history = ItemHelpers.input_to_new_input_list(
        filtered.input_history
        if isinstance(filtered.input_history, str)
        else list(filtered.input_history)
    )
    history.extend(item.to_input_item() for item in filtered.pre_handoff_items)
    sent = filtered.new_items if filtered.input_items is None else filtered.input_items
    history.extend(item.to_input_item() for item in sent)
    run.history = paired_history(history)
    run.model_item_offset = len(run.new_items)


async def run_output_guardrails(run: RunInProgress, agent: Agent[Any], output: Any) -> None:
    """Check the final output with the run's and the agent's output guardrails."""
    guardrails = [*(run.run_config.output_guardrails or ()), *agent.output_guardrails]
    if not guardrails:
        return
    results = await asyncio.gather(*(g.run(run.context_wrapper, agent, output) for g in guardrails))
    run.output_guardrail_results.extend(results)
    for result in results:
        run.tracing.guardrail(result.guardrail.get_name(), result.output.tripwire_triggered)
    for result in results:
        if result.output.tripwire_triggered:
            raise OutputGuardrailTripwireTriggered(result)
