"""A small app whose tool needs approval, run by the approval tests in this and another process.

``python approval_app.py BASE_URL API STATE_FILE DECISIONS`` loads the paused run saved in
STATE_FILE, decides each pending call by DECISIONS (a string of ``a``/``r``, one letter per
call), resumes it against the OpenAI-compatible server at BASE_URL (API ``responses`` or
``chat``) and prints the final output and the tool's calls as JSON.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Any

from agents_core import Agent, Model, Runner, RunState, function_tool
from agents_openai import OpenAIProvider

REFUNDS: list[dict[str, Any]] = []


@function_tool(needs_approval=lambda ctx, args, call_id: args["amount"] > 100)
def refund(order_id: str, amount: int) -> str:
    """Refund an order (refunds over 100 need a person's approval)."""
    REFUNDS.append({"order_id": order_id, "amount": amount})
    return f"refunded {amount} on {order_id}"


def build_agent(model: Model) -> Agent[Any]:
    """The refund agent, on ``model``."""
    return Agent(
        name="Refunds",
        instructions="Refund what the customer asks for.",
        model=model,
        tools=[refund],
    )


async def resume(base_url: str, api: str, saved: str, decisions: str) -> dict[str, Any]:
    """Load, decide and resume the saved run; what it printed."""
    provider = OpenAIProvider(
        base_url=base_url, api_key="sk-fake-openai-key", use_responses=api == "responses"
    )
    agent = build_agent(provider.get_model("gpt-4.1"))
    state = await RunState.from_string(agent, saved)
    for item, decision in zip(state.get_interruptions(), decisions, strict=True):
        if decision == "a":
            state.approve(item)
        else:
            state.reject(item, rejection_message=f"Refund of {item.arguments} refused.")
    try:
        result = await Runner.run(agent, state)
    finally:
        await provider.aclose()
    return {"final_output": result.final_output, "refunds": REFUNDS}


if __name__ == "__main__":
    base, which, path, answers = sys.argv[1:5]
    print(json.dumps(asyncio.run(resume(base, which, Path(path).read_text(), answers))))
