"""What a run returns: ``RunResult``, and ``RunResultStreaming`` for streamed runs."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, TypeVar, cast

from .._base.run_context import RunContextWrapper
from .._items.items import ItemHelpers, ModelResponse, RunItem, ToolApprovalItem, TResponseInputItem
from .._items.stream_events import RawResponsesStreamEvent
from ..exceptions import AgentsException, UserError
from .event_channel import RUN_EVENTS, EventChannel

if TYPE_CHECKING:
    from .._agents.agent import Agent
    from .._agents.guardrails import InputGuardrailResult, OutputGuardrailResult
    from .._items.stream_events import StreamEvent
    from .._tools.tool_guardrails import ToolInputGuardrailResult, ToolOutputGuardrailResult
    from .progress import RunInProgress
    from .run_state import RunState

__all__ = (
    "AgentToolInvocation",
    "RunResult",
    "RunResultBase",
    "RunResultStreaming",
    "ToInputListMode",
)

T = TypeVar("T")


ToInputListMode: TypeAlias = Literal["preserve_all", "normalized"]
"""What ``to_input_list`` returns: every item, or what the last agent would be sent."""


@dataclass(frozen=True)
class AgentToolInvocation:
    """The tool call that started a run of an agent used as a tool (``Agent.as_tool``)."""

    tool_name: str
    """The tool's name, as the calling model saw it."""
    tool_call_id: str
    tool_arguments: str
    """The arguments the calling model sent, as raw JSON."""


@dataclass(eq=False)
class RunResultBase:
    """Fields shared by finished and streamed results."""

    input: str | list[TResponseInputItem]
    """The run's original input (without session history)."""
    new_items: list[RunItem]
    """Every item the run produced, in order."""
    raw_responses: list[ModelResponse]
    """Every model response, in order."""
    final_output: Any
    """The final output: text, or an instance of the last agent's ``output_type``."""
    context_wrapper: RunContextWrapper[Any]
    """The run context, with the run's total ``usage``."""
    input_guardrail_results: list[InputGuardrailResult] = field(default_factory=list, kw_only=True)
    """The verdicts of the input guardrails."""
    output_guardrail_results: list[OutputGuardrailResult] = field(
        default_factory=list, kw_only=True
    )
    """The verdicts of the output guardrails."""
    tool_input_guardrail_results: list[ToolInputGuardrailResult] = field(
        default_factory=list, kw_only=True
    )
    """The verdicts of tool input guardrails, one per check."""
    tool_output_guardrail_results: list[ToolOutputGuardrailResult] = field(
        default_factory=list, kw_only=True
    )
    """The verdicts of tool output guardrails, one per check."""
    interruptions: list[ToolApprovalItem] = field(default_factory=list, kw_only=True)
    """Tool calls waiting for approval; when not empty the run paused instead of finishing."""
    _progress: RunInProgress | None = field(default=None, kw_only=True, repr=False)

    def to_json(self) -> dict[str, Any]:
        """The result as plain JSON with a schema version: the input, every item and raw model
        response, usage, guardrail verdicts, interruptions and the agents' names."""
        from .result_json import result_to_json

        return result_to_json(self)

    @classmethod
    def from_json(cls, data: dict[str, Any], agent: Agent[Any] | None = None) -> RunResult:
        """Load a result saved with :meth:`to_json` (a streamed one loads as a ``RunResult``).

        Agents are looked up by name from ``agent`` (its handoff graph); names not found become
        placeholder agents. With the real agent, a structured ``final_output`` is validated back
        into its ``output_type``.
        """
        from .result_json import result_from_json

        return result_from_json(data, agent)

    def to_state(self) -> RunState[Any]:
        """The run as a ``RunState``: approve or reject its interruptions, save it, resume it."""
        from .run_state import RunState

        if self._progress is None:
            raise UserError("This result has no run to save: the run never started.")
        return RunState._from_progress(self._progress)

    @property
    def last_agent(self) -> Agent[Any]:
        """The agent that was active when the run ended."""
        raise NotImplementedError

    def release_agents(self, *, release_new_items: bool = True) -> None:
        """Drop the strong references this result holds to agents (each item's ``agent`` then
        reads through a weak reference), for results kept long after their agents."""
        if release_new_items:
            for item in self.new_items:
                item.release_agent()
            for pending in getattr(self, "interruptions", ()):
                pending.release_agent()

    def final_output_as(self, cls: type[T], raise_if_incorrect_type: bool = False) -> T:
        """The final output, typed as ``cls`` (checked with ``isinstance`` when asked)."""
        if raise_if_incorrect_type and not isinstance(self.final_output, cls):
            raise TypeError(
                f"Final output is {type(self.final_output).__name__}, not {cls.__name__}."
            )
        return cast(T, self.final_output)

    def to_input_list(self, *, mode: ToInputListMode = "preserve_all") -> list[TResponseInputItem]:
        """The original input plus every new item, as input for a follow-up run.

        ``mode="normalized"`` gives what the last agent would be sent instead when a handoff
        input filter rewrote the history (the same list otherwise).
        """
        if mode not in ("preserve_all", "normalized"):
            raise UserError(
                f"to_input_list mode must be 'preserve_all' or 'normalized', got {mode!r}."
            )
        run = self._progress
        if mode == "normalized" and run is not None and run.model_item_offset:
            items = list(run.history)
            items.extend(item.to_input_item() for item in run.new_items[run.model_item_offset :])
            return items
        items = ItemHelpers.input_to_new_input_list(self.input)
        items.extend(item.to_input_item() for item in self.new_items)
        return items

    @property
    def last_response_id(self) -> str | None:
        """The id of the last model response, for ``previous_response_id`` chaining."""
        return self.raw_responses[-1].response_id if self.raw_responses else None

    @property
    def usage(self) -> Any:
        """The run's total usage (requests and tokens)."""
        return self.context_wrapper.usage

    @property
    def agent_tool_invocation(self) -> AgentToolInvocation | None:
        """For the run of an agent used as a tool, the call that started it (None otherwise)."""
        from .._base.run_context import ToolContext

        context = self.context_wrapper
        if not isinstance(context, ToolContext):
            return None
        return AgentToolInvocation(
            tool_name=context.tool_name,
            tool_call_id=context.tool_call_id,
            tool_arguments=context.tool_arguments,
        )


@dataclass(eq=False)
class RunResult(RunResultBase):
    """The result of ``Runner.run`` / ``Runner.run_sync``."""

    _last_agent: Agent[Any] = field(repr=False, kw_only=True)
    max_turns: int | None = field(default=10, kw_only=True)
    """The turn limit the run had (None: no limit)."""

    @property
    def last_agent(self) -> Agent[Any]:
        return self._last_agent

    def __str__(self) -> str:
        return (
            f"RunResult(last_agent={self._last_agent.name!r}, final_output={self.final_output!r}, "
            f"{len(self.new_items)} new items)"
        )


@dataclass(eq=False)
class RunResultStreaming(RunResultBase):
    """The result of ``Runner.run_streamed``: iterate ``stream_events()`` while the run goes on.

    Fields fill in as the run progresses; once the stream is exhausted, ``final_output`` and the
    rest are final. ``cancel()`` stops the run cleanly.
    """

    current_agent: Agent[Any]
    current_turn: int = 0
    max_turns: int | None = 10
    is_complete: bool = False
    _channel: EventChannel = field(default_factory=EventChannel, repr=False)
    _task: asyncio.Task[None] | None = field(default=None, repr=False)
    _exception: BaseException | None = field(default=None, repr=False)
    _cancel_mode: Literal["none", "immediate", "after_turn"] = field(default="none", repr=False)

    @property
    def last_agent(self) -> Agent[Any]:
        return self.current_agent

    @property
    def run_loop_task(self) -> asyncio.Task[None] | None:
        """The task running the agent loop (await it to wait for the run without reading events)."""
        return self._task

    def cancel(self, mode: Literal["immediate", "after_turn"] = "immediate") -> None:
        """Stop the run: at once (``"immediate"``), or once the current turn completes."""
        if mode not in ("immediate", "after_turn"):
            raise UserError(f"cancel mode must be 'immediate' or 'after_turn', got {mode!r}.")
        if self.is_complete:
            return
        self._cancel_mode = mode
        if mode == "immediate" and self._task is not None and not self._task.done():
            self._task.cancel()

    async def stream_events(self) -> AsyncGenerator[StreamEvent, None]:
        """Yield events as the run produces them; raises the run's error, if any, at the end.

        The run does not start a new turn until the events of the previous one have been
        consumed, so ``current_turn`` and ``cancel(mode="after_turn")`` refer to the turn being
        read; nor does it get more than a few events ahead of a reader that is reading, so a
        slow reader slows the model's stream rather than letting events pile up. Leaving the
        loop early detaches the reader and the run goes on unobserved; call ``cancel()`` to stop
        it.
        """
        channel = self._channel
        if not channel.detached:
            channel.reading = True
        try:
            while True:
                # Everything the run handed on since the last look, in one go.
                events = channel.take()
                if events:
                    decode = channel.decode
                    for item in events:
                        if isinstance(item, RUN_EVENTS):
                            yield item
                            continue
                        # An item of the model's stream: its event is made here, where it is
                        # read, and dropped once the reader is done with it.
                        try:
                            data = decode(item)
                        except Exception as error:
                            self._fail_reading(error)
                            raise
                        yield RawResponsesStreamEvent(data=data)
                elif channel.finished or channel.detached:
                    break
                else:
                    await channel.waiter()
        finally:
            if not self.is_complete:
                channel.detach()
        if self._task is not None:
            # The run task finishes the channel last; collect it so that no "exception was
            # never retrieved" warning escapes.
            await asyncio.wait([self._task])
        if self._exception is not None:
            raise self._exception

    def _fail_reading(self, error: Exception) -> None:
        """A stream item the reader decoded was invalid: the run ends with that error."""
        if self.is_complete:
            return
        if self._exception is None:
            self._exception = error
        if isinstance(error, AgentsException) and error.run_data is None and self._progress:
            from .runner import _error_details

            error.run_data = _error_details(self._progress)
        if self._task is not None and not self._task.done():
            self._task.cancel()

    async def _wait_until_consumed(self) -> None:
        await self._channel.caught_up()

    def _attach(self, run: RunInProgress) -> None:
        self._progress = run
        self.input = run.original_input
        self.new_items = run.new_items
        self.raw_responses = run.model_responses
        self.context_wrapper = run.context_wrapper
        self.input_guardrail_results = run.input_guardrail_results
        self.output_guardrail_results = run.output_guardrail_results
        self.tool_input_guardrail_results = run.tool_input_guardrail_results
        self.tool_output_guardrail_results = run.tool_output_guardrail_results
        self.max_turns = run.max_turns
        self.current_turn = run.current_turn

    def _emit(self, event: StreamEvent) -> None:
        self._channel.put(event)

    def _finish(self, exception: BaseException | None) -> None:
        if self._exception is None:  # an error the reader found first stays the run's error
            self._exception = exception
        self.is_complete = True
        self._channel.finish()

    def __str__(self) -> str:
        return (
            f"RunResultStreaming(current_agent={self.current_agent.name!r}, "
            f"is_complete={self.is_complete}, final_output={self.final_output!r})"
        )
