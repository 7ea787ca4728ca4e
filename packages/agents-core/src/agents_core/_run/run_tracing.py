"""The trace and spans of one run, made through the current trace provider; every call is a
cheap no-op while nothing records them.

A run records (under its trace, or the caller's): a task span for the run, an agent span per
agent, a turn span per turn (unless ``TracingConfig(include_task_and_turn_spans=False)``), and
inside a turn the generation span of its model call, function spans of its tools, and handoff
and guardrail spans.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._models.interface import ModelTracing

if TYPE_CHECKING:
    from .._agents.agent import Agent
    from .._base.model_settings import ModelSettings
    from .._items.items import ModelResponse, TResponseInputItem
    from ..tracing import Span, Trace, TraceProvider
    from .config import RunConfig

__all__ = ("RunTracing", "get_model_tracing_impl")


def get_model_tracing_impl(
    tracing_disabled: bool, trace_include_sensitive_data: bool
) -> ModelTracing:
    """What a model call may record, from the run's tracing settings."""
    if tracing_disabled:
        return ModelTracing.DISABLED
    if trace_include_sensitive_data:
        return ModelTracing.ENABLED
    return ModelTracing.ENABLED_WITHOUT_DATA


class _Tracing:
    """The tracing package's names, imported on first use (not at every span)."""

    loaded = False
    call_each: Any
    current_span: Any
    current_trace: Any
    span_impl: Any
    span_buffer: Any
    started_span: Any
    trace_impl: Any
    get_trace_provider: Any
    default_provider: Any
    no_op_trace: Any
    include_task_and_turn_spans: Any
    span_error: Any
    agent: Any
    task: Any
    turn: Any
    generation: Any
    function: Any
    handoff: Any
    guardrail: Any

    @classmethod
    def load(cls) -> type[_Tracing]:
        if not cls.loaded:
            from .. import tracing
            from ..tracing import _provider, _scope, _spans, config, span_data, spans, traces

            cls.call_each = _provider.call_each
            cls.current_span = _scope.current_span
            cls.current_trace = _scope.current_trace
            cls.span_impl = spans.SpanImpl
            cls.span_buffer = _spans.SpanBuffer
            cls.started_span = _spans.started_span
            cls.trace_impl = traces.TraceImpl
            cls.get_trace_provider = tracing.get_trace_provider
            cls.default_provider = tracing.DefaultTraceProvider
            cls.no_op_trace = traces.NoOpTrace
            cls.include_task_and_turn_spans = config.include_task_and_turn_spans
            cls.span_error = tracing.SpanError
            cls.agent = span_data.AgentSpanData
            cls.task = span_data.TaskSpanData
            cls.turn = span_data.TurnSpanData
            cls.generation = span_data.GenerationSpanData
            cls.function = span_data.FunctionSpanData
            cls.handoff = span_data.HandoffSpanData
            cls.guardrail = span_data.GuardrailSpanData
            cls.loaded = True
        return cls


# A run hands its ended spans to the processors at its end, or at the start of a turn once it
# holds this many.
_HAND_OVER_AT = 16


def _target_name(target: Any) -> str:
    return str(getattr(target, "agent_name", None) or getattr(target, "name", ""))


def _error(exc: BaseException) -> Any:
    return _Tracing.load().span_error(message=type(exc).__name__, data={"error": str(exc)[:500]})


def _close(span: Span[Any] | None, error: BaseException | None) -> None:
    if span is not None:
        if error is not None:
            span.set_error(_error(error))
        span.finish(reset_current=True)


class RunTracing:
    """Opens the run's trace (unless the caller already has one) and its spans. ``active`` is
    False when nothing records them; then every method returns at once."""

    __slots__ = (
        "_agent_span",
        "_buffer",
        "_fast",
        "_owned_trace",
        "_provider",
        "_task_span",
        "_turn_span",
        "_unannounced",
        "_usage",
        "active",
        "include_data",
        "task_and_turn_spans",
    )

    def __init__(self) -> None:
        self.active = False
        self.include_data = False
        self.task_and_turn_spans = False
        self._provider: TraceProvider | None = None
        # With the default provider and its own trace: what ``create_span`` would give every
        # span of the run (trace id, processor, API key, metadata), to make them directly.
        self._fast: tuple[str, Any, str | None, Any] | None = None
        # With the default provider, while no processor wants span starts and each takes ended
        # spans in batches (``BatchTraceProcessor``): the run's ended spans, handed over
        # together at the end of the run (and every few turns).
        self._buffer: Any = None
        self._owned_trace: Trace | None = None
        # The run's own trace while its start is still to be handed to the processors, with
        # the first spans (when each takes a trace like its spans, in batches).
        self._unannounced: Trace | None = None
        self._agent_span: Span[Any] | None = None
        self._task_span: Span[Any] | None = None
        self._turn_span: Span[Any] | None = None
        # Requests and tokens (input, output, cached input) of the run, then of the turn.
        self._usage = [0, 0, 0, 0, 0, 0, 0]

    def start_run(self, config: RunConfig) -> None:
        """Open a trace for the run if none is current (and tracing is on)."""
        tracing = _Tracing.load()
        provider: TraceProvider = tracing.get_trace_provider()
        default = type(provider) is tracing.default_provider
        current = tracing.current_trace.get() if default else provider.get_current_trace()
        if config.tracing_disabled:
            if current is not None:  # hide the caller's trace from everything the run does
                self._owned_trace = tracing.no_op_trace()
                self._owned_trace.start(mark_as_current=True)
            return
        if default and not provider.is_recording():  # type: ignore[attr-defined]
            return  # the default: no processor, nothing to record
        if current is None:
            if default:  # what its create_trace would make
                multi = provider._multi_processor  # type: ignore[attr-defined]
                own = tracing.trace_impl(
                    config.workflow_name,
                    config.trace_id,
                    config.group_id,
                    config.trace_metadata,
                    multi,
                    config.tracing.get("api_key") if config.tracing else None,
                )
                self._owned_trace = own
                if multi._trace_rides_with_spans:
                    # Every processor takes the trace with the spans: the run hands it over
                    # with them, in one call per processor.
                    own.start_unannounced()
                    self._provider = provider
                    self._buffer = tracing.span_buffer()
                    self._buffer.spans.append(own)
                    self._unannounced = own
                    self._fast = (own._trace_id, self._buffer, own._tracing_api_key, own.metadata)
                    self._activate(config, tracing)
                    return
                current = own
            else:
                current = provider.create_trace(
                    config.workflow_name,
                    trace_id=config.trace_id,
                    group_id=config.group_id,
                    metadata=config.trace_metadata,
                    tracing=config.tracing,
                )
                self._owned_trace = current
            current.start(mark_as_current=True)
        if isinstance(current, tracing.no_op_trace) or current.trace_id == "no-op":
            return
        self._provider = provider
        if default and type(current) is tracing.trace_impl:
            trace: Any = current
            multi = provider._multi_processor  # type: ignore[attr-defined]
            processor = multi
            if multi._span_end_batches is not None and not multi._span_start:
                processor = self._buffer = tracing.span_buffer()
            self._fast = (trace._trace_id, processor, trace._tracing_api_key, trace.metadata)
        self._activate(config, tracing)

    def _activate(self, config: RunConfig, tracing: type[_Tracing]) -> None:
        self.active = True
        self.include_data = config.trace_include_sensitive_data
        self.task_and_turn_spans = tracing.include_task_and_turn_spans(config.tracing)
        if self.task_and_turn_spans:
            self._task_span = self._start(tracing.task(config.workflow_name))

    def _start(self, data: Any) -> Span[Any]:
        """A started span, made current: directly for the default provider's own trace and
        spans (as its ``create_span`` would), else through the provider."""
        fast = self._fast
        if fast is not None:
            parent = _Tracing.current_span.get()
            if parent is None or type(parent) is _Tracing.span_impl:
                if self._buffer is not None:  # no processor wants to see the start
                    started: Span[Any] = _Tracing.started_span(fast, parent, data)
                    return started
                span: Span[Any] = _Tracing.span_impl(
                    fast[0],
                    None,
                    None if parent is None else parent._span_id,
                    fast[1],
                    data,
                    fast[2],
                    fast[3],
                )
                span.start(mark_as_current=True)
                return span
        span = self._provider.create_span(data)  # type: ignore[union-attr]
        span.start(mark_as_current=True)
        return span

    def finish_run(self, error: BaseException | None = None) -> None:
        """Close the open spans and the trace this run opened."""
        if self.active:
            self.end_turn(error)
            self.end_agent(error)
            task, self._task_span = self._task_span, None
            if task is not None:
                usage = self._usage
                task.span_data.usage = {
                    "input_tokens": usage[1],
                    "output_tokens": usage[2],
                    "cached_input_tokens": usage[3],
                    "cache_write_input_tokens": 0,
                    "requests": usage[0],
                    "total_tokens": usage[1] + usage[2],
                }
                _close(task, error)
            buffer = self._buffer
            if buffer is not None:
                self._hand_over()
                # Spans of this run that end from now on (a tool left running) go straight on.
                buffer.forward_to(self._provider._multi_processor.on_span_end)  # type: ignore[union-attr]
        if self._owned_trace is not None:
            self._owned_trace.finish(reset_current=True)
            self._owned_trace = None

    def _hand_over(self) -> None:
        """Give the spans ended so far (led by the run's trace, the first time, if its start
        was not announced) to the processors: those now set, each one's batch method, or
        every processor's ``on_trace_start`` and ``on_span_end`` if one has changed to want
        them singly."""
        spans = self._buffer.take()
        if not spans:
            return
        multi: Any = self._provider._multi_processor  # type: ignore[union-attr]
        trace, self._unannounced = self._unannounced, None
        if trace is not None and not multi._trace_rides_with_spans:
            del spans[0]
            multi.on_trace_start(trace)
            if not spans:
                return
        sinks = multi._span_end_batches
        if sinks is None:
            for span in spans:
                multi.on_span_end(span)
            return
        _Tracing.call_each(sinks, spans, "on_span_end")

    def start_agent(self, agent: Agent[Any]) -> None:
        """End the previous agent's span and start one for ``agent`` (its tools' names)."""
        if not self.active:
            return
        self.end_turn()
        self.end_agent()
        output_type = agent.output_type
        self._agent_span = self._start(
            _Tracing.agent(
                agent.name,
                [_target_name(target) for target in agent.handoffs],
                [tool.name for tool in agent.tools],
                getattr(output_type, "__name__", None) if output_type else "str",
            )
        )

    def end_agent(self, error: BaseException | None = None) -> None:
        """Finish the current agent span, recording ``error`` on it if given."""
        span, self._agent_span = self._agent_span, None
        _close(span, error)

    def start_turn(self, turn: int, agent_name: str) -> None:
        """Start the span of one turn (when task and turn spans are recorded)."""
        if self.task_and_turn_spans:
            self.end_turn()
            buffer = self._buffer
            if buffer is not None and len(buffer.spans) >= _HAND_OVER_AT:
                self._hand_over()  # a long run's spans reach the exporter as it goes
            usage = self._usage
            usage[4] = usage[5] = usage[6] = 0
            self._turn_span = self._start(_Tracing.turn(turn, agent_name))

    def end_turn(self, error: BaseException | None = None) -> None:
        """Finish the current turn span with the turn's token usage."""
        span, self._turn_span = self._turn_span, None
        if span is not None:
            usage = self._usage
            span.span_data.usage = {
                "input_tokens": usage[4],
                "output_tokens": usage[5],
                "cached_input_tokens": usage[6],
                "cache_write_input_tokens": 0,
            }
            _close(span, error)

    def generation(
        self, model_input: list[TResponseInputItem], settings: ModelSettings, model: Any
    ) -> Span[Any] | None:
        """A started span for one model call (None when not tracing, or for a model that asks
        for none, as ``ScriptedModel(emit_traces=False)`` does)."""
        if not self.active or not getattr(model, "_generation_spans", True):
            return None
        return self._start(
            _Tracing.generation(
                model_input,
                None,
                getattr(model, "model", None) or type(model).__name__,
                settings,  # dumped at export time
                include_data=self.include_data,
            )
        )

    def end_generation(
        self, span: Span[Any] | None, response: ModelResponse | None, error: BaseException | None
    ) -> None:
        """Finish a generation span with the response's output and usage, or the error."""
        if span is None:
            return
        if response is not None:
            usage = response.usage
            data = span.span_data
            data.output = list(response.output)  # dumped at export time
            data.usage = {"input_tokens": usage.input_tokens, "output_tokens": usage.output_tokens}
            cached = usage.input_tokens_details.cached_tokens
            totals = self._usage
            totals[0] += 1
            totals[1] += usage.input_tokens
            totals[2] += usage.output_tokens
            totals[3] += cached
            totals[4] += usage.input_tokens
            totals[5] += usage.output_tokens
            totals[6] += cached
        _close(span, error)

    def function(self, name: str, arguments: str) -> Span[Any] | None:
        """A started span for one tool call (None when not tracing)."""
        if not self.active:
            return None
        return self._start(_Tracing.function(name, arguments, None, include_data=self.include_data))

    @staticmethod
    def end_function(span: Span[Any] | None, output: Any, error: BaseException | None) -> None:
        """Finish a tool span with the output the model will see, or the error."""
        if span is None:
            return
        if error is None:
            span.span_data.output = output
        _close(span, error)

    def handoff(self, from_agent: str, to_agent: str) -> None:
        """Record a handoff as a (finished) span."""
        if self.active:
            self._start(_Tracing.handoff(from_agent, to_agent)).finish(reset_current=True)

    def guardrail(self, name: str, triggered: bool) -> None:
        """Record a guardrail verdict as a (finished) span."""
        if self.active:
            self._start(_Tracing.guardrail(name, triggered)).finish(reset_current=True)
