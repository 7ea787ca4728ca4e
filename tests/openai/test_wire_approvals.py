"""Human approval on the wire: pausing, deciding, resuming (here and in another process)."""

from __future__ import annotations

import asyncio
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from agents_core import Model, RunItemStreamEvent, Runner, RunState, ToolCallOutputItem
from agents_core.testing import function_call
from agents_openai.testing import FakeOpenAIServer, ModelReply

APP_PATH = Path(__file__).with_name("approval_app.py")


def _app() -> ModuleType:
    spec = importlib.util.spec_from_file_location("approval_app", APP_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _two_refunds() -> ModelReply:
    return ModelReply(
        [
            function_call("refund", {"order_id": "A1", "amount": 500}, call_id="big"),
            function_call("refund", {"order_id": "B2", "amount": 20}, call_id="small"),
            function_call("refund", {"order_id": "C3", "amount": 900}, call_id="huge"),
        ]
    )


async def test_pause_save_and_resume_in_another_process(
    server: FakeOpenAIServer, api: str, tmp_path: Path
) -> None:
    app = _app()
    provider = server.provider(use_responses=api == "responses")
    agent = app.build_agent(provider.get_model("gpt-4.1"))
    server.add(_two_refunds())

    paused = await Runner.run(agent, "Refund A1 (500), B2 (20) and C3 (900)")
    await provider.aclose()

    # The small refund ran at once; the two big ones wait for a person.
    assert app.REFUNDS == [{"order_id": "B2", "amount": 20}]
    assert [(i.name, i.call_id) for i in paused.interruptions] == [
        ("refund", "big"),
        ("refund", "huge"),
    ]
    assert json.loads(paused.interruptions[0].arguments or "") == {"order_id": "A1", "amount": 500}
    assert len(server.model_requests()) == 1
    state_file = tmp_path / "state.json"
    state_file.write_text(paused.to_state().to_string())

    server.add("Refunded A1; C3 needs a manager.")
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        str(APP_PATH),
        server.base_url,
        api,
        str(state_file),
        "ar",
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    stdout, stderr = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 0, stderr.decode()
    printed = json.loads(stdout)

    assert printed == {
        "final_output": "Refunded A1; C3 needs a manager.",
        "refunds": [{"order_id": "A1", "amount": 500}],
    }
    first, resumed = (r.view for r in server.model_requests())
    # The resumed request answers every call of the paused turn, in order, and the model is
    # not asked again for that turn.
    assert [call.call_id for call in resumed.function_calls] == ["big", "small", "huge"]
    assert resumed.function_outputs == {
        "big": "refunded 500 on A1",
        "small": "refunded 20 on B2",
        "huge": 'Refund of {"order_id": "C3", "amount": 900} refused.',
    }
    assert resumed.user_messages == first.user_messages


async def test_streamed_pause_and_resume(server: FakeOpenAIServer, model: Model) -> None:
    app = _app()
    agent = app.build_agent(model)
    server.add(_two_refunds(), "All three handled.")

    paused = Runner.run_streamed(agent, "Refund them all")
    names = [
        event.name
        async for event in paused.stream_events()
        if event.type == "run_item_stream_event"
    ]
    assert names == ["tool_called", "tool_called", "tool_called", "tool_output"]
    assert [i.call_id for i in paused.interruptions] == ["big", "huge"]

    state: RunState[Any] = paused.to_state()
    for item in state.get_interruptions():
        state.approve(item)
    resumed = Runner.run_streamed(agent, state)
    outputs = [
        event.item.output
        async for event in resumed.stream_events()
        if isinstance(event, RunItemStreamEvent) and isinstance(event.item, ToolCallOutputItem)
    ]
    assert outputs == ["refunded 500 on A1", "refunded 900 on C3"]
    assert resumed.final_output == "All three handled."
    requests = server.model_requests()
    assert [r.json.get("stream") for r in requests] == [True, True]
    assert requests[1].view.function_outputs == {
        "big": "refunded 500 on A1",
        "small": "refunded 20 on B2",
        "huge": "refunded 900 on C3",
    }
