"""The OpenAI trace exporter, against the fake server over loopback."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from agents_core import Agent, RunConfig, Runner, function_tool
from agents_core.testing import ScriptedModel, function_call
from agents_core.tracing import BatchTraceProcessor, set_trace_processors
from agents_openai import OpenAITracingExporter
from agents_openai.testing import FakeOpenAIServer

KEY = "sk-fake-openai-key"


@function_tool
def ping() -> str:
    return "pong"


async def _traced_run(
    exporter: OpenAITracingExporter, *configs: RunConfig | None
) -> BatchTraceProcessor:
    processor = BatchTraceProcessor(exporter, schedule_delay=0.05)
    set_trace_processors([processor])
    try:
        for config in configs or (None,):
            model = ScriptedModel(
                [function_call("ping", {}, call_id="p"), "done"], emit_traces=True
            )
            agent = Agent(name="traced", model=model, tools=[ping])
            result = await Runner.run(agent, "go", run_config=config)
            assert result.final_output == "done"
    finally:
        set_trace_processors([])
    return processor


def _kind(item: dict[str, Any]) -> str:
    if item["object"] == "trace":
        return "trace"
    data = item["span_data"]
    return str(data["data"]["sdk_span_type"] if data["type"] == "custom" else data["type"])


async def test_traces_are_sent_in_batches() -> None:
    async with FakeOpenAIServer(api_key=KEY) as server:
        exporter = OpenAITracingExporter(api_key=KEY, endpoint=f"{server.base_url}/traces/ingest")
        processor = await _traced_run(exporter)
        # Off the event loop: the fake server answers the exporter on this loop.
        await asyncio.to_thread(processor.shutdown)
        exporter.close()
        posts = [r for r in server.requests if r.path == "/v1/traces/ingest"]
        assert posts
        assert posts[0].headers["authorization"] == f"Bearer {KEY}"
        assert posts[0].headers["openai-beta"] == "traces=v1"
        sent: list[dict[str, Any]] = [
            item for post in posts for item in json.loads(post.body)["data"]
        ]
        kinds = sorted(_kind(item) for item in sent)
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


async def test_a_run_s_own_api_key_sends_its_traces(monkeypatch: Any) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    async with FakeOpenAIServer(api_key=KEY) as server:
        exporter = OpenAITracingExporter(endpoint=f"{server.base_url}/traces/ingest")
        processor = await _traced_run(
            exporter, RunConfig(tracing={"api_key": KEY}, workflow_name="keyed"), None
        )
        await asyncio.to_thread(processor.shutdown)
        exporter.close()
        posts = [r for r in server.requests if r.path == "/v1/traces/ingest"]
        assert posts and {p.headers["authorization"] for p in posts} == {f"Bearer {KEY}"}
        sent = [item for post in posts for item in json.loads(post.body)["data"]]
        # Only the run with a key of its own was sent (the other had no key at all).
        assert [i["workflow_name"] for i in sent if i["object"] == "trace"] == ["keyed"]
        assert len(sent) == 8
        assert KEY not in json.dumps(sent)


async def test_without_a_key_nothing_is_sent(monkeypatch: Any) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    async with FakeOpenAIServer(api_key=KEY) as server:
        exporter = OpenAITracingExporter(endpoint=f"{server.base_url}/traces/ingest")
        processor = await _traced_run(exporter)
        # Off the event loop: the fake server answers the exporter on this loop.
        await asyncio.to_thread(processor.shutdown)
        exporter.close()
        assert [r for r in server.requests if r.path == "/v1/traces/ingest"] == []


async def test_a_failing_endpoint_never_fails_the_run_and_is_retried() -> None:
    async with FakeOpenAIServer(api_key=KEY) as server:
        server.trace_ingest_status = 503
        exporter = OpenAITracingExporter(
            api_key=KEY,
            endpoint=f"{server.base_url}/traces/ingest",
            max_retries=3,
            base_delay=0.01,
        )
        processor = await _traced_run(exporter)
        # Off the event loop: the fake server answers the exporter on this loop.
        await asyncio.to_thread(processor.shutdown)
        exporter.close()
        attempts = [r for r in server.requests if r.path == "/v1/traces/ingest"]
        # max_retries counts every attempt of a batch, as officially.
        assert attempts and len(attempts) % 3 == 0
        assert KEY not in repr(exporter)
