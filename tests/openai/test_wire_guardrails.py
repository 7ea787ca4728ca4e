"""Guardrails on the wire: what is (and is not) sent when input, output and tool guardrails act."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from agents_core import (
    Agent,
    GuardrailFunctionOutput,
    InputGuardrailTripwireTriggered,
    MemorySession,
    Model,
    OutputGuardrailTripwireTriggered,
    RunContextWrapper,
    Runner,
    ToolGuardrailFunctionOutput,
    ToolInputGuardrailData,
    ToolOutputGuardrailData,
    function_tool,
    input_guardrail,
    output_guardrail,
    tool_input_guardrail,
    tool_output_guardrail,
)
from agents_core.testing import function_call
from agents_openai.testing import FakeOpenAIServer, ModelReply, RecordedRequest


async def test_a_parallel_guardrail_abandons_the_request_in_flight_and_stores_nothing(
    server: FakeOpenAIServer, model: Model
) -> None:
    arrived = asyncio.Event()

    def note_arrival(request: RecordedRequest) -> None:
        arrived.set()  # and answer from the queue

    server.responder = note_arrival

    @input_guardrail
    async def trips_once_the_request_is_out(
        ctx: RunContextWrapper[Any], agent: Agent[Any], input: Any
    ) -> GuardrailFunctionOutput:
        await arrived.wait()  # the model request has reached the server
        return GuardrailFunctionOutput(output_info="homework", tripwire_triggered=True)

    session = MemorySession()
    agent = Agent(name="a", model=model, input_guardrails=[trips_once_the_request_is_out])
    server.add(ModelReply(["never delivered"], delay=30))

    with pytest.raises(InputGuardrailTripwireTriggered) as info:
        await asyncio.wait_for(Runner.run(agent, "do my homework", session=session), 10)

    assert len(server.model_requests()) == 1
    assert server.model_requests()[0].view.user_messages == ["do my homework"]
    assert info.value.guardrail_result.output.output_info == "homework"
    assert await session.get_items() == []


async def test_a_guardrail_that_decides_at_once_sends_no_request(
    server: FakeOpenAIServer, model: Model
) -> None:
    @input_guardrail
    def parallel_no(ctx: RunContextWrapper[Any], agent: Agent[Any], input: Any) -> Any:
        return GuardrailFunctionOutput(output_info=None, tripwire_triggered=True)

    @input_guardrail(run_in_parallel=False)
    async def blocking_no(ctx: RunContextWrapper[Any], agent: Agent[Any], input: Any) -> Any:
        await asyncio.sleep(0.01)  # even a slow blocking guardrail holds the request back
        return GuardrailFunctionOutput(output_info=None, tripwire_triggered=True)

    for guardrail in (parallel_no, blocking_no):
        with pytest.raises(InputGuardrailTripwireTriggered):
            await Runner.run(Agent(name="a", model=model, input_guardrails=[guardrail]), "hi")
    assert server.model_requests() == []


async def test_passing_input_guardrails_let_the_request_through(
    server: FakeOpenAIServer, model: Model
) -> None:
    @input_guardrail(run_in_parallel=False)
    def fine(ctx: RunContextWrapper[Any], agent: Agent[Any], input: Any) -> Any:
        return GuardrailFunctionOutput(output_info="ok", tripwire_triggered=False)

    server.add("Hello.")
    result = await Runner.run(Agent(name="a", model=model, input_guardrails=[fine]), "hi")
    assert result.final_output == "Hello." and len(server.model_requests()) == 1
    assert [r.output.output_info for r in result.input_guardrail_results] == ["ok"]


async def test_an_output_guardrail_trips_after_the_answer_and_stores_nothing(
    server: FakeOpenAIServer, model: Model
) -> None:
    @output_guardrail
    def no_secrets(ctx: RunContextWrapper[Any], agent: Agent[Any], output: Any) -> Any:
        return GuardrailFunctionOutput(output_info=output, tripwire_triggered="secret" in output)

    session = MemorySession()
    server.add("The secret is 42.")
    agent = Agent(name="a", model=model, output_guardrails=[no_secrets])
    with pytest.raises(OutputGuardrailTripwireTriggered) as info:
        await Runner.run(agent, "tell me", session=session)
    assert len(server.model_requests()) == 1
    assert info.value.guardrail_result.agent_output == "The secret is 42."
    assert await session.get_items() == []


async def test_tool_guardrails_change_what_the_model_is_told(
    server: FakeOpenAIServer, model: Model
) -> None:
    calls: list[str] = []

    @tool_input_guardrail
    def no_production(data: ToolInputGuardrailData) -> ToolGuardrailFunctionOutput:
        if "prod" in data.context.tool_arguments:
            return ToolGuardrailFunctionOutput.reject_content("Production is off limits.")
        return ToolGuardrailFunctionOutput.allow()

    @tool_output_guardrail
    def redact(data: ToolOutputGuardrailData) -> ToolGuardrailFunctionOutput:
        if "password" in str(data.output):
            return ToolGuardrailFunctionOutput.reject_content("[redacted]")
        return ToolGuardrailFunctionOutput.allow()

    @function_tool(tool_input_guardrails=[no_production], tool_output_guardrails=[redact])
    def read_config(env: str) -> str:
        """Read an environment's configuration."""
        calls.append(env)
        return f"{env}: password=hunter2" if env == "staging" else f"{env}: ok"

    agent = Agent(name="ops", model=model, tools=[read_config])
    server.add(
        ModelReply(
            [
                function_call("read_config", {"env": "prod"}, call_id="p"),
                function_call("read_config", {"env": "staging"}, call_id="s"),
                function_call("read_config", {"env": "dev"}, call_id="d"),
            ]
        ),
        "Done.",
    )

    result = await Runner.run(agent, "read the configs")

    assert calls == ["staging", "dev"]  # the rejected call never ran
    assert server.model_requests()[1].view.function_outputs == {
        "p": "Production is off limits.",
        "s": "[redacted]",
        "d": "dev: ok",
    }
    assert len(result.tool_input_guardrail_results) == 3
    assert len(result.tool_output_guardrail_results) == 2
