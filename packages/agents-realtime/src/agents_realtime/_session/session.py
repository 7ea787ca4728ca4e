"""``RealtimeSession``: a live conversation with a realtime model, as events and operations."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import TYPE_CHECKING, Any

from .._base._log import logger
from .._data.model_inputs import (
    RealtimeModelSendAudio,
    RealtimeModelSendInterrupt,
    RealtimeModelSendSessionUpdate,
    RealtimeModelSendUserInput,
)
from .._model.interface import RealtimeModelListener
from .core import STREAM_END, Failure, SessionCore
from .queue import END

if TYPE_CHECKING:
    from agents_core import RunContextWrapper

    from .._agents.agent import RealtimeAgent
    from .._data.config import RealtimeRunConfig, RealtimeSessionModelSettings, RealtimeUserInput
    from .._data.items import RealtimeItem
    from .._data.model_events import RealtimeModelEvent
    from .._model.interface import RealtimeModel, RealtimeModelConfig
    from .events import RealtimeSessionEvent

__all__ = ("RealtimeSession",)


class RealtimeSession(RealtimeModelListener):
    """A conversation with a realtime model: iterate it for events, call it to speak.

    ::

        runner = RealtimeRunner(agent)
        async with await runner.run() as session:
            await session.send_message("Hello")
            async for event in session:
                if event.type == "audio":
                    play(event.audio.data)

    The session runs the agent's tools while the conversation goes on, carries out handoffs,
    checks guardrails and asks for approvals. Events come in order; an ``error`` event reports
    something that went wrong and the session goes on, except a lost connection (with no
    reconnect policy, or after it gives up), which the iterator raises after its ``error``
    event. Leaving the ``async with`` block (or ``close()``) ends the session.
    """

    def __init__(
        self,
        model: RealtimeModel,
        agent: RealtimeAgent[Any],
        context: Any | None,
        model_config: RealtimeModelConfig | None = None,
        run_config: RealtimeRunConfig | None = None,
    ) -> None:
        self._model = model
        self._model_config: RealtimeModelConfig = model_config or {}
        run_config = run_config or {}
        base: RealtimeSessionModelSettings = {
            **(run_config.get("model_settings") or {}),
            **(self._model_config.get("initial_model_settings") or {}),
        }
        self._core = SessionCore(model, agent, context, run_config, base)
        self._started = False
        self._closed = False
        # The model calls the core straight away: one coroutine fewer per event.
        self.on_event = self._core.on_event  # type: ignore[method-assign]

    @property
    def model(self) -> RealtimeModel:
        """The model this session talks to (for raw events and listeners of your own)."""
        return self._model

    @property
    def history(self) -> list[RealtimeItem]:
        """The conversation so far: messages of both sides (with transcripts) and tool calls."""
        return list(self._core.history.items)

    @property
    def context_wrapper(self) -> RunContextWrapper[Any]:
        """The run context: your context object (``.context``) and the usage (``.usage``)."""
        return self._core.context

    @property
    def current_agent(self) -> RealtimeAgent[Any]:
        """The agent the model currently speaks as."""
        return self._core.agent

    @property
    def pending_tool_calls(self) -> tuple[str, ...]:
        """The call ids of tool calls waiting for ``approve_tool_call`` / ``reject_tool_call``."""
        return self._core.tools.pending_call_ids

    # ------------------------------------------------------------------------ lifecycle

    async def __aenter__(self) -> RealtimeSession:
        """Connect to the model with the starting agent's settings; events start flowing."""
        if self._started:
            raise RuntimeError("A realtime session can be entered only once.")
        self._started = True
        core = self._core
        starting = self._model_config.get("initial_model_settings")
        core.start_tracing()
        settings = await core.apply_agent(core.agent, starting=starting)
        config: RealtimeModelConfig = {**self._model_config, "initial_model_settings": settings}
        self._model.add_listener(self)
        try:
            await self._model.connect(config)
        except BaseException:
            self._model.remove_listener(self)
            core.closing = True
            core.finish_tracing()
            self._closed = True
            raise
        core.put(_initial_history(core))
        await core.call_hooks(core.agent, "on_start")
        return self

    async def enter(self) -> RealtimeSession:
        """Start the session without ``async with``; call ``close()`` when done."""
        return await self.__aenter__()

    async def __aexit__(self, *exc_info: object) -> None:
        """End the session."""
        await self.close()

    async def close(self) -> None:
        """End the session: stop tools and guardrails, close the model; iterators finish."""
        if self._closed:
            return
        self._closed = True
        core = self._core
        core.closing = True
        await core.tools.cancel()
        await core.output_guardrails.cancel()
        await core.input_guardrails.cancel()
        self._model.remove_listener(self)
        try:
            await self._model.close()
        except Exception as exc:
            logger().warning("closing the realtime model failed", error=type(exc).__name__)
        core.finish_tracing()
        core.events.close()

    async def __aiter__(self) -> AsyncGenerator[RealtimeSessionEvent, None]:
        """The session's events, in order, until it ends (raises if the connection failed)."""
        events = self._core.events
        queued = events.items
        while True:
            # Taking a queued event directly saves a coroutine per event (one per audio chunk).
            event = queued.popleft() if queued else await events.get()
            if event is END:
                return
            if event is STREAM_END:
                await self.close()
                return
            if isinstance(event, Failure):
                await self.close()
                raise event.error
            yield event

    async def on_event(self, event: RealtimeModelEvent) -> None:
        """Called by the model for each of its events."""
        await self._core.on_event(event)

    # ------------------------------------------------------------------------ operations

    async def send_message(self, message: RealtimeUserInput) -> None:
        """Say something to the model: text, or a message with text and image parts."""
        await self._model.send_event(RealtimeModelSendUserInput(user_input=message))

    async def send_audio(self, audio: bytes, *, commit: bool = False) -> None:
        """Stream the user's audio (in the session's input format); ``commit`` ends the turn."""
        await self._model.send_event(RealtimeModelSendAudio(audio=audio, commit=commit))

    async def interrupt(self) -> None:
        """Stop the model's answer now.

        Its audio is cut where the user stopped hearing it (per the playback tracker, or the
        time since it started), the response is cancelled if it is still being generated, and
        no more of its audio reaches the application.
        """
        await self._model.send_event(RealtimeModelSendInterrupt(force_response_cancel=True))

    async def update_agent(self, agent: RealtimeAgent[Any]) -> None:
        """Speak as ``agent`` from now on: its instructions and tools replace the current ones."""
        settings = await self._core.apply_agent(agent)
        await self._model.send_event(RealtimeModelSendSessionUpdate(session_settings=settings))

    async def approve_tool_call(self, call_id: str, *, always: bool = False) -> None:
        """Let a call that waited for approval run (``always``: every call of that tool)."""
        if not self._closed:
            await self._core.tools.approve(call_id, always=always)

    async def reject_tool_call(
        self, call_id: str, *, always: bool = False, rejection_message: str | None = None
    ) -> None:
        """Refuse a call that waited for approval; the model reads ``rejection_message``."""
        if not self._closed:
            await self._core.tools.reject(
                call_id, always=always, rejection_message=rejection_message
            )


def _initial_history(core: SessionCore) -> Any:
    from .events import RealtimeHistoryUpdated

    return RealtimeHistoryUpdated(history=list(core.history.items), info=core.info)
