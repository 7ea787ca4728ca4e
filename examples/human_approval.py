"""Human approval: the run pauses before a refund, is saved to disk, and resumes later.

First invocation: ``uv run python examples/human_approval.py`` runs until the agent wants to call
``issue_refund``, writes the paused run to ``refund_state.json`` and stops. Second invocation:
``uv run python examples/human_approval.py --approve`` (or ``--reject``) loads it in a new
process, records the decision and finishes the run without asking the model again for the
turn that paused. With ``OPENAI_API_KEY`` set it talks to OpenAI; without, each invocation
starts the bundled fake OpenAI server on 127.0.0.1 with scripted replies.
"""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from _offline import openai_or_offline

from agents import Agent, Runner, RunState, function_tool
from agents.testing import function_call
from agents_openai.testing import ModelReply, RecordedRequest


@function_tool(needs_approval=True)
def issue_refund(order_id: str, amount_eur: float) -> str:
    """Refund an order (a person must approve every refund).

    Args:
        order_id: The order to refund.
        amount_eur: The amount in euros.
    """
    return f"Refunded {amount_eur:.2f} EUR for {order_id}"


support = Agent[dict[str, str]](
    name="Support",
    instructions="Help customers; refunds need a person's approval. Order A-17 cost 49.90 EUR.",
    model="gpt-4.1",
    tools=[issue_refund],
)


def scripted_model(request: RecordedRequest) -> ModelReply:
    """Offline replies: ask for the refund, then answer from the tool's output."""
    outputs = request.view.function_outputs
    if not outputs:
        arguments = {"order_id": "A-17", "amount_eur": 49.9}
        return ModelReply([function_call("issue_refund", arguments, call_id="r1")])
    if str(outputs["r1"]).startswith("Refunded"):
        return ModelReply(["Your refund of 49.90 EUR is on its way."])
    return ModelReply(["A refund could not be approved."])


async def start() -> str:
    async with openai_or_offline(scripted_model):
        result = await Runner.run(
            support, "Please refund order A-17.", context={"customer": "c-42"}
        )
    for pending in result.interruptions:
        print(f"Waiting for approval: {pending.name}({pending.arguments})")
    return result.to_state().to_string()


async def resume(saved: str, approve: bool) -> None:
    state = await RunState.from_string(support, saved)
    for pending in state.get_interruptions():
        if approve:
            state.approve(pending)
        else:
            state.reject(pending, rejection_message="A supervisor declined this refund.")
    async with openai_or_offline(scripted_model):
        result = await Runner.run(support, state)
    print(f"Context kept across processes: {state.context.context}")
    print(f"Final answer: {result.final_output}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    decision = parser.add_mutually_exclusive_group()
    decision.add_argument("--approve", action="store_true")
    decision.add_argument("--reject", action="store_true")
    parser.add_argument("--state-file", type=Path, default=Path("refund_state.json"))
    args = parser.parse_args()
    state_file: Path = args.state_file
    if args.approve or args.reject:
        asyncio.run(resume(state_file.read_text(), approve=args.approve))
        state_file.unlink()
    else:
        state_file.write_text(asyncio.run(start()))
        print(f"Saved the paused run to {state_file}; run again with --approve or --reject.")


if __name__ == "__main__":
    main()
