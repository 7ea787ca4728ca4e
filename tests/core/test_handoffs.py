"""Handoffs: chains, input types, filters, several handoffs in a turn, hooks, streaming."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import BaseModel

from agents_core import (
    Agent,
    HandoffCallItem,
    HandoffInputData,
    HandoffOutputItem,
    ModelBehaviorError,
    RunConfig,
    RunContextWrapper,
    RunHooks,
    Runner,
    UserError,
    function_tool,
    handoff,
)
from agents_core.handoff_filters import fold_history, remove_all_tools
from agents_core.testing import ScriptedModel, function_call


@function_tool
def lookup(order: str) -> str:
    return f"order {order}: shipped"


def chain() -> tuple[Agent[Any], Agent[Any], Agent[Any], ScriptedModel]:
    model = ScriptedModel([])
    c = Agent(name="Refunds", instructions="refund", model=model, handoff_description="Money back")
    b = Agent(name="Billing", instructions="bill", model=model, handoffs=[c], tools=[lookup])
    a = Agent(name="Triage", instructions="triage", model=model, handoffs=[b])
    return a, b, c, model


async def test_a_to_b_to_c() -> None:
    a, _, c, model = chain()
    model.extend(
        [
            function_call("transfer_to_billing", {}, call_id="h1"),
            function_call("lookup", {"order": "7"}, call_id="t1"),
            function_call("transfer_to_refunds", {}, call_id="h2"),
            "Refund issued.",
        ]
    )
    result = await Runner.run(a, "I want my money back for order 7")
    assert result.final_output == "Refund issued."
    assert result.last_agent is c
    assert [call.system_instructions for call in model.calls] == [
        "triage",
        "bill",
        "bill",
        "refund",
    ]
    assert [h["name"] for h in (x.to_json_dict() for x in model.calls[0].handoffs)] == [
        "transfer_to_billing"
    ]
    assert model.calls[2].handoffs[0].tool_description.startswith("Handoff to the Refunds agent")
    outputs = [i for i in result.new_items if isinstance(i, HandoffOutputItem)]
    assert [(o.source_agent.name, o.target_agent.name) for o in outputs] == [
        ("Triage", "Billing"),
        ("Billing", "Refunds"),
    ]
    assert json.loads(outputs[0].raw_item["output"]) == {"assistant": "Billing"}
    # Without a filter the next agent sees the whole conversation, the handoff included.
    assert [i.get("type", "message") for i in model.calls[1].input] == [
        "message",
        "function_call",
        "function_call_output",
    ]


class Escalation(BaseModel):
    reason: str
    priority: int


async def test_handoff_with_input_type_validates_and_calls_on_handoff() -> None:
    seen: list[Escalation] = []

    async def on_handoff(ctx: RunContextWrapper[Any], data: Escalation) -> None:
        seen.append(data)

    model = ScriptedModel(
        [
            function_call("escalate", {"reason": "angry", "priority": 2}, call_id="h"),
            "A manager will call you.",
        ]
    )
    manager = Agent(name="Manager", model=model)
    front = Agent(
        name="Front",
        model=model,
        handoffs=[
            handoff(
                manager, tool_name_override="escalate", on_handoff=on_handoff, input_type=Escalation
            )
        ],
    )
    result = await Runner.run(front, "escalate")
    assert seen == [Escalation(reason="angry", priority=2)]
    schema = model.calls[0].handoffs[0].input_json_schema
    assert schema["required"] == ["reason", "priority"] and schema["additionalProperties"] is False
    assert result.last_agent is manager


async def test_handoff_with_bad_input_is_a_model_behavior_error() -> None:
    model = ScriptedModel([function_call("escalate", {"reason": "x"}, call_id="h")])
    target = Agent(name="T", model=model)
    front = Agent(
        name="F",
        model=model,
        handoffs=[
            handoff(
                target,
                tool_name_override="escalate",
                on_handoff=lambda c, d: None,
                input_type=Escalation,
            )
        ],
    )
    with pytest.raises(ModelBehaviorError, match="Invalid input for handoff 'escalate'"):
        await Runner.run(front, "go")


def test_on_handoff_and_input_type_go_together() -> None:
    with pytest.raises(UserError, match="together with input_type"):
        handoff(Agent(name="x"), on_handoff=lambda ctx, data: None)  # type: ignore[misc, arg-type]
    with pytest.raises(UserError, match="together with input_type"):
        handoff(Agent(name="x"), input_type=Escalation)  # type: ignore[call-overload]


async def test_input_filter_shapes_what_the_next_agent_sees() -> None:
    model = ScriptedModel(
        [
            function_call("lookup", {"order": "1"}, call_id="t1"),
            function_call("transfer_to_b", {}, call_id="h1"),
            "done",
        ]
    )
    b = Agent(name="B", model=model)
    a = Agent(
        name="A", model=model, tools=[lookup], handoffs=[handoff(b, input_filter=remove_all_tools)]
    )
    result = await Runner.run(a, "hello")
    assert model.calls[2].input == [{"role": "user", "content": "hello"}]
    # The run's own record keeps everything the filter hid from the next agent.
    kinds = [i.type for i in result.new_items]
    assert kinds.count("tool_call_item") == 1 and "handoff_output_item" in kinds


async def test_run_config_filter_applies_when_the_handoff_has_none() -> None:
    seen: list[HandoffInputData] = []

    def summarise(data: HandoffInputData) -> HandoffInputData:
        seen.append(data)
        return data.clone(input_history="Summarised", pre_handoff_items=(), new_items=())

    model = ScriptedModel([function_call("transfer_to_b", {}, call_id="h"), "ok"])
    a = Agent(name="A", model=model, handoffs=[Agent(name="B", model=model)])
    await Runner.run(a, "hi", run_config=RunConfig(handoff_input_filter=summarise))
    assert model.calls[1].input == [{"role": "user", "content": "Summarised"}]
    assert seen[0].input_history == ({"role": "user", "content": "hi"},)
    assert [item.type for item in seen[0].new_items] == ["handoff_call_item", "handoff_output_item"]


async def test_fold_history_summarises_earlier_turns() -> None:
    model = ScriptedModel(
        [
            function_call("lookup", {"order": "9"}, call_id="t1"),
            function_call("transfer_to_b", {}, call_id="h1"),
            "done",
        ]
    )
    b = Agent(name="B", model=model)
    a = Agent(
        name="A", model=model, tools=[lookup], handoffs=[handoff(b, input_filter=fold_history)]
    )
    await Runner.run(a, "where is order 9?")
    sent = model.calls[2].input
    assert sent[0]["role"] == "user"
    summary = sent[0]["content"]
    assert "user: where is order 9?" in summary and "order 9: shipped" in summary
    assert [i.get("type") for i in sent[1:]] == ["function_call", "function_call_output"]


async def test_only_the_first_of_several_handoffs_happens() -> None:
    model = ScriptedModel(
        [
            [
                function_call("transfer_to_b", {}, call_id="h1"),
                function_call("transfer_to_c", {}, call_id="h2"),
            ],
            "from b",
        ]
    )
    b, c = Agent(name="B", model=model), Agent(name="C", model=model)
    result = await Runner.run(Agent(name="A", model=model, handoffs=[b, c]), "go")
    assert result.last_agent is b
    outputs = {
        i.raw_item["call_id"]: i
        for i in result.new_items
        if i.type in ("tool_call_output_item", "handoff_output_item")
    }
    assert outputs["h1"].type == "handoff_output_item"
    assert "only the first" in outputs["h2"].raw_item["output"]
    assert sum(isinstance(i, HandoffCallItem) for i in result.new_items) == 2


async def test_disabled_handoffs_are_not_offered() -> None:
    model = ScriptedModel(["ok"])
    b = Agent(name="B", model=model)
    a = Agent(name="A", model=model, handoffs=[handoff(b, is_enabled=False), Agent(name="C")])
    await Runner.run(a, "go")
    assert [h.tool_name for h in model.calls[0].handoffs] == ["transfer_to_c"]


class Recorder(RunHooks[Any]):
    def __init__(self) -> None:
        self.events: list[str] = []

    async def on_agent_start(self, context: RunContextWrapper[Any], agent: Agent[Any]) -> None:
        self.events.append(f"start:{agent.name}")

    async def on_handoff(
        self, context: RunContextWrapper[Any], from_agent: Agent[Any], to_agent: Agent[Any]
    ) -> None:
        self.events.append(f"handoff:{from_agent.name}->{to_agent.name}")

    async def on_agent_end(
        self, context: RunContextWrapper[Any], agent: Agent[Any], output: Any
    ) -> None:
        self.events.append(f"end:{agent.name}")


async def test_hooks_fire_in_order_across_handoffs() -> None:
    a, _, _, model = chain()
    model.extend(
        [
            function_call("transfer_to_billing", {}, call_id="h1"),
            function_call("transfer_to_refunds", {}, call_id="h2"),
            "ok",
        ]
    )
    hooks = Recorder()
    await Runner.run(a, "go", hooks=hooks)
    assert hooks.events == [
        "start:Triage",
        "handoff:Triage->Billing",
        "start:Billing",
        "handoff:Billing->Refunds",
        "start:Refunds",
        "end:Refunds",
    ]


async def test_streamed_handoffs_announce_the_new_agent() -> None:
    a, b, _, model = chain()
    model.extend([function_call("transfer_to_billing", {}, call_id="h1"), "billing here"])
    result = Runner.run_streamed(a, "go")
    agents_seen: list[str] = []
    names: list[str] = []
    async for event in result.stream_events():
        if event.type == "agent_updated_stream_event":
            agents_seen.append(event.new_agent.name)
        elif event.type == "run_item_stream_event":
            names.append(event.name)
    assert agents_seen == ["Triage", "Billing"]
    assert names == ["handoff_requested", "handoff_occured", "message_output_created"]
    assert result.last_agent is b and result.final_output == "billing here"


def test_default_names_are_function_style() -> None:
    agent = Agent(name="Customer Support!")
    assert handoff(agent).tool_name == "transfer_to_customer_support_"
