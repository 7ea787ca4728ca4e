"""OpenTelemetryTracingProcessor with the OpenTelemetry SDK's in-memory exporter: names, GenAI
attributes, parents across asyncio tasks, sensitive data only when allowed, errors."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import pytest
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode

from agents_core import (
    Agent,
    GuardrailFunctionOutput,
    ModelSettings,
    RunConfig,
    Runner,
    Usage,
    function_tool,
    input_guardrail,
)
from agents_core.testing import ModelStep, ScriptedModel, assistant_message, function_call
from agents_core.tracing import custom_span, set_trace_processors, trace
from agents_extensions.opentelemetry import OpenTelemetryTracingProcessor


@pytest.fixture
def exporter() -> Iterator[InMemorySpanExporter]:
    yield InMemorySpanExporter()


@pytest.fixture
def processor(exporter: InMemorySpanExporter) -> Iterator[OpenTelemetryTracingProcessor]:
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    ours = OpenTelemetryTracingProcessor(provider)
    set_trace_processors([ours])
    yield ours
    set_trace_processors([])
    provider.shutdown()


@pytest.fixture
def sensitive(exporter: InMemorySpanExporter) -> Iterator[OpenTelemetryTracingProcessor]:
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    ours = OpenTelemetryTracingProcessor(provider, include_sensitive_data=True)
    set_trace_processors([ours])
    yield ours
    set_trace_processors([])
    provider.shutdown()


@function_tool
async def lookup(city: str) -> str:
    """Look a city up."""
    await asyncio.sleep(0)
    return f"{city}: sunny"


def finished(
    processor: OpenTelemetryTracingProcessor, exporter: InMemorySpanExporter
) -> tuple[ReadableSpan, ...]:
    """The spans exported so far, once the processor handed over everything queued."""
    processor.force_flush()
    return exporter.get_finished_spans()


def attrs(span: ReadableSpan) -> dict[str, Any]:
    return dict(span.attributes or {})


def times(span: ReadableSpan) -> tuple[int, int]:
    assert span.start_time is not None and span.end_time is not None
    return span.start_time, span.end_time


def by_name(spans: tuple[ReadableSpan, ...]) -> dict[str, ReadableSpan]:
    return {span.name: span for span in spans}


def parent_of(span: ReadableSpan) -> int | None:
    return span.parent.span_id if span.parent is not None else None


def two_turns(usage: Usage | None = None) -> ScriptedModel:
    usage = usage or Usage(requests=1, input_tokens=11, output_tokens=7, total_tokens=18)
    return ScriptedModel(
        [
            ModelStep(
                output=[
                    function_call("lookup", {"city": "Oslo"}, call_id="a"),
                    function_call("lookup", {"city": "Rome"}, call_id="b"),
                ],
                usage=usage,
            ),
            ModelStep(output=[assistant_message("Both sunny.")], usage=usage),
        ],
        emit_traces=True,
    )


async def test_a_run_becomes_a_tree_of_genai_spans(
    processor: OpenTelemetryTracingProcessor, exporter: InMemorySpanExporter
) -> None:
    agent = Agent(
        name="Forecaster",
        model=two_turns(),
        tools=[lookup],
        model_settings=ModelSettings(temperature=0.2),
    )
    await Runner.run(agent, "Oslo and Rome?", run_config=RunConfig(group_id="conv-1"))
    spans = finished(processor, exporter)
    names = sorted(span.name for span in spans)
    assert names == sorted(
        [
            "Agent workflow",
            "invoke_agent Forecaster",
            "chat ScriptedModel",
            "chat ScriptedModel",
            "execute_tool lookup",
            "execute_tool lookup",
        ]
    ), names
    root = by_name(spans)["Agent workflow"]
    agent_span = by_name(spans)["invoke_agent Forecaster"]
    assert root.parent is None
    assert attrs(root)["gen_ai.conversation.id"] == "conv-1"
    assert parent_of(agent_span) == root.context.span_id
    assert attrs(agent_span)["gen_ai.operation.name"] == "invoke_agent"
    assert attrs(agent_span)["gen_ai.agent.name"] == "Forecaster"
    assert attrs(agent_span)["agents.agent.tools"] == ("lookup",)
    # The two tools ran in their own asyncio tasks; both still hang off the agent's span.
    for span in spans:
        if span.name.startswith(("chat", "execute_tool")):
            assert parent_of(span) == agent_span.context.span_id, span.name
            assert span.context.trace_id == root.context.trace_id
    chat = next(span for span in spans if span.name.startswith("chat"))
    assert chat.kind == SpanKind.CLIENT
    assert attrs(chat)["gen_ai.operation.name"] == "chat"
    assert attrs(chat)["gen_ai.request.model"] == "ScriptedModel"
    assert attrs(chat)["gen_ai.usage.input_tokens"] == 11
    assert attrs(chat)["gen_ai.usage.output_tokens"] == 7
    assert attrs(chat)["gen_ai.request.temperature"] == 0.2
    tool = by_name(spans)["execute_tool lookup"]
    assert attrs(tool)["gen_ai.tool.name"] == "lookup"
    assert attrs(tool)["gen_ai.tool.type"] == "function"
    assert all(times(span)[1] >= times(span)[0] for span in spans)
    assert times(root)[1] >= max(times(span)[1] for span in spans)


async def test_content_is_left_out_by_default(
    processor: OpenTelemetryTracingProcessor, exporter: InMemorySpanExporter
) -> None:
    agent = Agent(name="a", model=two_turns(), tools=[lookup])
    await Runner.run(agent, "Oslo and Rome?")
    attributes = [dict(span.attributes or {}) for span in finished(processor, exporter)]
    text = json.dumps(attributes)
    assert "Oslo" not in text and "sunny" not in text
    assert not any(
        "gen_ai.input.messages" in a or "gen_ai.tool.call.result" in a for a in attributes
    )


async def test_content_is_exported_when_allowed_and_recorded(
    sensitive: OpenTelemetryTracingProcessor, exporter: InMemorySpanExporter
) -> None:
    agent = Agent(name="a", model=two_turns(), tools=[lookup])
    await Runner.run(
        agent, "Oslo and Rome?", run_config=RunConfig(trace_include_sensitive_data=True)
    )
    spans = finished(sensitive, exporter)
    tools = [span for span in spans if span.name == "execute_tool lookup"]
    assert sorted(str(attrs(span)["gen_ai.tool.call.result"]) for span in tools) == [
        "Oslo: sunny",
        "Rome: sunny",
    ]
    assert json.loads(str(attrs(tools[0])["gen_ai.tool.call.arguments"]))["city"] in (
        "Oslo",
        "Rome",
    )
    first_chat = next(span for span in spans if span.name.startswith("chat"))
    sent = json.loads(str(attrs(first_chat)["gen_ai.input.messages"]))
    assert sent[-1]["content"] == "Oslo and Rome?"
    exporter.clear()
    # The run did not record content: allowing it in the processor cannot bring it back.
    await Runner.run(
        Agent(name="a", model=two_turns(), tools=[lookup]),
        "Oslo and Rome?",
        run_config=RunConfig(trace_include_sensitive_data=False),
    )
    assert "Oslo" not in json.dumps(
        [dict(s.attributes or {}) for s in finished(sensitive, exporter)]
    )


async def test_failures_set_error_status(
    processor: OpenTelemetryTracingProcessor, exporter: InMemorySpanExporter
) -> None:
    @function_tool(failure_error_function=None)
    def broken() -> str:
        raise RuntimeError("disk on fire")

    model = ScriptedModel([function_call("broken", {}, call_id="c")], emit_traces=True)
    with pytest.raises(Exception, match="disk on fire"):
        await Runner.run(Agent(name="a", model=model, tools=[broken]), "go")
    tool = by_name(finished(processor, exporter))["execute_tool broken"]
    assert tool.status.status_code == StatusCode.ERROR
    assert attrs(tool)["error.type"] == "RuntimeError"


async def test_handoffs_guardrails_and_custom_spans(
    processor: OpenTelemetryTracingProcessor, exporter: InMemorySpanExporter
) -> None:
    @input_guardrail
    def polite(context: Any, agent: Any, text: Any) -> GuardrailFunctionOutput:
        return GuardrailFunctionOutput(output_info=None, tripwire_triggered=False)

    helper = Agent(name="Helper", model=ScriptedModel(["Done."], emit_traces=True))
    triage = Agent(
        name="Triage",
        model=ScriptedModel(
            [function_call("transfer_to_helper", {}, call_id="h")], emit_traces=True
        ),
        handoffs=[helper],
        input_guardrails=[polite],
    )
    with trace("Support"):
        with custom_span("load profile", {"user": "u1"}):

            async def nested() -> None:
                with custom_span("in a task"):
                    pass

            await asyncio.create_task(nested())
        await Runner.run(triage, "help")
    spans = by_name(finished(processor, exporter))
    handoff = spans["handoff Triage -> Helper"]
    assert attrs(handoff)["agents.handoff.to_agent"] == "Helper"
    guardrail = spans["guardrail polite"]
    assert attrs(guardrail)["agents.guardrail.triggered"] is False
    profile = spans["load profile"]
    assert json.loads(str(attrs(profile)["agents.custom.data"])) == {"user": "u1"}
    assert parent_of(spans["in a task"]) == profile.context.span_id
    assert parent_of(spans["invoke_agent Triage"]) == spans["Support"].context.span_id
    assert parent_of(spans["invoke_agent Helper"]) == spans["Support"].context.span_id


async def test_shutdown_closes_what_an_abandoned_run_left_open(
    processor: OpenTelemetryTracingProcessor, exporter: InMemorySpanExporter
) -> None:
    started = trace("Abandoned")
    started.start(mark_as_current=True)
    span = custom_span("never finished")
    span.start(mark_as_current=True)
    processor.shutdown()
    assert sorted(s.name for s in exporter.get_finished_spans()) == ["Abandoned", "never finished"]
    span.finish(reset_current=True)
    started.finish(reset_current=True)
