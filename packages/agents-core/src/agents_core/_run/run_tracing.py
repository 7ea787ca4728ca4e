"""The trace and spans of one run; every call is a cheap no-op while tracing is off."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .._agents.agent import Agent
    from .._base.model_settings import ModelSettings
    from .._items.items import ModelResponse, TResponseInputItem
    from ..tracing import Span, Trace
    from .config import RunConfig

__all__ = ("RunTracing",)


class _Tracing:
    """The tracing module's functions, imported on first use (not at every span)."""

    loaded = False
    settings: Any
    agent_span: Any
    function_span: Any
    generation_span: Any
    handoff_span: Any
    guardrail_span: Any
    get_current_trace: Any
    trace: Any
    recording_trace: Any
    span_error: Any

    @classmethod
    def load(cls) -> type[_Tracing]:
        if not cls.loaded:
            from .. import tracing
            from ..tracing import _core, _setup

            cls.settings = _setup._settings
            cls.agent_span = tracing.agent_span
            cls.function_span = tracing.function_span
            cls.generation_span = tracing.generation_span
            cls.handoff_span = tracing.handoff_span
            cls.guardrail_span = tracing.guardrail_span
            cls.get_current_trace = tracing.get_current_trace
            cls.trace = tracing.trace
            cls.recording_trace = _core.RecordingTrace
            cls.span_error = tracing.SpanError
            cls.loaded = True
        return cls


def _recording_possible() -> bool:
    """False when no processor is configured (the default): then a run opens no trace at all."""
    settings = _Tracing.load().settings
    return bool(settings.processors) and not settings.disabled


def _target_name(target: Any) -> str:
    return str(getattr(target, "agent_name", None) or getattr(target, "name", ""))


def _error(exc: BaseException) -> Any:
    return _Tracing.load().span_error(message=type(exc).__name__, data={"error": str(exc)[:500]})


class RunTracing:
    """Opens the run's trace (unless the caller already has one) and its agent, generation,
    function, handoff and guardrail spans. ``active`` is False when nothing records them."""

    __slots__ = ("_agent_span", "_owned_trace", "active", "include_data")

    def __init__(self) -> None:
        self.active = False
        self.include_data = False
        self._owned_trace: Trace | None = None
        self._agent_span: Span[Any] | None = None

    def start_run(self, config: RunConfig) -> None:
        """Open a trace for the run if none is current (and tracing is on)."""
        if config.tracing_disabled or not _recording_possible():
            return
        tracing = _Tracing.load()
        if tracing.get_current_trace() is None:
            self._owned_trace = tracing.trace(
                config.workflow_name,
                trace_id=config.trace_id,
                group_id=config.group_id,
                metadata=config.trace_metadata,
            )
            self._owned_trace.start(mark_as_current=True)
        self.active = isinstance(tracing.get_current_trace(), tracing.recording_trace)
        self.include_data = config.trace_include_sensitive_data

    def finish_run(self, error: BaseException | None = None) -> None:
        """Close the agent span and the trace this run opened."""
        self.end_agent(error)
        if self._owned_trace is not None:
            self._owned_trace.finish(reset_current=True)
            self._owned_trace = None

    def start_agent(self, agent: Agent[Any], tool_names: list[str]) -> None:
        """End the previous agent's span and start one for ``agent``."""
        if not self.active:
            return
        self.end_agent()
        output_type = agent.output_type
        span = _Tracing.agent_span(
            agent.name,
            handoffs=[_target_name(target) for target in agent.handoffs],
            tools=tool_names,
            output_type=getattr(output_type, "__name__", None) if output_type else "str",
        )
        span.start(mark_as_current=True)
        self._agent_span = span

    def end_agent(self, error: BaseException | None = None) -> None:
        """Finish the current agent span, recording ``error`` on it if given."""
        span, self._agent_span = self._agent_span, None
        if span is not None:
            if error is not None:
                span.set_error(_error(error))
            span.finish(reset_current=True)

    def generation(
        self, model_input: list[TResponseInputItem], settings: ModelSettings, model: Any
    ) -> Span[Any] | None:
        """A started span for one model call (None when not tracing)."""
        if not self.active:
            return None
        span: Span[Any] = _Tracing.generation_span(
            input=model_input,
            model=getattr(model, "model", None) or type(model).__name__,
            model_config=settings,  # dumped at export time
            include_data=self.include_data,
        )
        span.start(mark_as_current=True)
        return span

    @staticmethod
    def end_generation(
        span: Span[Any] | None, response: ModelResponse | None, error: BaseException | None
    ) -> None:
        """Finish a generation span with the response's output and usage, or the error."""
        if span is None:
            return
        if response is not None:
            span.span_data.output = list(response.output)  # dumped at export time
            span.span_data.usage = {
                "input_tokens": response.usage.input_tokens,
                "output_tokens": response.usage.output_tokens,
            }
        if error is not None:
            span.set_error(_error(error))
        span.finish(reset_current=True)

    def function(self, name: str, arguments: str) -> Span[Any] | None:
        """A started span for one tool call (None when not tracing)."""
        if not self.active:
            return None
        span: Span[Any] = _Tracing.function_span(
            name, input=arguments, include_data=self.include_data
        )
        span.start(mark_as_current=True)
        return span

    @staticmethod
    def end_function(span: Span[Any] | None, output: Any, error: BaseException | None) -> None:
        """Finish a tool span with the output the model will see, or the error."""
        if span is None:
            return
        if error is not None:
            span.set_error(_error(error))
        else:
            span.span_data.output = output
        span.finish(reset_current=True)

    def handoff(self, from_agent: str, to_agent: str) -> None:
        """Record a handoff as a (finished) span."""
        if not self.active:
            return
        with _Tracing.handoff_span(from_agent=from_agent, to_agent=to_agent):
            pass

    def guardrail(self, name: str, triggered: bool) -> None:
        """Record a guardrail verdict as a (finished) span."""
        if not self.active:
            return
        with _Tracing.guardrail_span(name, triggered=triggered):
            pass
