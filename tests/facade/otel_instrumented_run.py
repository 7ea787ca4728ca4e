"""Runs an agent under ``opentelemetry-instrumentation-genai-openai-agents`` (the third-party
instrumentation of OpenAI's Agents SDK), against the fake OpenAI server, and prints the
OpenTelemetry spans it produced as JSON. Run by ``test_otel_instrumentation.py`` inside a
throwaway virtual environment holding our wheels, the instrumentation and opentelemetry-sdk;
it imports only what a user of the official SDK would (plus the fake server).
"""

from __future__ import annotations

import asyncio
import json
import sys

from opentelemetry.instrumentation.genai.openai_agents import (  # type: ignore[import-not-found]
    OpenAIAgentsInstrumentor,  # installed only in the test's throwaway environment
)
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from agents import Agent, RunConfig, Runner, function_tool
from agents.testing import function_call
from agents_openai.testing import FakeOpenAIServer, ModelReply


@function_tool
def get_weather(city: str) -> str:
    """The weather in a city."""
    return f"Sunny in {city}"


@function_tool
def explode() -> str:
    """A tool that fails."""
    raise RuntimeError("boom")


async def main() -> None:
    exporter = InMemorySpanExporter()
    tracer_provider = TracerProvider()
    tracer_provider.add_span_processor(SimpleSpanProcessor(exporter))
    instrumentor = OpenAIAgentsInstrumentor()
    # Its dependency check looks for the distribution "openai-agents"; ours is named "agents".
    instrumentor.instrument(tracer_provider=tracer_provider, skip_dep_check=True)
    async with FakeOpenAIServer() as server:
        server.add(
            ModelReply([function_call("get_weather", {"city": "Oslo"}, call_id="w")]),
            ModelReply([function_call("explode", {}, call_id="x")]),
            "Sunny in Oslo.",
        )
        provider = server.provider()
        agent = Agent(
            name="Forecaster", model=provider.get_model("gpt-4.1"), tools=[get_weather, explode]
        )
        config = RunConfig(workflow_name="Weather desk", group_id="chat-7")
        result = await Runner.run(agent, "Weather in Oslo?", run_config=config)
        await provider.aclose()
    instrumentor.uninstrument()
    spans = [
        {
            "name": span.name,
            "span_id": span.context.span_id,
            "trace_id": span.context.trace_id,
            "parent": span.parent.span_id if span.parent is not None else None,
            "status": span.status.status_code.name,
            "attributes": {key: str(value) for key, value in (span.attributes or {}).items()},
        }
        for span in exporter.get_finished_spans()
    ]
    json.dump({"final_output": result.final_output, "spans": spans}, sys.stdout)


asyncio.run(main())
