"""Runs produce a correct span tree; tracing failures stay contained; tracing off stays off."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from agents_core import (
    Agent,
    GuardrailFunctionOutput,
    RunConfig,
    RunContextWrapper,
    Runner,
    function_tool,
    input_guardrail,
)
from agents_core.testing import ScriptedModel, function_call
from agents_core.tracing import (
    BatchTraceProcessor,
    JSONLinesSpanExporter,
    Span,
    Trace,
    TracingExporter,
    TracingProcessor,
    set_trace_processors,
    trace,
)


class Collector(TracingProcessor):
    def __init__(self) -> None:
        self.traces: list[dict[str, Any]] = []
        self.spans: list[dict[str, Any]] = []

    def on_trace_start(self, trace: Trace) -> None:
        pass

    def on_trace_end(self, trace: Trace) -> None:
        exported = trace.export()
        assert exported is not None
        self.traces.append(exported)

    def on_span_start(self, span: Span[Any]) -> None:
        pass

    def on_span_end(self, span: Span[Any]) -> None:
        exported = span.export()
        assert exported is not None
        self.spans.append(exported)


class ListExporter(TracingExporter):
    def __init__(self) -> None:
        self.items: list[Trace | Span[Any]] = []

    def export(self, items: list[Trace | Span[Any]]) -> None:
        self.items.extend(items)


class BatchedCollector:
    """What a ``BatchTraceProcessor`` exports, read like ``Collector`` (flushed on reading).

    With it as the only processor, a run hands its spans over together rather than one by one.
    """

    def __init__(self) -> None:
        self.exporter = ListExporter()
        self.processor = BatchTraceProcessor(self.exporter, schedule_delay=60)

    @property
    def traces(self) -> list[dict[str, Any]]:
        self.processor.force_flush()
        return [e for i in self.exporter.items if isinstance(i, Trace) and (e := i.export())]

    @property
    def spans(self) -> list[dict[str, Any]]:
        self.processor.force_flush()
        return [e for i in self.exporter.items if isinstance(i, Span) and (e := i.export())]


@pytest.fixture(params=["one_by_one", "batched"])
def collector(request: pytest.FixtureRequest) -> Any:
    """A processor that sees each span end, or one that takes a run's spans together."""
    made: Any = Collector() if request.param == "one_by_one" else BatchedCollector()
    set_trace_processors([made if isinstance(made, Collector) else made.processor])
    yield made
    set_trace_processors([])
    if isinstance(made, BatchedCollector):
        made.processor.shutdown()


@function_tool
def lookup(order: str) -> str:
    return f"order {order} shipped"


@input_guardrail
def polite(ctx: RunContextWrapper[Any], agent: Agent[Any], input: Any) -> GuardrailFunctionOutput:
    return GuardrailFunctionOutput(output_info=None, tripwire_triggered=False)


def kind_of(span: dict[str, Any]) -> str:
    """The span's type; task and turn spans are exported as custom spans of those names."""
    data = span["span_data"]
    return str(data["data"]["sdk_span_type"] if data["type"] == "custom" else data["type"])


def by_type(spans: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [s for s in spans if kind_of(s) == kind]


async def test_span_tree_of_a_run_with_tools_handoffs_and_guardrails(collector: Collector) -> None:
    model = ScriptedModel(
        [
            function_call("lookup", {"order": "7"}, call_id="t"),
            function_call("transfer_to_billing", {}, call_id="h"),
            "Refund issued.",
        ],
        emit_traces=True,
    )
    billing = Agent(name="Billing", model=model)
    triage = Agent(
        name="Triage", model=model, tools=[lookup], handoffs=[billing], input_guardrails=[polite]
    )
    await Runner.run(triage, "refund order 7", run_config=RunConfig(workflow_name="Support"))
    [run_trace] = collector.traces
    assert run_trace["workflow_name"] == "Support"
    spans = collector.spans
    assert {s["trace_id"] for s in spans} == {run_trace["id"]}
    # As officially: trace > task > agent > turn > generation, function, handoff, guardrail.
    [task] = by_type(spans, "task")
    assert task["parent_id"] is None and task["span_data"]["data"]["name"] == "Support"
    assert task["span_data"]["data"]["usage"]["requests"] == 3
    agents = {s["span_data"]["name"]: s for s in by_type(spans, "agent")}
    assert set(agents) == {"Triage", "Billing"}
    assert {a["parent_id"] for a in agents.values()} == {task["id"]}
    assert agents["Triage"]["span_data"]["tools"] == ["lookup"]
    turns = by_type(spans, "turn")
    assert [
        (t["span_data"]["data"]["turn"], t["span_data"]["data"]["agent_name"]) for t in turns
    ] == [
        (1, "Triage"),
        (2, "Triage"),
        (3, "Billing"),
    ]
    assert [t["parent_id"] for t in turns] == [agents["Triage"]["id"]] * 2 + [
        agents["Billing"]["id"]
    ]
    generations = by_type(spans, "generation")
    assert [g["parent_id"] for g in generations] == [t["id"] for t in turns]
    [tool] = by_type(spans, "function")
    assert tool["parent_id"] == turns[0]["id"]
    assert (
        tool["span_data"]["name"] == "lookup" and tool["span_data"]["output"] == "order 7 shipped"
    )
    [handoff] = by_type(spans, "handoff")
    assert handoff["parent_id"] == turns[1]["id"]
    assert (handoff["span_data"]["from_agent"], handoff["span_data"]["to_agent"]) == (
        "Triage",
        "Billing",
    )
    [guard] = by_type(spans, "guardrail")
    assert guard["span_data"]["name"] == "polite" and guard["span_data"]["triggered"] is False
    for span in spans:
        assert span["started_at"] <= span["ended_at"]
    # Spans end inside out: every span ends before its parent does.
    ends = {s["id"]: index for index, s in enumerate(spans)}
    for span in spans:
        if span["parent_id"] is not None:
            assert ends[span["id"]] < ends[span["parent_id"]]


async def test_task_and_turn_spans_can_be_left_out(collector: Collector) -> None:
    model = ScriptedModel(
        [function_call("lookup", {"order": "7"}, call_id="t"), "Shipped."], emit_traces=True
    )
    config = RunConfig(tracing={"include_task_and_turn_spans": False})
    await Runner.run(Agent(name="a", model=model, tools=[lookup]), "go", run_config=config)
    [agent] = by_type(collector.spans, "agent")
    assert agent["parent_id"] is None
    assert sorted(kind_of(s) for s in collector.spans) == [
        "agent",
        "function",
        "generation",
        "generation",
    ]
    assert {s["parent_id"] for s in collector.spans} == {None, agent["id"]}


async def test_sensitive_data_is_left_out_when_asked(collector: Collector) -> None:
    model = ScriptedModel(
        [function_call("lookup", {"order": "secret-9"}, call_id="t"), "done"], emit_traces=True
    )
    config = RunConfig(trace_include_sensitive_data=False)
    await Runner.run(Agent(name="a", model=model, tools=[lookup]), "my secret", run_config=config)
    text = json.dumps(collector.spans)
    assert "secret-9" not in text and "my secret" not in text
    assert by_type(collector.spans, "function")[0]["span_data"]["name"] == "lookup"


async def test_errors_are_recorded_on_spans(collector: Collector) -> None:
    @function_tool(failure_error_function=None)
    def broken() -> str:
        raise RuntimeError("kaput")

    model = ScriptedModel([function_call("broken", {}, call_id="b")], emit_traces=True)
    with pytest.raises(Exception, match="kaput"):
        await Runner.run(Agent(name="a", model=model, tools=[broken]), "go")
    [tool] = by_type(collector.spans, "function")
    assert tool["error"]["message"] == "RuntimeError"
    [agent] = by_type(collector.spans, "agent")
    assert agent["error"] is not None
    assert len(collector.traces) == 1


async def test_a_run_inside_a_user_trace_joins_it(collector: Collector) -> None:
    with trace("Outer") as outer:
        await Runner.run(Agent(name="a", model=ScriptedModel(["one"], emit_traces=True)), "go")
        await Runner.run(Agent(name="b", model=ScriptedModel(["two"], emit_traces=True)), "go")
    assert [t["workflow_name"] for t in collector.traces] == ["Outer"]
    assert {s["trace_id"] for s in collector.spans} == {outer.trace_id}
    assert len(by_type(collector.spans, "agent")) == 2


async def test_disabled_tracing_records_nothing(collector: Collector) -> None:
    await Runner.run(
        Agent(name="a", model=ScriptedModel(["x"], emit_traces=True)),
        "go",
        run_config=RunConfig(tracing_disabled=True),
    )
    assert collector.traces == [] and collector.spans == []


async def test_streamed_runs_are_traced(collector: Collector) -> None:
    result = Runner.run_streamed(
        Agent(name="a", model=ScriptedModel(["streamed"], emit_traces=True)), "go"
    )
    async for _ in result.stream_events():
        pass
    assert len(collector.traces) == 1
    assert [kind_of(s) for s in collector.spans] == ["generation", "turn", "agent", "task"]


async def test_a_failing_processor_never_fails_the_run() -> None:
    class Broken(TracingProcessor):
        def on_trace_start(self, trace: Trace) -> None:
            raise RuntimeError("processor down")

        def on_trace_end(self, trace: Trace) -> None:
            raise RuntimeError("processor down")

        def on_span_start(self, span: Span[Any]) -> None:
            raise RuntimeError("processor down")

        def on_span_end(self, span: Span[Any]) -> None:
            raise RuntimeError("processor down")

    set_trace_processors([Broken()])
    try:
        model = ScriptedModel(
            [function_call("lookup", {"order": "1"}, call_id="t"), "fine"], emit_traces=True
        )
        result = await Runner.run(Agent(name="a", model=model, tools=[lookup]), "go")
        assert result.final_output == "fine"
    finally:
        set_trace_processors([])


async def test_runs_export_to_a_jsonl_file(tmp_path: Path) -> None:
    path = tmp_path / "traces.jsonl"
    processor = BatchTraceProcessor(JSONLinesSpanExporter(path))
    set_trace_processors([processor])
    try:
        model = ScriptedModel(
            [function_call("lookup", {"order": "1"}, call_id="t"), "fine"], emit_traces=True
        )
        await Runner.run(Agent(name="a", model=model, tools=[lookup]), "go")
        processor.force_flush()
    finally:
        set_trace_processors([])
        processor.shutdown()
    records = [json.loads(line) for line in path.read_text().splitlines()]
    kinds = sorted(kind_of(r) if "span_data" in r else r["object"] for r in records)
    assert kinds == [
        "agent",
        "function",
        "generation",
        "generation",
        "task",
        "trace",
        "turn",
        "turn",
    ]


async def test_a_tool_failure_the_model_is_told_about_is_on_the_tool_span(
    collector: Collector,
) -> None:
    @function_tool
    def fragile() -> str:
        raise RuntimeError("secret detail")

    model = ScriptedModel(
        [function_call("fragile", {}, call_id="f"), "recovered"], emit_traces=True
    )
    result = await Runner.run(Agent(name="a", model=model, tools=[fragile]), "go")
    assert result.final_output == "recovered"
    [tool] = by_type(collector.spans, "function")
    assert tool["error"] == {
        "message": "Error running tool (non-fatal)",
        "data": {"tool_name": "fragile", "error": "RuntimeError"},
    }
    assert "secret detail" not in json.dumps(tool["error"])
    [agent] = by_type(collector.spans, "agent")
    assert agent["error"] is None


async def test_a_scripted_model_leaves_no_generation_spans_unless_asked(
    collector: Collector,
) -> None:
    await Runner.run(Agent(name="a", model=ScriptedModel(["quiet"])), "go")
    assert [kind_of(s) for s in collector.spans] == ["turn", "agent", "task"]


async def test_a_long_run_hands_its_spans_over_as_it_goes() -> None:
    batched = BatchedCollector()
    set_trace_processors([batched.processor])
    seen_during_run: list[int] = []

    @function_tool
    def step() -> str:
        batched.processor.force_flush()
        seen_during_run.append(len(batched.exporter.items))
        return "ok"

    steps: list[Any] = [function_call("step", {}, call_id=f"c{n}") for n in range(12)]
    try:
        model = ScriptedModel([*steps, "done"])
        await Runner.run(Agent(name="a", model=model, tools=[step]), "go", max_turns=20)
        total = len(batched.spans)
    finally:
        set_trace_processors([])
        batched.processor.shutdown()
    # Nothing at first: the trace goes with the first spans handed over, then the spans of past
    # turns follow a batch every few turns, not all at the end.
    assert seen_during_run[0] == 0
    handed_over = [n for n in seen_during_run if n]
    assert handed_over and handed_over[0] > 1
    assert handed_over[-1] < total
    first = batched.exporter.items[0].export()
    assert first is not None and first["object"] == "trace"
    assert total == 1 + 1 + 13 + 12  # task, agent, a span per turn and per tool call


async def test_processors_changed_during_a_run_get_its_spans() -> None:
    batched = BatchedCollector()
    late = Collector()

    @function_tool
    def switch() -> str:
        set_trace_processors([batched.processor, late])
        return "switched"

    set_trace_processors([batched.processor])
    try:
        model = ScriptedModel([function_call("switch", {}, call_id="s"), "done"])
        await Runner.run(Agent(name="a", model=model, tools=[switch]), "go")
        spans = batched.spans
    finally:
        set_trace_processors([])
        batched.processor.shutdown()
    # Everything the run ended reaches the processors set when it hands them over: the new one
    # sees even the first turn's spans, which ended before it was added.
    assert sorted(kind_of(s) for s in spans) == ["agent", "function", "task", "turn", "turn"]
    assert sorted(kind_of(s) for s in late.spans) == sorted(kind_of(s) for s in spans)


async def test_a_run_s_trace_reaches_a_processor_added_mid_run_before_its_spans() -> None:
    """A run whose processors all take traces with spans hands its trace over with the first
    spans; a processor added meanwhile that wants each start singly still gets the trace's
    start first."""
    batched = BatchedCollector()
    events: list[str] = []

    class Ordered(Collector):
        def on_trace_start(self, trace: Trace) -> None:
            events.append("trace")

        def on_span_end(self, span: Span[Any]) -> None:
            events.append("span")

    @function_tool
    def switch() -> str:
        set_trace_processors([batched.processor, Ordered()])
        return "switched"

    set_trace_processors([batched.processor])
    try:
        model = ScriptedModel([function_call("switch", {}, call_id="s"), "done"])
        await Runner.run(Agent(name="a", model=model, tools=[switch]), "go")
        traces = batched.traces
    finally:
        set_trace_processors([])
        batched.processor.shutdown()
    assert events == ["trace"] + ["span"] * 5
    assert len(traces) == 1 and isinstance(batched.exporter.items[0], Trace)


async def test_a_full_queue_drops_what_a_run_hands_over_beyond_it() -> None:
    exporter = ListExporter()
    processor = BatchTraceProcessor(
        exporter, max_queue_size=3, schedule_delay=60, export_trigger_ratio=1
    )
    set_trace_processors([processor])
    try:
        model = ScriptedModel([function_call("lookup", {"order": "1"}, call_id="t"), "fine"])
        await Runner.run(Agent(name="a", model=model, tools=[lookup]), "go")
        # The trace, then the first two spans of the first hand-over, filling the queue.
        processor.force_flush()
    finally:
        set_trace_processors([])
        processor.shutdown()
    assert len(exporter.items) == 3 and isinstance(exporter.items[0], Trace)
    assert processor.dropped_count == 3  # of the run's five spans
