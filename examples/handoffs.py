"""Handoffs: a triage agent routes a customer to billing, which hands refunds to a specialist.

Run with ``uv run python examples/handoffs.py``. The model is the scripted test model, so the run
is offline: it replays the calls a real model would make (two handoffs and a tool call).
"""

from __future__ import annotations

import asyncio

from pydantic import BaseModel

from agents import Agent, RunContextWrapper, Runner, function_tool, handoff
from agents.extensions import handoff_filters
from agents.testing import ScriptedModel, function_call


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


def build_agents(model: ScriptedModel) -> Agent[None]:
    refunds = Agent(
        name="Refunds",
        instructions="Issue refunds for damaged orders.",
        handoff_description="Handles refunds",
        model=model,
    )
    billing = Agent(
        name="Billing",
        instructions="Answer billing questions; hand refunds to the Refunds agent.",
        handoff_description="Handles invoices, payments and orders",
        model=model,
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
    return Agent(
        name="Triage",
        instructions="Route the customer to the right department.",
        model=model,
        handoffs=[billing],
    )


async def main() -> None:
    model = ScriptedModel(
        [
            function_call("transfer_to_billing", {}, call_id="h1"),
            function_call("order_status", {"order_id": "A-17"}, call_id="t1"),
            function_call("transfer_to_refunds", {"reason": "damaged on arrival"}, call_id="h2"),
            "I have refunded 49.90 EUR for order A-17.",
        ]
    )
    print("Running offline against a scripted model.")
    result = await Runner.run(build_agents(model), "My order A-17 arrived broken, I want a refund.")
    for item in result.new_items:
        if item.type == "handoff_output_item":
            print(f"  {item.source_agent.name} -> {item.target_agent.name}")
    print(f"Answered by {result.last_agent.name}: {result.final_output}")
    print(f"The Refunds agent saw {len(model.last_call.input)} input item(s) (tools filtered out).")


if __name__ == "__main__":
    asyncio.run(main())
