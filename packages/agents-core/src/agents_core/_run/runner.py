"""``Runner``: runs an agent loop to a final output, streamed or not, and resumes paused runs."""

from __future__ import annotations

import asyncio
import atexit
import inspect
import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeAlias

from typing_extensions import Unpack

from .._agents.nested_runs import take_tool_input
from .._base.run_context import AgentHookContext, RunContextWrapper, ToolContext
from .._items.items import (
    ItemHelpers,
    MessageOutputItem,
    ResponseOutputMessage,
    ResponseOutputText,
    TResponseInputItem,
)
from .._items.stream_events import AgentUpdatedStreamEvent
from .._memory.history import load_session_history
from ..exceptions import (
    AgentsException,
    MaxTurnsExceeded,
    ModelBehaviorError,
    ModelRefusalError,
    RunErrorDetails,
    UserError,
)
from .config import RunConfig, RunOptions
from .progress import RunInProgress
from .results import RunResult, RunResultStreaming
from .step import InvalidFinalOutput, finish_turn, run_output_guardrails
from .turn import add_items, call_model_guarded, prepare_turn, process_output

if TYPE_CHECKING:
    from .._agents.agent import Agent
    from .._agents.error_handlers import RunErrorHandlers
    from .._agents.hooks import RunHooks
    from .._memory.session import Session
    from .run_state import RunState

__all__ = (
    "DEFAULT_MAX_TURNS",
    "AgentRunner",
    "Runner",
    "get_default_agent_runner",
    "set_default_agent_runner",
)

DEFAULT_MAX_TURNS = 10

RunInput: TypeAlias = "str | list[TResponseInputItem] | RunState[Any]"


class _Stopped(Exception):
    """The streamed run was cancelled after a turn: end without a final output."""


class _Interrupted:
    """The run paused for approvals: no final output yet."""


_INTERRUPTED = _Interrupted()


async def _start(run: RunInProgress, agent: Agent[Any]) -> None:
    if run.tracing.active:
        run.tracing.start_agent(agent)
    if run.streamed is not None:
        run.streamed.current_agent = agent
        run.streamed._emit(AgentUpdatedStreamEvent(new_agent=agent))
    run_hook = run.run_hooks_override("on_agent_start")
    agent_hook = run.agent_hooks_override(agent, "on_start")
    if run_hook or agent_hook:
        original = run.original_input
        turn_input = (
            [{"role": "user", "content": original}] if isinstance(original, str) else list(original)
        )
        context = AgentHookContext._sharing(run.context_wrapper, turn_input)
        if run_hook:
            await run.hooks.on_agent_start(context, agent)  # type: ignore[union-attr]
        if agent_hook:
            await agent.hooks.on_start(context, agent)  # type: ignore[union-attr]


async def _end(run: RunInProgress, agent: Agent[Any], output: Any) -> None:
    run_hook = run.run_hooks_override("on_agent_end")
    agent_hook = run.agent_hooks_override(agent, "on_end")
    if run_hook or agent_hook:
        context = AgentHookContext._sharing(run.context_wrapper, run.context_wrapper.turn_input)
        if run_hook:
            await run.hooks.on_agent_end(context, agent, output)  # type: ignore[union-attr]
        if agent_hook:
            await agent.hooks.on_end(context, agent, output)  # type: ignore[union-attr]


async def _turn_boundary(run: RunInProgress) -> None:
    if run.streamed is not None and run.current_turn:
        # Hold the next turn until the reader has seen this one, so that what it reads
        # (current_turn, cancel after the turn) matches where the run is.
        await run.streamed._wait_until_consumed()
        if run.streamed._cancel_mode == "after_turn":
            raise _Stopped


async def _run_loop(run: RunInProgress) -> Any:
    """Turn after turn until a final output or a pause: the one implementation behind every
    entry point."""
    agent = run.agent
    if run.resuming:
        if run.tracing.active:
            run.tracing.start_agent(agent)
        if run.streamed is not None:
            run.streamed.current_agent = agent
            run.streamed._emit(AgentUpdatedStreamEvent(new_agent=agent))
    else:
        await _start(run, agent)
    while True:
        if run.resuming:
            run.resuming = False
            if run.tracing.active:
                run.tracing.start_turn(run.current_turn, agent.name)
            turn = await prepare_turn(run, agent)
        else:
            await _turn_boundary(run)
            if run.max_turns is not None and run.current_turn >= run.max_turns:
                return await _max_turns_reached(run, agent)
            run.current_turn += 1
            if run.tracing.active:
                run.tracing.start_turn(run.current_turn, agent.name)
            if run.streamed is not None:
                run.streamed.current_turn = run.current_turn
            turn = await prepare_turn(run, agent)
            run.turn_start = len(run.new_items)
            response = await call_model_guarded(run, agent, turn)
            await process_output(run, agent, turn, response)
        try:
            step = await finish_turn(run, agent, turn)
        except ModelRefusalError as error:
            return await _handled_error(run, agent, "model_refusal", error)
        except InvalidFinalOutput as error:
            return await _handled_error(run, agent, "invalid_final_output", error)
        if run.tracing.active:
            run.tracing.end_turn()
        if step.kind == "final":
            await run_output_guardrails(run, agent, step.final_output)
            await _end(run, agent, step.final_output)
            return step.final_output
        if step.kind == "interrupted":
            return _INTERRUPTED
        if step.kind == "handoff":
            agent = run.agent = step.new_agent
            await _start(run, agent)


async def _max_turns_reached(run: RunInProgress, agent: Agent[Any]) -> Any:
    error = MaxTurnsExceeded(
        f"Max turns ({run.max_turns}) exceeded: agent '{agent.name}' produced no final "
        "output. Raise max_turns, or check for a tool the model keeps calling.",
        max_turns=run.max_turns,
    )
    return await _handled_error(run, agent, "max_turns", error)


async def _handled_error(
    run: RunInProgress,
    agent: Agent[Any],
    kind: str,
    error: MaxTurnsExceeded | ModelRefusalError | ModelBehaviorError,
) -> Any:
    """The final output an ``error_handlers[kind]`` handler gives for ``error``, or ``error``
    raised (with the run's data) when there is no handler or it returns None."""
    error.run_data = _error_details(run)
    handlers: Mapping[str, Any] = run.error_handlers or {}
    handler = handlers.get(kind)
    if handler is None:
        raise error
    from .._agents.error_handlers import RunErrorData, RunErrorHandlerInput, RunErrorHandlerResult

    run_data = RunErrorData(
        input=run.original_input,
        new_items=list(run.new_items),
        history=list(run.history),
        output=[item.to_input_item() for item in run.new_items],
        raw_responses=list(run.model_responses),
        last_agent=agent,
    )
    answer = handler(RunErrorHandlerInput(error, run.context_wrapper, run_data))
    if inspect.isawaitable(answer):
        answer = await answer
    if answer is None:
        raise error
    if isinstance(answer, RunErrorHandlerResult):
        final_output, include = answer.final_output, answer.include_in_history
    elif isinstance(answer, dict) and "final_output" in answer:
        final_output, include = answer["final_output"], bool(answer.get("include_in_history", True))
    else:
        final_output, include = answer, True
    if include:
        text = final_output if isinstance(final_output, str) else _as_text(final_output)
        message = ResponseOutputMessage(
            id="msg_error_handler", content=[ResponseOutputText(text=text)]
        )
        add_items(run, [MessageOutputItem(agent=agent, raw_item=message)])
    await _end(run, agent, final_output)
    return final_output


def _as_text(value: Any) -> str:
    from .._items.items import stringify_tool_output

    return stringify_tool_output(value)


def _error_details(run: RunInProgress) -> RunErrorDetails:
    return RunErrorDetails(
        input=run.original_input,
        new_items=list(run.new_items),
        raw_responses=list(run.model_responses),
        last_agent=run.agent,
        context_wrapper=run.context_wrapper,
        input_guardrail_results=list(run.input_guardrail_results),
        output_guardrail_results=list(run.output_guardrail_results),
        tool_input_guardrail_results=list(run.tool_input_guardrail_results),
        tool_output_guardrail_results=list(run.tool_output_guardrail_results),
    )


def _is_state(input: Any) -> bool:
    if isinstance(input, str | list):
        return False
    from .run_state import RunState  # loaded only when a saved run is resumed

    return isinstance(input, RunState)


def _check_input(input: Any) -> None:
    if isinstance(input, str) or _is_state(input):
        return
    if isinstance(input, list) and all(isinstance(item, dict) for item in input):
        return
    raise UserError(
        "Run input must be a string, a list of input item dictionaries, or a RunState; "
        f"got {type(input).__name__}."
    )


async def _prepare_run(
    starting_agent: Agent[Any],
    input: RunInput,
    *,
    context: Any,
    max_turns: int | None,
    hooks: RunHooks[Any] | None,
    run_config: RunConfig | Mapping[str, Any] | None,
    error_handlers: RunErrorHandlers[Any] | None,
    previous_response_id: str | None,
    auto_previous_response_id: bool,
    conversation_id: str | None,
    session: Session | None,
    streamed: RunResultStreaming | None = None,
) -> RunInProgress:
    _check_input(input)
    if max_turns is not None and (not isinstance(max_turns, int) or max_turns < 1):
        raise UserError(f"max_turns must be a positive integer or None, got {max_turns!r}.")
    if run_config is not None and isinstance(run_config, Mapping):
        run_config = RunConfig(**run_config)
    config = run_config if run_config is not None else RunConfig()
    if _is_state(input):
        return input._resume(  # type: ignore[union-attr]  # a RunState, checked above
            hooks=hooks,
            run_config=config,
            error_handlers=error_handlers,
            context=context,
            streamed=streamed,
        )
    plain_input: str | list[TResponseInputItem] = input  # type: ignore[assignment]  # not a state
    input_items = ItemHelpers.input_to_new_input_list(plain_input)
    history = input_items
    session_input = None
    if session is not None:
        history, session_input = await load_session_history(
            session,
            input_items,
            settings=config.session_settings,
            callback=config.session_input_callback,
        )
    run = RunInProgress(
        starting_agent=starting_agent,
        agent=starting_agent,
        original_input=plain_input,
        history=history,
        context_wrapper=_context_wrapper(context),
        run_config=config,
        hooks=hooks,
        max_turns=max_turns,
        previous_response_id=previous_response_id,
        conversation_id=conversation_id,
        error_handlers=error_handlers,
        streamed=streamed,
    )
    run.session_input = session_input
    run.auto_previous_response_id = auto_previous_response_id
    return run


async def _save_to_session(session: Session | None, run: RunInProgress) -> None:
    if session is None:
        return
    # One write per completed (or paused) run: a run that failed never reaches this point.
    if run.session_saved_items < 0:
        items = (
            list(run.session_input)
            if run.session_input is not None
            else ItemHelpers.input_to_new_input_list(run.original_input)
        )
        start = 0
    else:
        items, start = [], run.session_saved_items
    items.extend(item.to_input_item() for item in run.new_items[start:])
    if items:
        await session.add_items(items)
    run.session_saved_items = len(run.new_items)


def _context_wrapper(context: Any) -> RunContextWrapper[Any]:
    tool_input, caller = take_tool_input()
    if caller is None:
        return RunContextWrapper(context=context, tool_input=tool_input)
    # The run of an agent used as a tool: its context names the call that started it.
    return ToolContext(
        context=context,
        tool_input=tool_input,
        tool_name=caller.tool_name,
        tool_call_id=caller.tool_call_id,
        tool_arguments=caller.tool_arguments,
        tool_call=caller.tool_call,
        tool_namespace=caller.tool_namespace,
    )


def _result(run: RunInProgress, final_output: Any) -> RunResult:
    return RunResult(
        input=run.original_input,
        new_items=run.new_items,
        raw_responses=run.model_responses,
        final_output=None if final_output is _INTERRUPTED else final_output,
        context_wrapper=run.context_wrapper,
        _last_agent=run.agent,
        input_guardrail_results=run.input_guardrail_results,
        output_guardrail_results=run.output_guardrail_results,
        tool_input_guardrail_results=run.tool_input_guardrail_results,
        tool_output_guardrail_results=run.tool_output_guardrail_results,
        interruptions=list(run.interruptions),
        max_turns=run.max_turns,
        _progress=run,
    )


class Runner:
    """Runs agents: ``run`` (async), ``run_sync`` (scripts) and ``run_streamed`` (live events)."""

    @classmethod
    async def run(
        cls,
        starting_agent: Agent[Any],
        input: str | list[TResponseInputItem] | RunState[Any],
        *,
        context: Any = None,
        max_turns: int | None = DEFAULT_MAX_TURNS,
        hooks: RunHooks[Any] | None = None,
        run_config: RunConfig | Mapping[str, Any] | None = None,
        error_handlers: RunErrorHandlers[Any] | None = None,
        previous_response_id: str | None = None,
        auto_previous_response_id: bool = False,
        conversation_id: str | None = None,
        session: Session | None = None,
    ) -> RunResult:
        """Run ``starting_agent`` on ``input`` until it produces a final output or pauses.

        Each turn calls the model; tool calls are executed and their results fed back, until the
        model answers (plain text, or a validated ``output_type``) or a tool-use rule stops the
        run. A tool that needs approval pauses the run: the result has ``interruptions``, and
        ``Runner.run(agent, result.to_state())`` resumes it once they are decided. Raises
        ``MaxTurnsExceeded`` after ``max_turns`` turns (None: no limit; unless
        ``error_handlers`` has a ``"max_turns"`` handler), and ``ModelBehaviorError`` for output
        that cannot be used; with ``auto_previous_response_id`` each turn after the first sends
        only what is new with the previous response's id, even without ``previous_response_id``;
        every ``AgentsException`` carries ``run_data``.
        """
        return await _default_runner.run(
            starting_agent,
            input,
            context=context,
            max_turns=max_turns,
            hooks=hooks,
            run_config=run_config,
            error_handlers=error_handlers,
            previous_response_id=previous_response_id,
            auto_previous_response_id=auto_previous_response_id,
            conversation_id=conversation_id,
            session=session,
        )

    @classmethod
    def run_sync(
        cls,
        starting_agent: Agent[Any],
        input: str | list[TResponseInputItem] | RunState[Any],
        *,
        context: Any = None,
        max_turns: int | None = DEFAULT_MAX_TURNS,
        hooks: RunHooks[Any] | None = None,
        run_config: RunConfig | Mapping[str, Any] | None = None,
        error_handlers: RunErrorHandlers[Any] | None = None,
        previous_response_id: str | None = None,
        auto_previous_response_id: bool = False,
        conversation_id: str | None = None,
        session: Session | None = None,
    ) -> RunResult:
        """``run`` for synchronous code; not usable inside a running event loop.

        Runs on an event loop kept for the calling thread, so connections a model provider
        pools survive from one call to the next.
        """
        return _default_runner.run_sync(
            starting_agent,
            input,
            context=context,
            max_turns=max_turns,
            hooks=hooks,
            run_config=run_config,
            error_handlers=error_handlers,
            previous_response_id=previous_response_id,
            auto_previous_response_id=auto_previous_response_id,
            conversation_id=conversation_id,
            session=session,
        )

    @classmethod
    def run_streamed(
        cls,
        starting_agent: Agent[Any],
        input: str | list[TResponseInputItem] | RunState[Any],
        context: Any = None,
        max_turns: int | None = DEFAULT_MAX_TURNS,
        hooks: RunHooks[Any] | None = None,
        run_config: RunConfig | Mapping[str, Any] | None = None,
        previous_response_id: str | None = None,
        auto_previous_response_id: bool = False,
        conversation_id: str | None = None,
        session: Session | None = None,
        *,
        error_handlers: RunErrorHandlers[Any] | None = None,
    ) -> RunResultStreaming:
        """Start a run and return at once; ``stream_events()`` on the result yields its events.

        Must be called with an event loop running. The run proceeds in a task; its errors are
        raised from ``stream_events()`` once the events before them have been delivered. A run
        that pauses for approval ends its stream with ``interruptions`` set on the result.
        """
        return _default_runner.run_streamed(
            starting_agent,
            input,
            context=context,
            max_turns=max_turns,
            hooks=hooks,
            run_config=run_config,
            error_handlers=error_handlers,
            previous_response_id=previous_response_id,
            auto_previous_response_id=auto_previous_response_id,
            conversation_id=conversation_id,
            session=session,
        )

    @classmethod
    async def run_with_session(
        cls,
        starting_agent: Agent[Any],
        input: str | list[TResponseInputItem] | RunState[Any],
        session: Session,
        **kwargs: Any,
    ) -> RunResult:
        """``run`` continuing the conversation kept in ``session`` (loaded first, saved last)."""
        return await cls.run(starting_agent, input, session=session, **kwargs)


class AgentRunner:
    """Carries out the runs ``Runner`` starts; ``set_default_agent_runner`` installs a subclass
    that wraps them (to add logging or policy around every run, say).

    Its methods take the same arguments as ``Runner``'s, after the agent and input.
    """

    async def run(
        self,
        starting_agent: Agent[Any],
        input: str | list[TResponseInputItem] | RunState[Any],
        **kwargs: Unpack[RunOptions[Any]],
    ) -> RunResult:
        """As ``Runner.run``."""
        return await _run(starting_agent, input, **kwargs)

    def run_sync(
        self,
        starting_agent: Agent[Any],
        input: str | list[TResponseInputItem] | RunState[Any],
        **kwargs: Unpack[RunOptions[Any]],
    ) -> RunResult:
        """As ``Runner.run_sync``."""
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            pass
        else:
            raise UserError(
                "Runner.run_sync() cannot be called while an event loop is running in this "
                "thread (inside async code or a notebook); use 'await Runner.run(...)' instead."
            )
        return _thread_loop().run_until_complete(self.run(starting_agent, input, **kwargs))

    def run_streamed(
        self,
        starting_agent: Agent[Any],
        input: str | list[TResponseInputItem] | RunState[Any],
        **kwargs: Unpack[RunOptions[Any]],
    ) -> RunResultStreaming:
        """As ``Runner.run_streamed``."""
        return _run_streamed(starting_agent, input, **kwargs)


_default_runner: AgentRunner = AgentRunner()


def set_default_agent_runner(runner: AgentRunner | None) -> None:
    """Make ``runner`` carry out every run ``Runner`` starts (None: the built-in one)."""
    global _default_runner
    _default_runner = runner if runner is not None else AgentRunner()


def get_default_agent_runner() -> AgentRunner:
    """The ``AgentRunner`` that carries out the runs ``Runner`` starts."""
    return _default_runner


async def _run(
    starting_agent: Agent[Any],
    input: str | list[TResponseInputItem] | RunState[Any],
    *,
    context: Any = None,
    max_turns: int | None = DEFAULT_MAX_TURNS,
    hooks: RunHooks[Any] | None = None,
    run_config: RunConfig | Mapping[str, Any] | None = None,
    error_handlers: RunErrorHandlers[Any] | None = None,
    previous_response_id: str | None = None,
    auto_previous_response_id: bool = False,
    conversation_id: str | None = None,
    session: Session | None = None,
) -> RunResult:
    run = await _prepare_run(
        starting_agent,
        input,
        context=context,
        max_turns=max_turns,
        hooks=hooks,
        run_config=run_config,
        error_handlers=error_handlers,
        previous_response_id=previous_response_id,
        auto_previous_response_id=auto_previous_response_id,
        conversation_id=conversation_id,
        session=session,
    )
    run.tracing.start_run(run.run_config)
    try:
        final_output = await _run_loop(run)
    except BaseException as exc:
        run.tracing.finish_run(exc)
        if isinstance(exc, AgentsException) and exc.run_data is None:
            exc.run_data = _error_details(run)
        raise
    run.tracing.finish_run()
    await _save_to_session(session, run)
    return _result(run, final_output)


def _run_streamed(
    starting_agent: Agent[Any],
    input: str | list[TResponseInputItem] | RunState[Any],
    *,
    context: Any = None,
    max_turns: int | None = DEFAULT_MAX_TURNS,
    hooks: RunHooks[Any] | None = None,
    run_config: RunConfig | Mapping[str, Any] | None = None,
    error_handlers: RunErrorHandlers[Any] | None = None,
    previous_response_id: str | None = None,
    auto_previous_response_id: bool = False,
    conversation_id: str | None = None,
    session: Session | None = None,
) -> RunResultStreaming:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        raise UserError(
            "Runner.run_streamed() needs a running event loop: call it from async code "
            "and iterate 'async for event in result.stream_events()'."
        ) from None
    _check_input(input)
    resumed: Any = input if _is_state(input) else None
    result = RunResultStreaming(
        input=resumed._progress.original_input if resumed else input,  # type: ignore[arg-type]
        new_items=[],
        raw_responses=[],
        final_output=None,
        context_wrapper=RunContextWrapper(context=context),
        current_agent=resumed._progress.agent if resumed else starting_agent,
        max_turns=max_turns,
    )
    result._task = asyncio.create_task(
        _streamed_run(
            result,
            starting_agent,
            input,
            context=context,
            max_turns=max_turns,
            hooks=hooks,
            run_config=run_config,
            error_handlers=error_handlers,
            previous_response_id=previous_response_id,
            auto_previous_response_id=auto_previous_response_id,
            conversation_id=conversation_id,
            session=session,
        )
    )
    return result


async def _streamed_run(
    result: RunResultStreaming,
    starting_agent: Agent[Any],
    input: RunInput,
    *,
    session: Session | None,
    **options: Any,
) -> None:
    run: RunInProgress | None = None
    try:
        run = await _prepare_run(starting_agent, input, session=session, streamed=result, **options)
        # The result shows the run's own lists and context, so it fills in as the run goes.
        result._attach(run)
        run.tracing.start_run(run.run_config)
        try:
            final_output = await _run_loop(run)
        except BaseException as exc:
            run.tracing.finish_run(exc)
            raise
        run.tracing.finish_run()
        result.final_output = None if final_output is _INTERRUPTED else final_output
        result.interruptions = list(run.interruptions)
        await _save_to_session(session, run)
    except (_Stopped, asyncio.CancelledError):
        result._finish(None)
    except AgentsException as exc:
        if exc.run_data is None and run is not None:
            exc.run_data = _error_details(run)
        result._finish(exc)
    except Exception as exc:
        result._finish(exc)
    else:
        result._finish(None)
    finally:
        if run is not None:
            # The result keeps the run (for to_state); the run no longer needs the result.
            # Breaking the cycle lets reference counting free both without the cyclic collector.
            run.streamed = None


_loops = threading.local()


def _thread_loop() -> asyncio.AbstractEventLoop:
    loop: asyncio.AbstractEventLoop | None = getattr(_loops, "loop", None)
    if loop is None or loop.is_closed():
        loop = asyncio.new_event_loop()
        _loops.loop = loop
        atexit.register(_close_loop, loop)
    return loop


def _close_loop(loop: asyncio.AbstractEventLoop) -> None:
    if not loop.is_closed():
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()
