"""The trace provider at parity with OpenAI's Agents SDK: every trace and span goes through
the current provider (a provider set by the user is really used, by runs too), span and trace
kinds export as officially, traces serialise and rejoin, spans and traces are weakly
referenceable."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from typing import Any

import pytest

from agents_core import Agent, RunConfig, Runner
from agents_core.testing import ScriptedModel
from agents_core.tracing import (
    DefaultTraceProvider,
    Span,
    SynchronousMultiTracingProcessor,
    Trace,
    TraceProvider,
    TracingProcessor,
    custom_span,
    gen_trace_id,
    get_trace_provider,
    mcp_tools_span,
    response_span,
    set_trace_processors,
    set_trace_provider,
    speech_group_span,
    speech_span,
    task_span,
    trace,
    transcription_span,
    turn_span,
)
from agents_core.tracing import setup as tracing_setup
from agents_core.tracing.context import TraceCtxManager
from agents_core.tracing.scope import Scope
from agents_core.tracing.spans import NoOpSpan
from agents_core.tracing.traces import NoOpTrace, TraceState, reattach_trace


class Recorder(TracingProcessor):
    def __init__(self) -> None:
        self.events: list[tuple[str, Any]] = []

    def on_trace_start(self, trace: Trace) -> None:
        self.events.append(("trace_start", trace))

    def on_trace_end(self, trace: Trace) -> None:
        self.events.append(("trace_end", trace))

    def on_span_start(self, span: Span[Any]) -> None:
        self.events.append(("span_start", span))

    def on_span_end(self, span: Span[Any]) -> None:
        self.events.append(("span_end", span))

    def spans(self) -> list[Span[Any]]:
        return [item for event, item in self.events if event == "span_end"]


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    processor = Recorder()
    set_trace_processors([processor])
    yield processor
    set_trace_processors([])


@pytest.fixture
def restore_provider() -> Iterator[TraceProvider]:
    provider = get_trace_provider()
    yield provider
    set_trace_provider(provider)


def test_the_default_provider_has_no_processor_and_is_live_in_setup() -> None:
    provider = get_trace_provider()
    assert isinstance(provider, DefaultTraceProvider)
    assert tracing_setup.GLOBAL_TRACE_PROVIDER is provider
    assert isinstance(provider._multi_processor, SynchronousMultiTracingProcessor)
    assert provider._multi_processor._processors == ()


async def test_a_provider_set_by_the_user_makes_every_trace_and_span(
    restore_provider: TraceProvider,
) -> None:
    class Counting(DefaultTraceProvider):
        def __init__(self) -> None:
            super().__init__()
            self.traces = 0
            self.spans: list[str] = []

        def create_trace(self, name: str, *args: Any, **kwargs: Any) -> Trace:
            self.traces += 1
            return super().create_trace(name, *args, **kwargs)

        def create_span(self, span_data: Any, *args: Any, **kwargs: Any) -> Span[Any]:
            self.spans.append(span_data.type)
            return super().create_span(span_data, *args, **kwargs)

        def gen_trace_id(self) -> str:
            return "trace_" + "7" * 32

    provider = Counting()
    processor = Recorder()
    provider.register_processor(processor)
    set_trace_provider(provider)
    assert get_trace_provider() is provider and tracing_setup.GLOBAL_TRACE_PROVIDER is provider
    assert gen_trace_id() == "trace_" + "7" * 32
    with trace("mine"), custom_span("c"):
        pass
    await Runner.run(Agent(name="a", model=ScriptedModel(["ok"], emit_traces=True)), "go")
    assert provider.traces == 2
    assert provider.spans == ["custom", "task", "agent", "turn", "generation"]
    assert [item.span_data.type for item in processor.spans()] == [
        "custom",
        "generation",
        "turn",
        "agent",
        "task",
    ]


def test_processors_see_starts_and_ends_in_order(recorder: Recorder) -> None:
    with trace("ordered") as current, custom_span("outer") as outer, custom_span("inner") as inner:
        pass
    assert recorder.events == [
        ("trace_start", current),
        ("span_start", outer),
        ("span_start", inner),
        ("span_end", inner),
        ("span_end", outer),
        ("trace_end", current),
    ]


def test_spans_and_traces_are_weakly_referenceable(recorder: Recorder) -> None:
    with trace("weak") as current, custom_span("s") as span:
        refs: list[weakref.ref[Any]] = [weakref.ref(current), weakref.ref(span)]
        refs.append(weakref.ref(NoOpTrace()))
        refs.append(weakref.ref(NoOpSpan(span.span_data)))
    table: weakref.WeakKeyDictionary[Any, int] = weakref.WeakKeyDictionary({span: 1})
    assert table[span] == 1 and refs[0]() is current and refs[1]() is span
    del current, span, table
    recorder.events.clear()
    gc.collect()
    assert all(ref() is None for ref in refs)


def test_official_span_kinds_export_as_officially(recorder: Recorder) -> None:
    class Response:
        id = "resp_1"

    with trace("kinds"):
        for span in (
            task_span("Workflow"),
            turn_span(2, "Agent"),
            response_span(Response()),
            transcription_span(model="stt", input="AAA=", output="hi", model_config={"t": 1}),
            speech_span(model="tts", input="hi", output="BBB=", first_content_at="now"),
            speech_group_span(input="hi"),
            mcp_tools_span(server="files", result=["read"]),
        ):
            with span:
                pass
    assert [(s.export() or {})["span_data"] for s in recorder.spans()] == [
        {"type": "custom", "name": "task", "data": {"sdk_span_type": "task", "name": "Workflow"}},
        {
            "type": "custom",
            "name": "turn",
            "data": {"sdk_span_type": "turn", "turn": 2, "agent_name": "Agent"},
        },
        {"type": "response", "response_id": "resp_1", "usage": None},
        {
            "type": "transcription",
            "input": {"data": "AAA=", "format": "pcm"},
            "output": "hi",
            "model": "stt",
            "model_config": {"t": 1},
        },
        {
            "type": "speech",
            "input": "hi",
            "output": {"data": "BBB=", "format": "pcm"},
            "model": "tts",
            "model_config": None,
            "first_content_at": "now",
        },
        {"type": "speech_group", "input": "hi"},
        {"type": "mcp_tools", "server": "files", "result": ["read"]},
    ]
    assert [s.span_data.type for s in recorder.spans()][:2] == ["task", "turn"]


def test_a_trace_s_api_key_reaches_its_spans_and_never_its_export(recorder: Recorder) -> None:
    keyed = trace("keyed", tracing={"api_key": "sk-trace"}, metadata={"agent_harness_id": "h"})
    with keyed as t, custom_span("child") as span:
        pass
    assert t.tracing_api_key == "sk-trace" and span.tracing_api_key == "sk-trace"
    assert "sk-trace" not in str(t.export()) and "sk-trace" not in str(span.export())
    assert t.to_json() == t.export()
    exported = t.export()
    assert exported is not None
    assert t.to_json(include_tracing_api_key=True) == {**exported, "tracing_api_key": "sk-trace"}
    # The trace's routing metadata is copied onto its spans, as officially.
    assert (span.export() or {})["metadata"] == {"agent_harness_id": "h"}


def test_trace_state_round_trips_and_rejoins_without_a_second_start(recorder: Recorder) -> None:
    with trace("saved", group_id="g", tracing={"api_key": "sk-1"}) as original:
        pass
    state = TraceState.from_trace(original)
    assert state is not None and state.trace_id == original.trace_id
    saved = state.to_json()
    assert saved is not None and "tracing_api_key" not in saved
    assert saved["tracing_api_key_hash"] and saved["workflow_name"] == "saved"
    restored = TraceState.from_json(saved)
    assert restored is not None and restored.tracing_api_key is None
    recorder.events.clear()
    rejoined = reattach_trace(restored, tracing_api_key="sk-1")
    assert rejoined is not None
    with rejoined, custom_span("after") as span:
        pass
    assert span.trace_id == original.trace_id and span.tracing_api_key == "sk-1"
    assert [event for event, _ in recorder.events] == ["span_start", "span_end"]


def test_trace_ctx_manager_opens_once_and_masks_when_disabled(recorder: Recorder) -> None:
    with TraceCtxManager("run", None, None, None, None, disabled=False) as manager:
        assert isinstance(manager.trace, Trace) and Scope.get_current_trace() is manager.trace
        with TraceCtxManager("nested", None, None, None, None, disabled=False) as nested:
            assert nested.trace is None  # joins the current trace
        with TraceCtxManager("off", None, None, None, None, disabled=True) as masked:
            assert isinstance(Scope.get_current_trace(), NoOpTrace)
            assert isinstance(custom_span("hidden"), NoOpSpan)
            assert masked.trace is not None
        assert Scope.get_current_trace() is manager.trace
    assert Scope.get_current_trace() is None
    assert [e for e, _ in recorder.events] == ["trace_start", "trace_end"]


async def test_a_run_with_tracing_disabled_hides_the_caller_s_trace(recorder: Recorder) -> None:
    seen: list[Any] = []

    class Peeking(ScriptedModel):
        async def get_response(self, *args: Any, **kwargs: Any) -> Any:
            seen.append(Scope.get_current_trace())
            return await super().get_response(*args, **kwargs)

    with trace("outer") as outer:
        config = RunConfig(tracing_disabled=True)
        await Runner.run(Agent(name="a", model=Peeking(["ok"])), "go", run_config=config)
        assert Scope.get_current_trace() is outer
    assert isinstance(seen[0], NoOpTrace)
    assert recorder.spans() == []


def test_a_failing_processor_does_not_stop_the_next_one() -> None:
    class Failing(Recorder):
        def on_span_end(self, span: Span[Any]) -> None:
            raise RuntimeError("down")

    after = Recorder()
    set_trace_processors([Failing(), after])
    try:
        with trace("t"), custom_span("s"):
            pass
    finally:
        set_trace_processors([])
    assert [e for e, _ in after.events] == ["trace_start", "span_start", "span_end", "trace_end"]


def test_the_environment_variable_is_read_on_first_use(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_AGENTS_DISABLE_TRACING", "true")
    provider = DefaultTraceProvider()
    provider.register_processor(Recorder())
    assert isinstance(provider.create_trace("x"), NoOpTrace)
    provider.set_disabled(False)  # the setting wins over the environment
    assert not isinstance(provider.create_trace("x"), NoOpTrace)


def test_a_span_a_run_builds_directly_is_a_whole_span_impl() -> None:
    """``started_span`` sets each of ``SpanImpl``'s fields itself (runs open many spans): a
    field added to ``SpanImpl`` and not set there would fail here, not at export."""
    from agents_core.tracing._spans import SpanBuffer, SpanImpl, started_span
    from agents_core.tracing.span_data import CustomSpanData

    buffer = SpanBuffer()
    stand_in: Any = buffer  # takes the processor's place, as in a run
    parent = started_span(("trace_x", buffer, "key", {"a": 1}), None, CustomSpanData("p", {}))
    child = started_span(("trace_x", buffer, "key", {"a": 1}), parent, CustomSpanData("c", {}))
    made = SpanImpl(
        "trace_x", None, parent.span_id, stand_in, CustomSpanData("c", {}), "key", {"a": 1}
    )
    made.start()
    for span in (parent, child):
        for name in SpanImpl.__slots__:
            getattr(span, name)  # raises AttributeError for a field left unset
    child.finish(reset_current=True)
    parent.finish(reset_current=True)
    made.finish()
    assert child.parent_id == parent.span_id and parent.parent_id is None
    exported, expected = child.export(), made.export()
    for exported_item in (exported, expected):
        exported_item.pop("id")
        exported_item.pop("started_at")
        exported_item.pop("ended_at")
    assert exported == expected
    assert buffer.spans == [child, parent, made]
    assert Scope.get_current_span() is None
