"""Workflows: what turns a transcript into the text to speak."""

from __future__ import annotations

import abc
import contextlib
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any, Generic

from typing_extensions import TypeVar

if TYPE_CHECKING:
    from agents_core import Agent, RunResultStreaming, TResponseInputItem

__all__ = (
    "SingleAgentVoiceWorkflow",
    "SingleAgentWorkflowCallbacks",
    "VoiceWorkflowBase",
    "VoiceWorkflowHelper",
    "aclose",
)

TContext = TypeVar("TContext", default=Any)


async def aclose(iterator: AsyncIterator[Any]) -> None:
    """Close an async generator left part-way (a plain async iterator has nothing to close)."""
    close = getattr(iterator, "aclose", None)
    if close is not None:
        await close()


class VoiceWorkflowBase(abc.ABC):
    """The logic between what the user said and what is spoken back.

    Implement ``run``: it receives a turn's transcript and yields text, as it is written, to be
    spoken (usually the text deltas of ``Runner.run_streamed``, through
    ``VoiceWorkflowHelper.stream_text_from``). ``on_start`` may yield a greeting spoken before
    the user says anything (streamed input only). A workflow whose turn is interrupted by the
    user (barge-in) sees its ``run`` generator closed.
    """

    @abc.abstractmethod
    def run(self, transcription: str) -> AsyncIterator[str]:
        """Yield the text to speak in answer to ``transcription``."""

    async def on_start(self) -> AsyncIterator[str]:
        """Yield a greeting to speak before the first turn (nothing by default)."""
        greeting: tuple[str, ...] = ()
        for text in greeting:
            yield text


class VoiceWorkflowHelper:
    """Helpers for writing workflows."""

    @classmethod
    async def stream_text_from(cls, result: RunResultStreaming) -> AsyncIterator[str]:
        """The text deltas of a streamed run, as the model writes them (tool calls and other
        output are not text and are skipped)."""
        async with contextlib.aclosing(result.stream_events()) as events:
            async for event in events:
                if event.type == "raw_response_event":
                    data = event.data
                    if data.type == "response.output_text.delta":
                        delta = getattr(data, "delta", None)
                        if isinstance(delta, str):
                            yield delta


class SingleAgentWorkflowCallbacks:
    """Hooks of ``SingleAgentVoiceWorkflow``."""

    def on_run(self, workflow: SingleAgentVoiceWorkflow[Any], transcription: str) -> None:
        """Called at the start of each turn with its transcript."""


class SingleAgentVoiceWorkflow(VoiceWorkflowBase, Generic[TContext]):
    """Runs one agent per turn, keeping the conversation: each turn's run sees the transcripts
    and answers of the turns before it, and starts from the agent the last turn ended with
    (after handoffs). An interrupted turn keeps the user's words and drops the unfinished
    answer. For anything more, subclass ``VoiceWorkflowBase``.
    """

    def __init__(
        self,
        agent: Agent[TContext],
        callbacks: SingleAgentWorkflowCallbacks | None = None,
        *,
        context: TContext | None = None,
    ) -> None:
        self._input_history: list[TResponseInputItem] = []
        self._current_agent: Agent[TContext] = agent
        self._callbacks = callbacks
        self._context = context

    @property
    def history(self) -> list[TResponseInputItem]:
        """The conversation so far, as the next turn's run will receive it."""
        return list(self._input_history)

    async def run(self, transcription: str) -> AsyncIterator[str]:
        """Run the agent on the conversation plus ``transcription`` and yield its text."""
        if self._callbacks is not None:
            self._callbacks.on_run(self, transcription)

        from agents_core import Runner  # the runtime loads with the first turn

        self._input_history.append({"role": "user", "content": transcription})
        result = Runner.run_streamed(
            self._current_agent, list(self._input_history), context=self._context
        )
        finished = False
        text = VoiceWorkflowHelper.stream_text_from(result)
        try:
            async for delta in text:
                yield delta
            finished = True
        finally:
            await aclose(text)
            if finished:
                self._input_history = result.to_input_list()
                self._current_agent = result.last_agent
            else:
                result.cancel()
