"""The inside of a realtime session: what it does with each model event, and for each tool call.

``RealtimeSession`` is the public face; this class holds the state and the logic, and is what
the tool and guardrail runners talk to.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from agents_core import FunctionTool, Handoff, RunContextWrapper
from agents_core.exceptions import UserError
from agents_core.tracing import agent_span, get_current_trace, handoff_span, trace

from .._agents.agent import RealtimeAgent
from .._agents.settings import settings_for_agent
from .._base._log import logger
from .._data.items import InputText, UserMessageItem
from .._data.model_inputs import (
    RealtimeModelSendInterrupt,
    RealtimeModelSendRawMessage,
    RealtimeModelSendToolOutput,
    RealtimeModelSendUserInput,
)
from .events import (
    RealtimeAgentEndEvent,
    RealtimeAgentStartEvent,
    RealtimeAudio,
    RealtimeAudioEnd,
    RealtimeAudioInterrupted,
    RealtimeError,
    RealtimeEventInfo,
    RealtimeGuardrailTripped,
    RealtimeHandoffEvent,
    RealtimeHistoryAdded,
    RealtimeHistoryUpdated,
    RealtimeInputAudioTimeoutTriggered,
    RealtimeInputGuardrailTripped,
    RealtimeRawModelEvent,
    RealtimeToolEnd,
)
from .guardrails import InputGuardrails, OutputGuardrails
from .history import History
from .queue import EventQueue
from .tools import ToolCalls

if TYPE_CHECKING:
    from agents_core import InputGuardrailResult, OutputGuardrailResult, Tool
    from agents_core.tracing import Span, Trace

    from .._data.config import RealtimeRunConfig, RealtimeSessionModelSettings
    from .._data.model_events import RealtimeModelEvent, RealtimeModelToolCallEvent
    from .._model.interface import RealtimeModel

__all__ = ("STREAM_END", "Failure", "SessionCore")

STREAM_END: Any = object()
"""Queued when the model's stream ends: the event iterator stops."""


@dataclass
class Failure:
    """Queued when the model's stream failed: the event iterator raises ``error``."""

    error: Exception


@dataclass
class _ResponseWork:
    """The tool calls a response made, and whether the model must answer their outputs."""

    agent: RealtimeAgent[Any]
    running: set[str] = field(default_factory=set)
    waiting: bool = False
    ended: bool = False


class SessionCore:
    """State and behaviour of one realtime session."""

    def __init__(
        self,
        model: RealtimeModel,
        agent: RealtimeAgent[Any],
        context: Any,
        run_config: RealtimeRunConfig,
        base_settings: RealtimeSessionModelSettings,
    ) -> None:
        self.model = model
        self.agent = agent
        self.context: RunContextWrapper[Any] = RunContextWrapper(context)
        self.info = RealtimeEventInfo(context=self.context)
        self.run_config = run_config
        self.base_settings = base_settings
        self.events = EventQueue()
        self.history = History()
        self.tools = ToolCalls(self)
        self.output_guardrails = OutputGuardrails(self)
        self.input_guardrails = InputGuardrails(self)
        self.closing = False
        self._offered: dict[str, Tool | Handoff[Any]] = {}
        self._offered_mcp: list[Tool] = []
        self._responses: dict[str, _ResponseWork] = {}
        self._silenced: set[str] = set()
        self._own_messages: list[str] = []
        self._trace: Trace | None = None
        self._agent_span: Span[Any] | None = None
        self._handlers: dict[str, Callable[[Any], Awaitable[None]]] = {
            "error": self._on_error,
            "function_call": self._on_tool_call,
            "audio_interrupted": self._on_audio_interrupted,
            "audio_done": self._on_audio_done,
            "input_audio_transcription_completed": self._on_transcription,
            "input_audio_timeout_triggered": self._on_idle_timeout,
            "transcript_delta": self._on_transcript_delta,
            "output_text_delta": self._on_text_delta,
            "item_updated": self._on_item_updated,
            "item_deleted": self._on_item_deleted,
            "end_of_stream": self._on_end_of_stream,
            "turn_started": self._on_turn_started,
            "turn_ended": self._on_turn_ended,
            "usage": self._on_usage,
            "exception": self._on_exception,
            "mcp_approval_request": self._on_mcp_approval,
            "other": self._on_other,
        }

    def put(self, event: Any) -> None:
        """Queue an event for the application."""
        self.events.put(event)

    # ------------------------------------------------------------------------ model events

    async def on_event(self, event: RealtimeModelEvent) -> None:
        """Handle one model event (called by the model's reader, in order)."""
        if self.closing:
            return
        if event.type == "audio":  # one per chunk of audio: the hot path
            if event.response_id in self._silenced:
                return
            info = self.info
            self.events.put(RealtimeRawModelEvent(event, info))
            self.events.put(RealtimeAudio(event, event.item_id, event.content_index, info))
            return
        self.events.put(RealtimeRawModelEvent(event, self.info))
        handler = self._handlers.get(event.type)
        if handler is not None:
            await handler(event)

    async def _on_error(self, event: Any) -> None:
        self.put(RealtimeError(error=event.error, info=self.info))

    async def _on_exception(self, event: Any) -> None:
        self.put(RealtimeError(error=event.exception, info=self.info))
        self.put(Failure(event.exception))

    async def _on_end_of_stream(self, event: Any) -> None:
        self.put(STREAM_END)

    async def _on_audio_interrupted(self, event: Any) -> None:
        self.events.withdraw_audio(event.item_id)
        self.put(
            RealtimeAudioInterrupted(
                info=self.info, item_id=event.item_id, content_index=event.content_index
            )
        )

    async def _on_audio_done(self, event: Any) -> None:
        self.put(
            RealtimeAudioEnd(
                info=self.info, item_id=event.item_id, content_index=event.content_index
            )
        )

    async def _on_idle_timeout(self, event: Any) -> None:
        self.put(RealtimeInputAudioTimeoutTriggered(info=self.info))

    async def _on_usage(self, event: Any) -> None:
        self.context.usage.add(event.usage)

    async def _on_turn_started(self, event: Any) -> None:
        if event.response_id is not None:
            self._responses.setdefault(event.response_id, _ResponseWork(agent=self.agent))
        self.put(RealtimeAgentStartEvent(agent=self.agent, info=self.info))

    async def _on_turn_ended(self, event: Any) -> None:
        response_id = event.response_id
        work = self._responses.get(response_id) if response_id is not None else None
        agent = work.agent if work is not None else self.agent
        if response_id is not None:
            self.output_guardrails.on_response_end(response_id, agent)
            self._silenced.discard(response_id)
        if work is not None:
            work.ended = True
            await self._answer_outputs(response_id)
        self.put(RealtimeAgentEndEvent(agent=agent, info=self.info))

    def _agent_of(self, response_id: str | None) -> RealtimeAgent[Any]:
        work = self._responses.get(response_id) if response_id is not None else None
        return work.agent if work is not None else self.agent

    async def _on_transcript_delta(self, event: Any) -> None:
        self.history.add_transcript_delta(event.item_id, event.delta)
        agent = self._agent_of(event.response_id)
        self.output_guardrails.on_delta(event.item_id, event.response_id, event.delta, agent)

    async def _on_text_delta(self, event: Any) -> None:
        agent = self._agent_of(event.response_id)
        self.output_guardrails.on_delta(event.item_id, event.response_id, event.delta, agent)

    def _history_event(self, item: Any, is_new: bool) -> None:
        if is_new:
            self.put(
                RealtimeHistoryAdded(item=self.history.get(item.item_id) or item, info=self.info)
            )
        else:
            self.put(RealtimeHistoryUpdated(history=list(self.history.items), info=self.info))

    async def _on_item_updated(self, event: Any) -> None:
        item = event.item
        self._history_event(item, self.history.upsert(item))
        if isinstance(item, UserMessageItem):
            text = " ".join(
                part.text for part in item.content if isinstance(part, InputText) and part.text
            )
            if text in self._own_messages:
                self._own_messages.remove(text)  # the session's own note to the model
                self.input_guardrails.skip(item.item_id)
            elif text:
                self.input_guardrails.on_user_text(item.item_id, text, self.agent)

    async def _on_item_deleted(self, event: Any) -> None:
        if self.history.delete(event.item_id):
            self.put(RealtimeHistoryUpdated(history=list(self.history.items), info=self.info))

    async def _on_transcription(self, event: Any) -> None:
        is_new = self.history.set_user_transcript(event.item_id, event.transcript)
        item = self.history.get(event.item_id)
        if item is not None:
            self._history_event(item, is_new)
        self.input_guardrails.on_user_text(event.item_id, event.transcript, self.agent)

    async def _on_other(self, event: Any) -> None:
        data = event.data
        item = data.get("item") if isinstance(data, dict) else None
        if not isinstance(item, dict) or item.get("type") != "mcp_call":
            return
        tool = next(
            (
                candidate
                for candidate in self._offered_mcp
                if getattr(candidate, "tool_config", {}).get("server_label")
                in (None, item.get("server_label"))
            ),
            None,
        )
        if tool is not None:
            output = item.get("output") if item.get("error") is None else item.get("error")
            self.put(
                RealtimeToolEnd(
                    agent=self.agent,
                    tool=tool,
                    arguments=str(item.get("arguments") or ""),
                    output=output,
                    info=self.info,
                )
            )

    # ------------------------------------------------------------------------ tool calls

    async def _on_tool_call(self, event: RealtimeModelToolCallEvent) -> None:
        if event.response_id is not None:
            work = self._responses.setdefault(event.response_id, _ResponseWork(agent=self.agent))
            work.running.add(event.call_id)
        await self.tools.on_call(event, self.agent)

    async def _on_mcp_approval(self, event: Any) -> None:
        await self.tools.on_mcp_approval(event, self.agent)

    def offered(self, name: str) -> Tool | Handoff[Any] | None:
        """The tool or handoff the model was offered under ``name``."""
        return self._offered.get(name)

    def offered_mcp_tools(self) -> list[Tool]:
        """The hosted MCP tools the model was offered."""
        return self._offered_mcp

    def call_parked(self, call: RealtimeModelToolCallEvent) -> None:
        """A call now waits for a person: the response's other results need not wait for it."""
        work = self._responses.get(call.response_id) if call.response_id else None
        if work is not None:
            work.running.discard(call.call_id)

    async def send_output(
        self, call: RealtimeModelToolCallEvent, output: str, *, answer: bool = True
    ) -> None:
        """Send a tool's output; ask for an answer once the whole response's calls are done."""
        work = self._responses.get(call.response_id) if call.response_id else None
        if work is not None:
            work.running.discard(call.call_id)
        start = answer and (work is None or (work.ended and not work.running))
        if work is not None and answer and not start:
            work.waiting = True
        if self.closing:
            return
        await self.model.send_event(
            RealtimeModelSendToolOutput(tool_call=call, output=output, start_response=start)
        )
        if work is not None and start:
            work.waiting = False
        if call.response_id is not None:
            await self._answer_outputs(call.response_id)

    async def _answer_outputs(self, response_id: str) -> None:
        work = self._responses.get(response_id)
        if work is None or not work.ended or work.running:
            return
        del self._responses[response_id]
        if work.waiting and not self.closing:
            await self.model.send_event(RealtimeModelSendRawMessage({"type": "response.create"}))

    # ------------------------------------------------------------------------ agents

    async def apply_agent(
        self,
        agent: RealtimeAgent[Any],
        starting: RealtimeSessionModelSettings | None = None,
    ) -> RealtimeSessionModelSettings:
        """Make ``agent`` the active agent; the settings that offer its instructions and tools."""
        settings = await settings_for_agent(
            agent,
            self.context,
            base=self.base_settings,
            starting=starting,
            tracing_disabled=bool(self.run_config.get("tracing_disabled")),
        )
        tools = list(settings.get("tools") or ())
        handoffs = list(settings.get("handoffs") or ())
        offered: dict[str, Tool | Handoff[Any]] = {
            tool.name: tool for tool in tools if isinstance(tool, FunctionTool)
        }
        offered.update({handoff.tool_name: handoff for handoff in handoffs})
        self._offered = offered
        self._offered_mcp = [tool for tool in tools if not isinstance(tool, FunctionTool)]
        self.agent = agent
        self._start_agent_span(
            agent, [tool.name for tool in tools], [h.agent_name for h in handoffs]
        )
        return settings

    async def hand_off(self, call: RealtimeModelToolCallEvent, handoff: Handoff[Any]) -> None:
        """Carry out a handoff: new instructions and tools first, then the call's output."""
        from_agent = self.agent
        span = handoff_span(from_agent.name, handoff.agent_name, parent=self._agent_span)
        span.start()
        try:
            target: Any = await handoff.on_invoke_handoff(self.context, call.arguments)
        except Exception as exc:
            span.set_error({"message": type(exc).__name__, "data": None})
            span.finish()
            self.put(RealtimeError(error=exc, info=self.info))
            await self.send_output(call, f"The handoff to {handoff.agent_name} failed: {exc}")
            return
        span.finish()
        if not isinstance(target, RealtimeAgent):
            error = UserError(
                f"Handoff '{handoff.tool_name}' returned {type(target).__name__}: a realtime "
                "session can only hand the conversation to a RealtimeAgent."
            )
            self.put(RealtimeError(error=error, info=self.info))
            await self.send_output(call, f"The handoff to {handoff.agent_name} is not possible.")
            return
        target_agent: RealtimeAgent[Any] = target
        settings = await self.apply_agent(target_agent)
        from .._data.model_inputs import RealtimeModelSendSessionUpdate

        await self.model.send_event(RealtimeModelSendSessionUpdate(session_settings=settings))
        self.put(RealtimeHandoffEvent(from_agent=from_agent, to_agent=target_agent, info=self.info))
        await self.call_hooks(target_agent, "on_handoff", from_agent)
        await self.call_hooks(target_agent, "on_start")
        await self.send_output(call, handoff.get_transfer_message(cast(Any, target_agent)))

    async def call_hooks(self, agent: RealtimeAgent[Any], name: str, *args: Any) -> None:
        """Run a lifecycle callback on the session's hooks and on ``agent``'s own."""
        run_hooks = self.run_config.get("hooks")
        calls: list[Any] = []
        context = self.context
        if name == "on_start":
            if run_hooks is not None:
                calls.append(run_hooks.on_agent_start(cast(Any, context), cast(Any, agent)))
            if agent.hooks is not None:
                calls.append(agent.hooks.on_start(cast(Any, context), cast(Any, agent)))
        elif name == "on_handoff":
            (source,) = args
            if run_hooks is not None:
                calls.append(run_hooks.on_handoff(context, cast(Any, source), cast(Any, agent)))
            if agent.hooks is not None:
                calls.append(agent.hooks.on_handoff(context, cast(Any, agent), cast(Any, source)))
        else:
            for hooks in (run_hooks, agent.hooks):
                if hooks is not None:
                    calls.append(getattr(hooks, name)(context, agent, *args))
        for call in calls:
            try:
                if inspect.isawaitable(call):
                    await call
            except Exception as exc:
                logger().error("realtime hook failed", hook=name, error=type(exc).__name__)
                self.put(RealtimeError(error=exc, info=self.info))

    # ------------------------------------------------------------------------ guardrails

    async def output_tripped(
        self, results: list[OutputGuardrailResult], text: str, response_id: str, item_id: str
    ) -> None:
        """Stop an answer an output guardrail rejected, and tell the model why."""
        if self.closing:
            return
        self._silenced.add(response_id)
        self.events.withdraw_audio(item_id)
        self.put(RealtimeGuardrailTripped(guardrail_results=results, message=text, info=self.info))
        await self.model.send_event(
            RealtimeModelSendInterrupt(force_response_cancel=True, response_id=response_id)
        )
        await self._tell_model(results)

    async def _tell_model(self, results: list[Any]) -> None:
        names = ", ".join(result.guardrail.get_name() for result in results)
        note = f"guardrail triggered: {names}"
        self._own_messages.append(note)
        await self.model.send_event(RealtimeModelSendUserInput(note))

    async def input_tripped(self, results: list[InputGuardrailResult], text: str) -> None:
        """Stop the answer to what the user said, and tell the model why."""
        if self.closing:
            return
        self.put(
            RealtimeInputGuardrailTripped(
                guardrail_results=results, transcript=text, info=self.info
            )
        )
        await self.model.send_event(RealtimeModelSendInterrupt(force_response_cancel=True))
        await self._tell_model(results)

    # ------------------------------------------------------------------------ tracing

    def start_tracing(self) -> None:
        """Open the session's trace (or join the caller's), named by the tracing settings."""
        if get_current_trace() is not None:
            return  # the application traces this session inside its own workflow
        config: Any = self.base_settings.get("tracing") or {}
        self._trace = trace(
            str(config.get("workflow_name") or "Realtime session"),
            group_id=config.get("group_id"),
            metadata=config.get("metadata"),
            disabled=bool(self.run_config.get("tracing_disabled")),
        )
        self._trace.start()

    def _start_agent_span(
        self, agent: RealtimeAgent[Any], tools: list[str], handoffs: list[str]
    ) -> None:
        if self._agent_span is not None:
            self._agent_span.finish()
        parent = self._trace if self._trace is not None else None
        self._agent_span = agent_span(
            agent.name,
            handoffs=handoffs,
            tools=tools,
            parent=parent,
            disabled=bool(self.run_config.get("tracing_disabled")),
        )
        self._agent_span.start()

    def agent_span(self) -> Span[Any] | None:
        """The span of the active agent, parent of tool, handoff and guardrail spans."""
        return self._agent_span

    def finish_tracing(self) -> None:
        """Close the agent span and the trace."""
        if self._agent_span is not None:
            self._agent_span.finish()
            self._agent_span = None
        if self._trace is not None:
            self._trace.finish()
            self._trace = None
