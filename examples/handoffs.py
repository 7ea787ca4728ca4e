"""Handoffs: a triage agent routes a customer to billing, which hands refunds to a specialist.

Run with ``uv run python examples/handoffs.py``. With ``OPENAI_API_KEY`` set it talks to OpenAI;
without, to the bundled fake OpenAI server on 127.0.0.1, whose scripted replies make the calls a
real model would make: two handoffs (offered to the model as ``transfer_to_*`` tools) and a tool
call, over real HTTP.
"""

from __future__ import annotations

import asyncio

from _offline import openai_or_offline
from pydantic import BaseModel

from agents import Agent, RunContextWrapper, Runner, function_tool, handoff
from agents.extensions import handoff_filters
from agents.testing import function_call
from agents_openai.testing import ModelReply, RecordedRequest


class RefundReason(BaseModel):
    reason: str


@function_tool
def order_status(order_id: str) -> str:
    """Look up an order.

    Args:
        order_id: The order number.
    """
    return f"Order {order_id}: delivered, 49.90 EUR, damaged on arrival"


async def log_refund_reason(ctx: RunContextWrapper[None], data: RefundReason) -> None:
    print(f"  [handoff to Refunds, reason: {data.reason}]")


refunds = Agent(
    name="Refunds",
    instructions="Refunds desk. Issue refunds for damaged orders and confirm the amount.",
    handoff_description="Handles refunds",
    model="gpt-4.1",
)
billing = Agent(
    name="Billing",
    instructions="Billing desk. Look orders up; hand refunds to the Refunds agent.",
    handoff_description="Handles invoices, payments and orders",
    model="gpt-4.1",
    tools=[order_status],
    handoffs=[
        handoff(
            refunds,
            on_handoff=log_refund_reason,
            input_type=RefundReason,
            input_filter=handoff_filters.remove_all_tools,
        )
    ],
)
triage = Agent(
    name="Triage",
    instructions="Triage desk. Route the customer to the right department.",
    model="gpt-4.1",
    handoffs=[billing],
)


def scripted_model(request: RecordedRequest) -> ModelReply:
    """Offline replies, chosen by which agent is asking (its instructions) and what it knows."""
    view = request.view
    desk = (view.instructions or "").split(" desk")[0]
    if desk == "Triage":
        return ModelReply([function_call("transfer_to_billing", {}, call_id="h1")])
    if desk == "Billing" and "t1" not in view.function_outputs:
        return ModelReply([function_call("order_status", {"order_id": "A-17"}, call_id="t1")])
    if desk == "Billing":
        reason = {"reason": "damaged on arrival"}
        return ModelReply([function_call("transfer_to_refunds", reason, call_id="h2")])
    return ModelReply(["I have refunded 49.90 EUR for order A-17."])


async def main() -> None:
    async with openai_or_offline(scripted_model):
        result = await Runner.run(triage, "My order A-17 arrived broken, I want a refund.")
    for item in result.new_items:
        if item.type == "handoff_output_item":
            print(f"  {item.source_agent.name} -> {item.target_agent.name}")
    print(f"Answered by {result.last_agent.name}: {result.final_output}")
    seen = len(result.context_wrapper.turn_input)
    print(f"The Refunds agent was sent {seen} input item(s): the tool calls were filtered out.")


if __name__ == "__main__":
    asyncio.run(main())
