"""Traces of realtime sessions: the session, its agents, tool calls, handoffs and guardrails."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from agents_core import GuardrailFunctionOutput, function_tool, output_guardrail
from agents_core.tracing import Span, Trace, TracingProcessor, set_trace_processors, trace
from agents_realtime import RealtimeAgent, RealtimeRunner
from agents_realtime.testing import FakeRealtimeServer, FunctionCallReply

if TYPE_CHECKING:
    from tests.conftest import Eventually
    from tests.realtime.conftest import Realtime

pytestmark = pytest.mark.timeout(30)


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

    def of(self, kind: str) -> list[dict[str, Any]]:
        return [span for span in self.spans if span["span_data"]["type"] == kind]


@pytest.fixture
def collector() -> Iterator[Collector]:
    processor = Collector()
    set_trace_processors([processor])
    yield processor
    set_trace_processors([])


@function_tool
def lookup(order: str) -> str:
    """Look up an order."""
    return f"order {order} shipped"


checked: list[str] = []


@output_guardrail
def polite(context: Any, agent: Any, output: Any) -> GuardrailFunctionOutput:
    checked.append(output)
    return GuardrailFunctionOutput(output_info=None, tripwire_triggered=False)


async def test_a_session_traces_its_agents_tools_handoffs_and_guardrails(
    server: FakeRealtimeServer, rt: type[Realtime], collector: Collector, eventually: Eventually
) -> None:
    checked.clear()
    orders = RealtimeAgent(name="Orders", tools=[lookup], output_guardrails=[polite])
    triage = RealtimeAgent(name="Triage", handoffs=[orders])
    server.add(
        FunctionCallReply("transfer_to_orders", call_id="h1"),
        FunctionCallReply("lookup", {"order": "42"}, call_id="t1"),
        "It shipped.",
    )
    config = {
        "model_settings": {"tracing": {"workflow_name": "Support line", "group_id": "call-7"}}
    }
    runner = RealtimeRunner(triage, config=config)  # type: ignore[arg-type]
    async with await runner.run(model_config=server.model_config()) as session:
        await session.send_message("Where is order 42?")
        await rt.Watch(session).until("agent_end", 3)
        await eventually(lambda: checked == ["It shipped."])  # checked once the answer is done

    (recorded,) = collector.traces
    assert recorded["workflow_name"] == "Support line" and recorded["group_id"] == "call-7"
    agents = collector.of("agent")
    assert [span["span_data"]["name"] for span in agents] == ["Triage", "Orders"]
    assert agents[0]["span_data"]["handoffs"] == ["Orders"]
    assert agents[1]["span_data"]["tools"] == ["lookup"]
    (handoff,) = collector.of("handoff")
    assert handoff["span_data"]["from_agent"] == "Triage"
    assert handoff["span_data"]["to_agent"] == "Orders"
    assert handoff["parent_id"] == agents[0]["id"]
    (function,) = collector.of("function")
    assert function["span_data"]["name"] == "lookup"
    assert function["span_data"]["input"] == '{"order": "42"}'
    assert function["span_data"]["output"] == "order 42 shipped"
    assert function["parent_id"] == agents[1]["id"]
    guardrails = collector.of("guardrail")
    assert guardrails and guardrails[0]["span_data"]["name"] == "polite"
    assert all(span["trace_id"] == recorded["id"] for span in collector.spans)


async def test_sensitive_data_can_be_kept_out_of_traces(
    server: FakeRealtimeServer, rt: type[Realtime], collector: Collector
) -> None:
    server.add(FunctionCallReply("lookup", {"order": "7"}, call_id="t1"), "Done.")
    runner = RealtimeRunner(
        RealtimeAgent(name="a", tools=[lookup]), config={"trace_include_sensitive_data": False}
    )
    async with await runner.run(model_config=server.model_config()) as session:
        await session.send_message("Order 7?")
        await rt.Watch(session).until("agent_end", 2)
    (function,) = collector.of("function")
    assert function["span_data"]["input"] is None and function["span_data"]["output"] is None


async def test_tracing_disabled_records_nothing(
    server: FakeRealtimeServer, rt: type[Realtime], collector: Collector
) -> None:
    server.add("Hi.")
    runner = RealtimeRunner(RealtimeAgent(name="a"), config={"tracing_disabled": True})
    async with await runner.run(model_config=server.model_config()) as session:
        await session.send_message("Hi")
        await rt.Watch(session).until("agent_end")
    assert collector.traces == [] and collector.spans == []


async def test_a_session_inside_the_applications_trace_joins_it(
    server: FakeRealtimeServer, rt: type[Realtime], collector: Collector
) -> None:
    server.add("Hi.")
    with trace("My app") as outer:
        async with await RealtimeRunner(RealtimeAgent(name="a")).run(
            model_config=server.model_config()
        ) as session:
            await session.send_message("Hi")
            await rt.Watch(session).until("agent_end")
    assert [t["workflow_name"] for t in collector.traces] == ["My app"]
    assert collector.of("agent")[0]["trace_id"] == outer.trace_id
