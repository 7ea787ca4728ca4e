"""Handoffs on the wire: offered as function tools, taken, and what the next agent is sent.

Every test runs through both OpenAI APIs against the fake server and asserts the request bodies
(which the server also validates against OpenAI's spec).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import BaseModel

from agents_core import (
    Agent,
    AgentUpdatedStreamEvent,
    HandoffInputData,
    Model,
    ModelBehaviorError,
    RunContextWrapper,
    RunItemStreamEvent,
    Runner,
    function_tool,
    handoff,
)
from agents_core.handoff_filters import remove_all_tools
from agents_core.testing import function_call
from agents_openai.testing import FakeOpenAIServer, ModelReply

EMPTY_OBJECT = {"type": "object", "properties": {}, "required": [], "additionalProperties": False}


@function_tool
def lookup_order(order_id: str) -> str:
    """Look an order up."""
    return f"order {order_id}: shipped"


def _views(server: FakeOpenAIServer) -> list[Any]:
    return [request.view for request in server.model_requests()]


async def test_handoffs_are_offered_after_the_tools_and_taken(
    server: FakeOpenAIServer, model: Model
) -> None:
    billing = Agent(
        name="Billing",
        instructions="You handle billing.",
        handoff_description="Invoices and refunds.",
        model=model,
    )
    support = Agent(name="Support", instructions="You handle support.", model=model)
    triage = Agent(
        name="Triage",
        instructions="Route the user.",
        model=model,
        tools=[lookup_order],
        handoffs=[billing, support],
    )
    server.add(
        ModelReply([function_call("transfer_to_billing", {}, call_id="h1")]),
        "Your refund is on its way.",
    )

    result = await Runner.run(triage, "I want a refund")

    first, second = _views(server)
    assert first.instructions == "Route the user."
    assert first.tool_names == ["lookup_order", "transfer_to_billing", "transfer_to_support"]
    offered = first.function("transfer_to_billing")
    assert offered.description == (
        "Handoff to the Billing agent to handle the request. Invoices and refunds."
    )
    assert offered.parameters == EMPTY_OBJECT and offered.strict is True
    assert first.function("transfer_to_support").description == (
        "Handoff to the Support agent to handle the request."
    )
    # The next request is the new agent's: its instructions and tools, the whole conversation.
    assert second.instructions == "You handle billing."
    assert second.tool_names == []
    assert second.user_messages == ["I want a refund"]
    [call] = second.function_calls
    assert (call.call_id, call.name, call.arguments) == ("h1", "transfer_to_billing", "{}")
    assert json.loads(call.output) == {"assistant": "Billing"}
    assert result.last_agent is billing
    assert result.final_output == "Your refund is on its way."
    assert [item.type for item in result.new_items] == [
        "handoff_call_item",
        "handoff_output_item",
        "message_output_item",
    ]


class Escalation(BaseModel):
    reason: str
    priority: int


async def test_handoff_input_type_is_the_tool_schema_and_reaches_on_handoff(
    server: FakeOpenAIServer, model: Model
) -> None:
    received: list[Escalation] = []

    async def on_escalate(context: RunContextWrapper[Any], data: Escalation) -> None:
        received.append(data)

    manager = Agent(name="Manager", instructions="You are the manager.", model=model)
    desk = Agent(
        name="Desk",
        model=model,
        handoffs=[
            handoff(
                manager,
                tool_name_override="escalate",
                tool_description_override="Escalate to a manager.",
                input_type=Escalation,
                on_handoff=on_escalate,
            )
        ],
    )
    server.add(
        ModelReply([function_call("escalate", {"reason": "angry", "priority": 2}, call_id="e")]),
        "Manager here.",
    )

    result = await Runner.run(desk, "Get me your manager")

    first, second = _views(server)
    offered = first.function("escalate")
    assert offered.description == "Escalate to a manager."
    assert offered.strict is True
    assert offered.parameters["properties"].keys() == {"reason", "priority"}
    assert offered.parameters["required"] == ["reason", "priority"]
    assert offered.parameters["additionalProperties"] is False
    assert received == [Escalation(reason="angry", priority=2)]
    assert second.instructions == "You are the manager."
    assert result.final_output == "Manager here." and result.last_agent is manager


async def test_handoff_input_that_does_not_validate_is_a_model_behavior_error(
    server: FakeOpenAIServer, model: Model
) -> None:
    manager = Agent(name="Manager", model=model)
    desk = Agent(
        name="Desk",
        model=model,
        handoffs=[handoff(manager, input_type=Escalation, on_handoff=lambda ctx, data: None)],
    )
    server.add(ModelReply([function_call("transfer_to_manager", {"reason": 3}, call_id="e")]))
    with pytest.raises(ModelBehaviorError, match="Invalid input for handoff 'transfer_to_manager'"):
        await Runner.run(desk, "escalate")
    assert len(server.model_requests()) == 1


async def test_input_filter_decides_what_the_next_request_holds(
    server: FakeOpenAIServer, model: Model
) -> None:
    seen: list[HandoffInputData] = []

    def keep_no_tools(data: HandoffInputData) -> HandoffInputData:
        seen.append(data)
        return remove_all_tools(data)

    shipping = Agent(name="Shipping", instructions="Shipping desk.", model=model)
    triage = Agent(
        name="Triage",
        model=model,
        tools=[lookup_order],
        handoffs=[handoff(shipping, input_filter=keep_no_tools)],
    )
    server.add(
        ModelReply(
            ["Let me check.", function_call("lookup_order", {"order_id": "42"}, call_id="t1")]
        ),
        ModelReply([function_call("transfer_to_shipping", {}, call_id="h1")]),
        "It ships tomorrow.",
    )

    result = await Runner.run(triage, "Where is order 42?")

    _, second, third = _views(server)
    assert second.function_outputs == {"t1": "order 42: shipped"}
    # The shipping agent sees the conversation without tool calls, outputs or the handoff.
    assert third.instructions == "Shipping desk."
    assert third.function_calls == [] and third.function_outputs == {}
    assert third.user_messages == ["Where is order 42?"]
    assert third.assistant_messages == ["Let me check."]
    # The filter saw the earlier turn and the handoff turn; the run keeps every item.
    [data] = seen
    assert [item.type for item in data.pre_handoff_items] == [
        "message_output_item",
        "tool_call_item",
        "tool_call_output_item",
    ]
    assert [item.type for item in data.new_items] == ["handoff_call_item", "handoff_output_item"]
    assert len(result.new_items) == 6 and result.final_output == "It ships tomorrow."


async def test_disabled_handoffs_are_not_offered_and_enabling_is_decided_each_turn(
    server: FakeOpenAIServer, model: Model
) -> None:
    @function_tool
    def verify(context: RunContextWrapper[dict[str, bool]]) -> str:
        """Verify the customer."""
        context.context["verified"] = True
        return "verified"

    vip = Agent(name="VIP", model=model)
    retired = Agent(name="Retired", model=model)
    desk = Agent(
        name="Desk",
        model=model,
        tools=[verify],
        handoffs=[
            handoff(retired, is_enabled=False),
            handoff(vip, is_enabled=lambda ctx, agent: ctx.context["verified"]),
        ],
    )
    server.add(
        ModelReply([function_call("verify", {}, call_id="v")]),
        ModelReply([function_call("transfer_to_vip", {}, call_id="h")]),
        "VIP desk.",
    )

    result = await Runner.run(desk, "hello", context={"verified": False})

    first, second, _ = _views(server)
    assert first.tool_names == ["verify"]
    assert second.tool_names == ["verify", "transfer_to_vip"]
    assert result.last_agent is vip


async def test_a_chain_of_three_agents(server: FakeOpenAIServer, model: Model) -> None:
    third = Agent(name="Third", instructions="Third agent.", model=model)
    second = Agent(name="Second", instructions="Second agent.", model=model, handoffs=[third])
    first = Agent(name="First", instructions="First agent.", model=model, handoffs=[second])
    server.add(
        ModelReply([function_call("transfer_to_second", {}, call_id="a")]),
        ModelReply([function_call("transfer_to_third", {}, call_id="b")]),
        "Third speaking.",
    )

    result = await Runner.run(first, "start")

    views = _views(server)
    assert [v.instructions for v in views] == ["First agent.", "Second agent.", "Third agent."]
    assert [v.tool_names for v in views] == [["transfer_to_second"], ["transfer_to_third"], []]
    assert [(c.name, json.loads(c.output)) for c in views[2].function_calls] == [
        ("transfer_to_second", {"assistant": "Second"}),
        ("transfer_to_third", {"assistant": "Third"}),
    ]
    assert result.last_agent is third and result.final_output == "Third speaking."


async def test_streamed_handoff_events_and_requests(server: FakeOpenAIServer, model: Model) -> None:
    billing = Agent(name="Billing", instructions="Billing desk.", model=model)
    triage = Agent(name="Triage", model=model, handoffs=[billing])
    server.add(
        ModelReply([function_call("transfer_to_billing", {}, call_id="h1")]),
        "Billing here.",
    )

    result = Runner.run_streamed(triage, "refund please")
    agents_seen: list[str] = []
    item_events: list[str] = []
    async for event in result.stream_events():
        if isinstance(event, AgentUpdatedStreamEvent):
            agents_seen.append(event.new_agent.name)
        elif isinstance(event, RunItemStreamEvent):
            item_events.append(event.name)

    assert agents_seen == ["Triage", "Billing"]
    assert item_events == ["handoff_requested", "handoff_occured", "message_output_created"]
    first, second = server.model_requests()
    assert first.json["stream"] is True and second.json["stream"] is True
    assert first.view.tool_names == ["transfer_to_billing"]
    assert second.view.instructions == "Billing desk."
    assert result.final_output == "Billing here." and result.current_agent is billing
