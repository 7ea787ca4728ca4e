"""``Runner``: runs an agent loop to a final output, streamed or not."""

from __future__ import annotations

import asyncio
import atexit
import threading
from typing import TYPE_CHECKING, Any

from ._items import ItemHelpers, TResponseInputItem
from ._results import RunErrorDetails, RunResult, RunResultStreaming
from ._run_config import RunConfig
from ._run_context import RunContextWrapper
from ._run_state import RunInProgress
from ._stream_events import AgentUpdatedStreamEvent
from ._tool_execution import execute_tool_runs
from ._turn import add_items, call_model, decide_next_step, prepare_turn, process_output
from .exceptions import AgentsException, MaxTurnsExceeded, UserError

if TYPE_CHECKING:
    from ._agent import Agent
    from ._hooks import RunHooks
    from ._sessions import Session

__all__ = ("DEFAULT_MAX_TURNS", "Runner")

DEFAULT_MAX_TURNS = 10


class _Stopped(Exception):
    """The streamed run was cancelled after a turn: end without a final output."""


async def _start(run: RunInProgress, agent: Agent[Any]) -> None:
    if run.streamed is not None:
        run.streamed.current_agent = agent
        run.streamed._emit(AgentUpdatedStreamEvent(new_agent=agent))
    if run.run_hooks_override("on_agent_start"):
        await run.hooks.on_agent_start(run.context_wrapper, agent)  # type: ignore[union-attr]
    if run.agent_hooks_override(agent, "on_start"):
        await agent.hooks.on_start(run.context_wrapper, agent)  # type: ignore[union-attr]


async def _end(run: RunInProgress, agent: Agent[Any], output: Any) -> None:
    if run.run_hooks_override("on_agent_end"):
        await run.hooks.on_agent_end(run.context_wrapper, agent, output)  # type: ignore[union-attr]
    if run.agent_hooks_override(agent, "on_end"):
        await agent.hooks.on_end(run.context_wrapper, agent, output)  # type: ignore[union-attr]


async def _run_loop(run: RunInProgress) -> Any:
    """Turn after turn until a final output: the one implementation behind every entry point."""
    agent = run.agent
    await _start(run, agent)
    while True:
        if run.streamed is not None:
            if run.current_turn:
                # Hold the next turn until the reader has seen this one, so that what it reads
                # (current_turn, cancel after the turn) matches where the run is.
                await run.streamed._wait_until_consumed()
                if run.streamed._cancel_mode == "after_turn":
                    raise _Stopped
            run.streamed.current_turn = run.current_turn + 1
        run.current_turn += 1
        if run.current_turn > run.max_turns:
            raise MaxTurnsExceeded(
                f"Max turns ({run.max_turns}) exceeded: agent '{agent.name}' produced no final "
                "output. Raise max_turns, or check for a tool the model keeps calling.",
                max_turns=run.max_turns,
            )
        turn = await prepare_turn(run, agent)
        response = await call_model(run, agent, turn)
        processed = process_output(run, agent, turn, response)
        results = await execute_tool_runs(run, agent, processed.tool_runs)
        add_items(run, [result.run_item for result in results])
        step = await decide_next_step(run, agent, turn, processed, results)
        if step.is_final:
            await _end(run, agent, step.final_output)
            return step.final_output


def _error_details(run: RunInProgress) -> RunErrorDetails:
    return RunErrorDetails(
        input=run.original_input,
        new_items=list(run.new_items),
        raw_responses=list(run.model_responses),
        last_agent=run.agent,
        context_wrapper=run.context_wrapper,
    )


def _check_input(input: Any) -> str | list[TResponseInputItem]:
    if isinstance(input, str):
        return input
    if isinstance(input, list) and all(isinstance(item, dict) for item in input):
        return input
    raise UserError(
        "Run input must be a string or a list of input item dictionaries, "
        f"got {type(input).__name__}."
    )


async def _prepare_run(
    starting_agent: Agent[Any],
    input: str | list[TResponseInputItem],
    *,
    context: Any,
    max_turns: int,
    hooks: RunHooks[Any] | None,
    run_config: RunConfig | None,
    previous_response_id: str | None,
    conversation_id: str | None,
    session: Session | None,
    streamed: RunResultStreaming | None = None,
) -> RunInProgress:
    input = _check_input(input)
    if not isinstance(max_turns, int) or max_turns < 1:
        raise UserError(f"max_turns must be a positive integer, got {max_turns!r}.")
    input_items = ItemHelpers.input_to_new_input_list(input)
    history = input_items
    if session is not None:
        history = await session.get_items() + input_items
    return RunInProgress(
        agent=starting_agent,
        original_input=input,
        history=history,
        context_wrapper=RunContextWrapper(context=context),
        run_config=run_config if run_config is not None else RunConfig(),
        hooks=hooks,
        max_turns=max_turns,
        previous_response_id=previous_response_id,
        conversation_id=conversation_id,
        streamed=streamed,
    )


async def _save_to_session(session: Session | None, run: RunInProgress) -> None:
    if session is None:
        return
    # One write for the whole run: a run that failed earlier never reaches this point.
    items = ItemHelpers.input_to_new_input_list(run.original_input)
    items.extend(item.to_input_item() for item in run.new_items)
    await session.add_items(items)


class Runner:
    """Runs agents: ``run`` (async), ``run_sync`` (scripts) and ``run_streamed`` (live events)."""

    @classmethod
    async def run(
        cls,
        starting_agent: Agent[Any],
        input: str | list[TResponseInputItem],
        *,
        context: Any = None,
        max_turns: int = DEFAULT_MAX_TURNS,
        hooks: RunHooks[Any] | None = None,
        run_config: RunConfig | None = None,
        previous_response_id: str | None = None,
        conversation_id: str | None = None,
        session: Session | None = None,
    ) -> RunResult:
        """Run ``starting_agent`` on ``input`` until it produces a final output.

        Each turn calls the model; tool calls are executed and their results fed back, until the
        model answers (plain text, or a validated ``output_type``) or a tool-use rule stops the
        run. Raises ``MaxTurnsExceeded`` after ``max_turns`` turns, and ``ModelBehaviorError`` for
        output that cannot be used; every ``AgentsException`` carries ``run_data``.
        """
        run = await _prepare_run(
            starting_agent,
            input,
            context=context,
            max_turns=max_turns,
            hooks=hooks,
            run_config=run_config,
            previous_response_id=previous_response_id,
            conversation_id=conversation_id,
            session=session,
        )
        try:
            final_output = await _run_loop(run)
        except AgentsException as exc:
            if exc.run_data is None:
                exc.run_data = _error_details(run)
            raise
        await _save_to_session(session, run)
        return RunResult(
            input=run.original_input,
            new_items=run.new_items,
            raw_responses=run.model_responses,
            final_output=final_output,
            context_wrapper=run.context_wrapper,
            _last_agent=run.agent,
        )

    @classmethod
    def run_sync(
        cls,
        starting_agent: Agent[Any],
        input: str | list[TResponseInputItem],
        *,
        context: Any = None,
        max_turns: int = DEFAULT_MAX_TURNS,
        hooks: RunHooks[Any] | None = None,
        run_config: RunConfig | None = None,
        previous_response_id: str | None = None,
        conversation_id: str | None = None,
        session: Session | None = None,
    ) -> RunResult:
        """``run`` for synchronous code; not usable inside a running event loop.

        Runs on an event loop kept for the calling thread, so connections a model provider
        pools survive from one call to the next.
        """
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            pass
        else:
            raise UserError(
                "Runner.run_sync() cannot be called while an event loop is running in this "
                "thread (inside async code or a notebook); use 'await Runner.run(...)' instead."
            )
        return _thread_loop().run_until_complete(
            cls.run(
                starting_agent,
                input,
                context=context,
                max_turns=max_turns,
                hooks=hooks,
                run_config=run_config,
                previous_response_id=previous_response_id,
                conversation_id=conversation_id,
                session=session,
            )
        )

    @classmethod
    def run_streamed(
        cls,
        starting_agent: Agent[Any],
        input: str | list[TResponseInputItem],
        context: Any = None,
        max_turns: int = DEFAULT_MAX_TURNS,
        hooks: RunHooks[Any] | None = None,
        run_config: RunConfig | None = None,
        previous_response_id: str | None = None,
        conversation_id: str | None = None,
        session: Session | None = None,
    ) -> RunResultStreaming:
        """Start a run and return at once; ``stream_events()`` on the result yields its events.

        Must be called with an event loop running. The run proceeds in a task; its errors are
        raised from ``stream_events()`` once the events before them have been delivered.
        """
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            raise UserError(
                "Runner.run_streamed() needs a running event loop: call it from async code "
                "and iterate 'async for event in result.stream_events()'."
            ) from None
        _check_input(input)
        result = RunResultStreaming(
            input=input,
            new_items=[],
            raw_responses=[],
            final_output=None,
            context_wrapper=RunContextWrapper(context=context),
            current_agent=starting_agent,
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
                previous_response_id=previous_response_id,
                conversation_id=conversation_id,
                session=session,
            )
        )
        return result

    @classmethod
    async def run_with_session(
        cls,
        starting_agent: Agent[Any],
        input: str | list[TResponseInputItem],
        session: Session,
        **kwargs: Any,
    ) -> RunResult:
        """``run`` continuing the conversation kept in ``session`` (loaded first, saved last)."""
        return await cls.run(starting_agent, input, session=session, **kwargs)


async def _streamed_run(
    result: RunResultStreaming,
    starting_agent: Agent[Any],
    input: str | list[TResponseInputItem],
    *,
    session: Session | None,
    **options: Any,
) -> None:
    run: RunInProgress | None = None
    try:
        run = await _prepare_run(starting_agent, input, session=session, streamed=result, **options)
        # The result shows the run's own lists and context, so it fills in as the run goes.
        result.new_items = run.new_items
        result.raw_responses = run.model_responses
        result.context_wrapper = run.context_wrapper
        result.final_output = await _run_loop(run)
        await _save_to_session(session, run)
    except _Stopped:
        result._finish(None)
    except asyncio.CancelledError:
        result._finish(None)
    except AgentsException as exc:
        if exc.run_data is None and run is not None:
            exc.run_data = _error_details(run)
        result._finish(exc)
    except Exception as exc:
        result._finish(exc)
    else:
        result._finish(None)


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
