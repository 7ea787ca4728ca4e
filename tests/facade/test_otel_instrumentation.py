"""The third-party OpenTelemetry instrumentation of OpenAI's Agents SDK
(``opentelemetry-instrumentation-genai-openai-agents``) works on our facade unchanged.

It is installed from PyPI into a throwaway virtual environment with our wheels (built and
pinned as in ``tests/test_distributions.py``) and ``opentelemetry-sdk``; a child script
instruments, runs an agent against the fake OpenAI server, and reports the OpenTelemetry spans
from the SDK's in-memory exporter. The instrumentation's dependency check looks for the
distribution ``openai-agents``, so it is instrumented with ``skip_dep_check=True``.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
INSTRUMENTATION = "opentelemetry-instrumentation-genai-openai-agents==1.3b0"


def _distributions_module() -> Any:
    path = HERE.parent / "test_distributions.py"
    spec = importlib.util.spec_from_file_location("_agents_distribution_helpers", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_dist = _distributions_module()
wheels = _dist.wheels  # the same fixture: every wheel, built without workspace sources

pytestmark = pytest.mark.timeout(600)


def test_the_official_sdk_s_otel_instrumentation_traces_our_runs(
    wheels: Path, tmp_path: Path
) -> None:
    python = _dist._venv(tmp_path, wheels, "agents", INSTRUMENTATION, "opentelemetry-sdk")
    installed = _dist._installed(python)
    assert "openai-agents" not in installed  # only ours provides `agents`
    report = json.loads(_dist._run(python, str(HERE / "otel_instrumented_run.py")))
    assert report["final_output"] == "Sunny in Oslo."
    spans = {span["name"]: span for span in report["spans"]}
    workflow = spans["invoke_workflow Weather desk"]
    agent = spans["invoke_agent Forecaster"]
    weather = spans["execute_tool get_weather"]
    failing = spans["execute_tool explode"]
    assert len(report["spans"]) == 4
    # One OpenTelemetry trace, nested as our trace > agent > tool spans.
    assert {span["trace_id"] for span in report["spans"]} == {workflow["trace_id"]}
    assert workflow["parent"] is None
    assert agent["parent"] == workflow["span_id"]
    assert weather["parent"] == agent["span_id"] and failing["parent"] == agent["span_id"]
    assert workflow["attributes"]["gen_ai.workflow.name"] == "Weather desk"
    assert workflow["attributes"]["gen_ai.conversation.id"] == "chat-7"
    assert agent["attributes"]["gen_ai.agent.name"] == "Forecaster"
    assert weather["attributes"]["gen_ai.tool.name"] == "get_weather"
    assert weather["status"] == "UNSET" and agent["status"] == "UNSET"
    # Our span's error (the tool raised) reaches the instrumentation as a failure.
    assert failing["status"] == "ERROR"
