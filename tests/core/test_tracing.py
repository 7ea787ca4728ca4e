"""Tracing: span trees, context across tasks, processors and their failures, batching, exporters."""

from __future__ import annotations

import asyncio
import importlib
import inspect
import io
import json
import logging
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

import agents_core.tracing
from agents_core.tracing import (
    BatchTraceProcessor,
    ConsoleSpanExporter,
    FunctionSpanData,
    JSONLinesSpanExporter,
    Span,
    SpanError,
    Trace,
    TracingExporter,
    TracingProcessor,
    add_trace_processor,
    agent_span,
    custom_span,
    flush_traces,
    function_span,
    generation_span,
    get_current_span,
    get_current_trace,
    get_trace_processors,
    guardrail_span,
    handoff_span,
    set_trace_processors,
    set_tracing_disabled,
    task_span,
    trace,
    turn_span,
)
from agents_core.tracing.spans import NoOpSpan
from agents_core.tracing.traces import NoOpTrace

TIMEOUT = 30.0
TRACE_ID = re.compile(r"trace_[0-9a-f]{32}")
SPAN_ID = re.compile(r"span_[0-9a-f]{24}")


class Collector(TracingProcessor):
    """Records every hook call, in order, into a list that may be shared between processors."""

    def __init__(self, name: str = "collector", log: list[tuple[str, str, Any]] | None = None):
        self.name = name
        self.log: list[tuple[str, str, Any]] = [] if log is None else log
        self.flushes = 0
        self.shutdowns = 0

    def on_trace_start(self, trace: Trace) -> None:
        self.log.append((self.name, "trace_start", trace))

    def on_trace_end(self, trace: Trace) -> None:
        self.log.append((self.name, "trace_end", trace))

    def on_span_start(self, span: Span[Any]) -> None:
        self.log.append((self.name, "span_start", span))

    def on_span_end(self, span: Span[Any]) -> None:
        self.log.append((self.name, "span_end", span))

    def force_flush(self) -> None:
        self.flushes += 1

    def shutdown(self) -> None:
        self.shutdowns += 1

    def ended_spans(self) -> list[Span[Any]]:
        return [item for _, event, item in self.log if event == "span_end"]


class Exploding(TracingProcessor):
    def on_trace_start(self, trace: Trace) -> None:
        raise RuntimeError("trace start")

    def on_trace_end(self, trace: Trace) -> None:
        raise RuntimeError("trace end")

    def on_span_start(self, span: Span[Any]) -> None:
        raise RuntimeError("span start")

    def on_span_end(self, span: Span[Any]) -> None:
        raise RuntimeError("span end")

    def force_flush(self) -> None:
        raise RuntimeError("flush")


class ListExporter(TracingExporter):
    def __init__(self) -> None:
        self.batches: list[list[Trace | Span[Any]]] = []

    def export(self, items: list[Trace | Span[Any]]) -> None:
        self.batches.append(list(items))

    @property
    def items(self) -> list[Trace | Span[Any]]:
        return [item for batch in self.batches for item in batch]


class GatedExporter(ListExporter):
    """Blocks inside ``export`` until released, and says when it got there."""

    def __init__(self) -> None:
        super().__init__()
        self.entered = threading.Event()
        self.release = threading.Event()

    def export(self, items: list[Trace | Span[Any]]) -> None:
        self.entered.set()
        assert self.release.wait(TIMEOUT)
        super().export(items)


@pytest.fixture(autouse=True)
def no_global_tracing() -> Iterator[None]:
    set_trace_processors([])
    set_tracing_disabled(False)
    yield
    set_trace_processors([])
    set_tracing_disabled(False)


@pytest.fixture
def collector() -> Collector:
    processor = Collector()
    set_trace_processors([processor])
    return processor


def iso(text: str | None) -> datetime:
    assert text is not None
    return datetime.fromisoformat(text)


# --- structure ----------------------------------------------------------------------------------


async def test_spans_form_a_tree_under_the_trace(collector: Collector) -> None:
    with trace("workflow", group_id="conversation-1", metadata={"user": "ada"}) as current:
        assert get_current_trace() is current
        with agent_span("Assistant", tools=["lookup"]) as agent:
            assert get_current_span() is agent
            with generation_span(input=[{"role": "user", "content": "hi"}], model="m") as call:
                call.span_data.output = [{"role": "assistant", "content": "hello"}]
            with function_span("lookup", input='{"q": 1}') as tool:
                tool.span_data.output = {"answer": 42}
                with custom_span("inner", {"k": "v"}) as inner:
                    pass
            assert get_current_span() is agent
        assert get_current_span() is None
    assert get_current_trace() is None
    assert TRACE_ID.fullmatch(current.trace_id)
    for span in (agent, call, tool, inner):
        assert SPAN_ID.fullmatch(span.span_id) and span.trace_id == current.trace_id
        assert iso(span.started_at) <= iso(span.ended_at)
    assert agent.parent_id is None
    assert call.parent_id == tool.parent_id == agent.span_id
    assert inner.parent_id == tool.span_id
    assert inner.trace_metadata == {"user": "ada"}
    events = [(event, getattr(item, "span_id", "trace")) for _, event, item in collector.log]
    assert events == [
        ("trace_start", "trace"),
        ("span_start", agent.span_id),
        ("span_start", call.span_id),
        ("span_end", call.span_id),
        ("span_start", tool.span_id),
        ("span_start", inner.span_id),
        ("span_end", inner.span_id),
        ("span_end", tool.span_id),
        ("span_end", agent.span_id),
        ("trace_end", "trace"),
    ]
    assert current.export() == {
        "object": "trace",
        "id": current.trace_id,
        "workflow_name": "workflow",
        "group_id": "conversation-1",
        "metadata": {"user": "ada"},
    }
    exported = json.loads(json.dumps(tool.export()))
    assert exported["object"] == "trace.span" and exported["parent_id"] == agent.span_id
    assert exported["span_data"] == {
        "type": "function",
        "name": "lookup",
        "input": '{"q": 1}',
        "output": "{'answer': 42}",
        "mcp_data": None,
    }
    assert exported["error"] is None


async def test_every_span_kind_exports_its_data(collector: Collector) -> None:
    with trace("kinds"):
        with handoff_span(from_agent="a", to_agent="b"):
            pass
        with guardrail_span("no_secrets") as guard:
            guard.span_data.triggered = True
        with turn_span(1, "a"), task_span("index"):
            pass
        with agent_span("a", handoffs=["b"], output_type="Answer"):
            pass
    data = [span.export()["span_data"] for span in collector.ended_spans()]  # type: ignore[index]
    assert data == [
        {"type": "handoff", "from_agent": "a", "to_agent": "b"},
        {"type": "guardrail", "name": "no_secrets", "triggered": True},
        {"type": "custom", "name": "task", "data": {"sdk_span_type": "task", "name": "index"}},
        {
            "type": "custom",
            "name": "turn",
            "data": {"sdk_span_type": "turn", "turn": 1, "agent_name": "a"},
        },
        {
            "type": "agent",
            "name": "a",
            "handoffs": ["b"],
            "tools": None,
            "output_type": "Answer",
        },
    ]


async def test_async_with_and_manual_start_finish(collector: Collector) -> None:
    async with trace("async") as outer:
        async with custom_span("step") as step:
            assert get_current_span() is step
        assert step.parent_id is None
    manual = trace("manual", trace_id="trace_" + "a" * 32)
    manual.start(mark_as_current=True)
    span = custom_span("by hand")
    span.start(mark_as_current=True)
    child = custom_span("child")
    child.start()
    child.finish()
    span.finish(reset_current=True)
    manual.finish(reset_current=True)
    assert get_current_trace() is None and get_current_span() is None
    assert manual.trace_id == "trace_" + "a" * 32
    assert child.parent_id == span.span_id and span.trace_id == manual.trace_id
    assert outer.trace_id != manual.trace_id
    # start and finish are idempotent: no second event
    manual.finish()
    span.finish()
    assert sum(1 for _, event, _ in collector.log if event == "trace_end") == 2


async def test_explicit_parents_work_outside_the_context(collector: Collector) -> None:
    root = trace("explicit")
    root.start()
    parent = custom_span("parent", parent=root)
    parent.start()
    child = function_span("tool", parent=parent)
    child.start()
    child.finish()
    parent.finish()
    root.finish()
    assert get_current_trace() is None
    assert parent.parent_id is None and child.parent_id == parent.span_id
    assert child.trace_id == root.trace_id


async def test_spans_in_concurrent_tasks_keep_their_own_parents(collector: Collector) -> None:
    async def worker(number: int) -> tuple[Span[Any], Span[Any]]:
        with function_span(f"tool-{number}") as tool:
            for _ in range(3):
                await asyncio.sleep(0)  # let the other tasks interleave
            with custom_span(f"inner-{number}") as inner:
                await asyncio.sleep(0)
            assert get_current_span() is tool
        return tool, inner

    with trace("concurrent"), agent_span("a") as agent:
        pairs = await asyncio.gather(*(worker(n) for n in range(8)))
        assert get_current_span() is agent
    for tool, inner in pairs:
        assert tool.parent_id == agent.span_id
        assert inner.parent_id == tool.span_id
    assert len({tool.span_id for tool, _ in pairs}) == 8


async def test_traces_in_concurrent_tasks_do_not_mix(collector: Collector) -> None:
    async def run(name: str) -> tuple[Trace, Span[Any]]:
        with trace(name) as current:
            await asyncio.sleep(0)
            with custom_span(name) as span:
                await asyncio.sleep(0)
        return current, span

    results = await asyncio.gather(run("one"), run("two"))
    for current, span in results:
        assert span.trace_id == current.trace_id
        assert span.span_data.name == current.name


# --- tracing off --------------------------------------------------------------------------------


async def test_without_processors_spans_are_no_ops() -> None:
    assert get_trace_processors() == ()
    with trace("nothing") as current:
        assert isinstance(current, NoOpTrace)
        assert current.trace_id == "no-op" and current.export() is None
        assert get_current_trace() is current  # nested runs see that a trace is open
        first: Span[Any] = function_span("a", input="secret")
        with first as entered, generation_span() as second:
            assert isinstance(entered, NoOpSpan) and isinstance(second, NoOpSpan)
            assert entered.span_data.input == "secret"  # kept, as officially, never exported
            assert get_current_span() is second
        assert first.span_id == "no-op" and first.export() is None and first.error is None
        assert get_current_span() is None
    assert get_current_trace() is None


async def test_disabled_globally_or_per_trace_records_nothing(collector: Collector) -> None:
    set_tracing_disabled(True)
    with trace("off"), custom_span("x"):
        pass
    set_tracing_disabled(False)
    with trace("off too", disabled=True), custom_span("y") as span:
        assert span.export() is None
    assert collector.log == []


async def test_a_disabled_span_silences_its_children_only(collector: Collector) -> None:
    with trace("partly"):
        with custom_span("quiet", disabled=True), function_span("hidden") as hidden:
            assert hidden.export() is None
        with custom_span("loud") as loud:
            pass
    assert [span.span_id for span in collector.ended_spans()] == [loud.span_id]


async def test_spans_outside_any_trace_are_not_recorded(collector: Collector) -> None:
    with custom_span("orphan") as span:
        assert span.export() is None
    assert collector.log == []


def test_the_environment_variable_disables_tracing() -> None:
    code = (
        "from agents_core.tracing import *\n"
        "class P(TracingProcessor):\n"
        "    def on_trace_start(self, t): print('recorded')\n"
        "    on_trace_end = on_span_start = on_span_end = on_trace_start\n"
        "add_trace_processor(P())\n"
        "with trace('x'): pass\n"
        "print('done')\n"
    )
    for value, expected in (("1", "done\n"), ("0", "recorded\nrecorded\ndone\n")):
        done = subprocess.run(
            [sys.executable, "-c", code],
            env={"OPENAI_AGENTS_DISABLE_TRACING": value, "PATH": ""},
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
        assert done.stdout == expected, done.stderr


# --- errors and sensitive data ------------------------------------------------------------------


async def test_errors_are_recorded(collector: Collector) -> None:
    with trace("errors"):
        with function_span("tool") as tool:
            tool.set_error(SpanError(message="Tool failed", data={"tool": "tool"}))
        with pytest.raises(ValueError), custom_span("raises") as raising:
            raise ValueError("bad value")
        with pytest.raises(KeyError), function_span("quiet", include_data=False) as quiet:
            raise KeyError("secret argument")
    assert tool.export()["error"] == {"message": "Tool failed", "data": {"tool": "tool"}}  # type: ignore[index]
    assert raising.error == {"message": "ValueError: bad value", "data": None}
    assert quiet.error == {"message": "KeyError", "data": None}


async def test_sensitive_data_is_never_held_when_excluded(collector: Collector) -> None:
    with trace("private"):
        with generation_span(
            input=[{"role": "user", "content": "secret"}], model="m", include_data=False
        ) as call:
            call.span_data.output = [{"role": "assistant", "content": "secret"}]
            call.span_data.usage = {"input_tokens": 3}
        with function_span("tool", input='{"pin": 1234}', include_data=False) as tool:
            tool.span_data.output = "1234"
    assert call.span_data.input is None and call.span_data.output is None
    assert "secret" not in json.dumps(call.export())
    assert call.export()["span_data"]["usage"] == {"input_tokens": 3}  # type: ignore[index]
    assert "1234" not in json.dumps(tool.export())
    kept = FunctionSpanData("tool", "in", "out")
    assert (kept.input, kept.output) == ("in", "out")


# --- processors ---------------------------------------------------------------------------------


async def test_processors_are_called_in_order() -> None:
    log: list[tuple[str, str, Any]] = []
    first, second = Collector("first", log), Collector("second", log)
    add_trace_processor(first)
    add_trace_processor(second)
    assert get_trace_processors() == (first, second)
    with trace("ordered"), custom_span("s"):
        pass
    assert [(name, event) for name, event, _ in log] == [
        ("first", "trace_start"),
        ("second", "trace_start"),
        ("first", "span_start"),
        ("second", "span_start"),
        ("first", "span_end"),
        ("second", "span_end"),
        ("first", "trace_end"),
        ("second", "trace_end"),
    ]
    flush_traces()
    assert first.flushes == second.flushes == 1
    set_trace_processors([second])
    assert get_trace_processors() == (second,)


async def test_a_failing_processor_is_logged_and_contained(
    caplog: pytest.LogCaptureFixture,
) -> None:
    healthy = Collector()
    set_trace_processors([Exploding(), healthy])
    with caplog.at_level(logging.ERROR, logger="openai.agents"):
        with trace("resilient"), custom_span("work"):
            result = "the traced code went on"
        flush_traces()
    assert result == "the traced code went on"
    assert [event for _, event, _ in healthy.log] == [
        "trace_start",
        "span_start",
        "span_end",
        "trace_end",
    ]
    messages = [record.getMessage() for record in caplog.records if record.name == "openai.agents"]
    assert len(messages) == 5
    assert all("Exploding" in message for message in messages)
    assert any("on_span_end" in m and "RuntimeError: span end" in m for m in messages)


# --- batching -----------------------------------------------------------------------------------


async def test_batch_processor_exports_in_batches_on_flush() -> None:
    exporter = ListExporter()
    processor = BatchTraceProcessor(exporter, max_batch_size=3, schedule_delay=60)
    set_trace_processors([processor])
    with trace("batched") as current:
        spans = []
        for number in range(7):
            with custom_span(f"s{number}") as span:
                spans.append(span)
    processor.force_flush()
    assert exporter.items == [current, *spans]  # the trace when it started, spans as they ended
    assert [len(batch) for batch in exporter.batches] == [3, 3, 2]
    processor.shutdown()


async def test_batch_processor_queue_is_bounded_and_never_blocks() -> None:
    exporter = GatedExporter()
    processor = BatchTraceProcessor(
        exporter, max_queue_size=10, max_batch_size=100, schedule_delay=60, export_trigger_ratio=1
    )
    set_trace_processors([processor])
    with trace("flood") as current:
        for number in range(9):  # with the trace: 10 items, a full queue, so an export starts
            with custom_span(f"first-{number}"):
                pass
        assert exporter.entered.wait(TIMEOUT)
        # The exporter is stuck; the queue takes 10 more items and drops the rest.
        for number in range(15):
            with custom_span(f"second-{number}"):
                pass
    assert processor.dropped_count == 5
    exporter.release.set()
    processor.force_flush()
    assert len(exporter.items) == 20 and exporter.items[0] is current
    processor.shutdown()


async def test_a_failing_exporter_loses_its_batch_only(caplog: pytest.LogCaptureFixture) -> None:
    class FailsOnce(ListExporter):
        def export(self, items: list[Trace | Span[Any]]) -> None:
            if not hasattr(self, "failed"):
                self.failed = True
                raise ConnectionError("backend down")
            super().export(items)

    exporter = FailsOnce()
    processor = BatchTraceProcessor(exporter, schedule_delay=60)
    set_trace_processors([processor])
    with caplog.at_level(logging.ERROR, logger="openai.agents"):
        with trace("first"):
            pass
        processor.force_flush()
        with trace("second") as second:
            pass
        processor.force_flush()
    assert exporter.items == [second]
    messages = [record.getMessage() for record in caplog.records if record.name == "openai.agents"]
    assert len(messages) == 1 and "backend down" in messages[0]
    processor.shutdown()


async def test_shutdown_exports_what_is_queued_then_drops() -> None:
    exporter = ListExporter()
    processor = BatchTraceProcessor(exporter, schedule_delay=60)
    set_trace_processors([processor])
    with trace("last") as current, custom_span("s") as span:
        pass
    processor.shutdown()
    assert exporter.items == [current, span]
    with trace("after"):
        pass
    assert processor.dropped_count == 1
    processor.shutdown()  # twice is harmless
    processor.force_flush()


def test_batch_processor_flushes_at_exit(tmp_path: Path) -> None:
    path = tmp_path / "traces.jsonl"
    code = (
        "import sys\n"
        "from agents_core.tracing import *\n"
        "add_trace_processor(BatchTraceProcessor(JSONLinesSpanExporter(sys.argv[1]),"
        " schedule_delay=600))\n"
        "with trace('exiting'), custom_span('s'): pass\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    assert [line["object"] for line in lines] == ["trace", "trace.span"]


def test_batch_processor_rejects_bad_sizes() -> None:
    with pytest.raises(ValueError):
        BatchTraceProcessor(ListExporter(), max_queue_size=0)
    with pytest.raises(ValueError):
        BatchTraceProcessor(ListExporter(), export_trigger_ratio=0)


# --- exporters ----------------------------------------------------------------------------------


async def test_json_lines_exporter_appends_one_object_per_line(tmp_path: Path) -> None:
    path = tmp_path / "traces.jsonl"
    exporter = JSONLinesSpanExporter(path)
    processor = BatchTraceProcessor(exporter, schedule_delay=60)
    set_trace_processors([processor])
    for name in ("one", "two"):
        with trace(name) as current, function_span("tool", input="{}") as span:
            span.span_data.output = object()  # not JSON: written as text, never an error
    processor.shutdown()
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [line["object"] for line in lines] == ["trace", "trace.span"] * 2
    assert lines[2] == current.export()
    assert lines[3]["id"] == span.span_id and lines[3]["trace_id"] == current.trace_id
    assert lines[3]["span_data"]["output"].startswith("<object object")


async def test_console_exporter_prints_a_line_per_item(
    collector: Collector, capsys: pytest.CaptureFixture[str]
) -> None:
    with trace("console") as current, custom_span("s", {"n": 1}) as span:
        pass
    buffer = io.StringIO()
    ConsoleSpanExporter(file=buffer).export([current, span])
    ConsoleSpanExporter().export([current, span])
    for text in (buffer.getvalue(), capsys.readouterr().out):
        trace_line, span_line = text.splitlines()
        assert trace_line == f"[Exporter] Export trace_id={current.trace_id}, name=console"
        assert span_line == f"[Exporter] Export span: {span.export()}"


# --- public surface -----------------------------------------------------------------------------


def test_public_names_are_exported_and_documented() -> None:
    module = importlib.import_module("agents_core.tracing")
    assert module is agents_core.tracing
    exported = module.__all__
    assert isinstance(exported, tuple) and list(exported) == sorted(exported, key=str)
    public = {
        n for n, v in vars(module).items() if not n.startswith("_") and not inspect.ismodule(v)
    }
    assert public - {"annotations"} == set(exported)
    for name in exported:
        value = getattr(module, name)
        if inspect.isclass(value) or inspect.isfunction(value):
            assert inspect.getdoc(value), f"agents_core.tracing.{name} has no docstring"
