"""Results round-trip through JSON: items, raw responses, usage, guardrails, agents."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import BaseModel

from agents_core import (
    Agent,
    GuardrailFunctionOutput,
    RunContextWrapper,
    Runner,
    RunResult,
    Usage,
    UserError,
    function_tool,
    input_guardrail,
    output_guardrail,
)
from agents_core.testing import ScriptedModel, function_call


class Answer(BaseModel):
    text: str
    confidence: float


@function_tool
def lookup(q: str) -> dict[str, str]:
    return {"q": q, "hit": "yes"}


@input_guardrail
def checked(ctx: RunContextWrapper[Any], agent: Agent[Any], input: Any) -> GuardrailFunctionOutput:
    return GuardrailFunctionOutput(output_info={"len": len(str(input))}, tripwire_triggered=False)


@output_guardrail
def fine(ctx: RunContextWrapper[Any], agent: Agent[Any], output: Any) -> GuardrailFunctionOutput:
    return GuardrailFunctionOutput(output_info="ok", tripwire_triggered=False)


def agents(model: ScriptedModel) -> Agent[Any]:
    expert = Agent(name="Expert", model=model, output_type=Answer, output_guardrails=[fine])
    return Agent(
        name="Front", model=model, tools=[lookup], handoffs=[expert], input_guardrails=[checked]
    )


def script() -> list[Any]:
    return [
        function_call("lookup", {"q": "tides"}, call_id="t"),
        function_call("transfer_to_expert", {}, call_id="h"),
        json.dumps({"text": "High tide at 6", "confidence": 0.9}),
    ]


async def test_result_round_trips_with_the_agent_graph() -> None:
    usage = Usage(requests=1, input_tokens=5, output_tokens=2, total_tokens=7)
    model = ScriptedModel(script(), default_usage=usage)
    front = agents(model)
    result = await Runner.run(front, "When is high tide?")
    data = result.to_json()
    assert json.loads(json.dumps(data)) == data
    assert data["agents"] == ["Expert", "Front"] and data["last_agent"] == "Expert"
    loaded = RunResult.from_json(data, front)
    assert loaded.to_json() == data
    assert loaded.final_output == Answer(text="High tide at 6", confidence=0.9)
    assert loaded.last_agent is result.last_agent
    assert [i.type for i in loaded.new_items] == [i.type for i in result.new_items]
    assert loaded.new_items[0].agent is front
    assert loaded.to_input_list() == result.to_input_list()
    assert loaded.usage.total_tokens == 21
    assert loaded.input_guardrail_results[0].output.output_info == {"len": 18}
    assert loaded.output_guardrail_results[0].agent.name == "Expert"
    assert loaded.last_response_id == result.last_response_id


async def test_result_loads_without_the_agents() -> None:
    result = await Runner.run(agents(ScriptedModel(script())), "When is high tide?")
    loaded = RunResult.from_json(result.to_json())
    assert loaded.last_agent.name == "Expert"
    assert loaded.final_output == {"text": "High tide at 6", "confidence": 0.9}
    with pytest.raises(UserError, match="cannot run"):
        loaded.input_guardrail_results[0].guardrail.guardrail_function(None, None, None)  # type: ignore[arg-type]


async def test_streamed_result_final_state_round_trips() -> None:
    streamed = Runner.run_streamed(agents(ScriptedModel(script())), "When is high tide?")
    async for _ in streamed.stream_events():
        pass
    plain = await Runner.run(agents(ScriptedModel(script())), "When is high tide?")
    assert streamed.to_json() == plain.to_json()
    assert RunResult.from_json(streamed.to_json()).to_json() == plain.to_json()


async def test_interrupted_results_keep_their_interruptions() -> None:
    @function_tool(needs_approval=True)
    def wire(amount: int) -> str:
        return "sent"

    paused = await Runner.run(
        Agent(
            name="a",
            model=ScriptedModel([function_call("wire", {"amount": 5}, call_id="w")]),
            tools=[wire],
        ),
        "go",
    )
    loaded = RunResult.from_json(paused.to_json())
    assert [i.call_id for i in loaded.interruptions] == ["w"]


def test_bad_documents_are_rejected() -> None:
    with pytest.raises(UserError, match="not a saved run result"):
        RunResult.from_json({"kind": "something else"})
    with pytest.raises(UserError, match="schema version 7"):
        RunResult.from_json({"kind": "agents.run_result", "schema_version": 7})
    with pytest.raises(UserError, match="malformed"):
        RunResult.from_json({"kind": "agents.run_result", "schema_version": 1, "input": 3})
