"""Human approval: pausing, deciding, saving the state, resuming (here and in another process)."""

from __future__ import annotations

import asyncio
import json
import sys
import textwrap
from asyncio.subprocess import PIPE
from pathlib import Path
from typing import Any

import pytest

from agents_core import (
    Agent,
    MemorySession,
    RunContextWrapper,
    Runner,
    RunState,
    ToolApprovalItem,
    ToolCallOutputItem,
    UserError,
    function_tool,
)
from agents_core.testing import ScriptedModel, function_call

sent: list[str] = []


@function_tool(needs_approval=True)
def send_email(to: str, body: str) -> str:
    """Send an email."""
    sent.append(to)
    return f"sent to {to}"


async def big_amounts(ctx: RunContextWrapper[Any], params: dict[str, Any], call_id: str) -> bool:
    return bool(params.get("amount", 0) > 100)


@function_tool(needs_approval=big_amounts)
def pay(amount: int) -> str:
    """Pay an amount."""
    return f"paid {amount}"


def email_model(*after: Any) -> ScriptedModel:
    return ScriptedModel(
        [function_call("send_email", {"to": "ann@example.com", "body": "hi"}, call_id="e1"), *after]
    )


async def test_run_pauses_before_an_approval_tool() -> None:
    sent.clear()
    model = email_model("Email sent.")
    agent = Agent(name="mailer", model=model, tools=[send_email])
    result = await Runner.run(agent, "email ann")
    assert result.final_output is None
    [pending] = result.interruptions
    assert isinstance(pending, ToolApprovalItem)
    assert (pending.tool_name, pending.name, pending.call_id) == ("send_email", "send_email", "e1")
    assert json.loads(pending.arguments or "") == {"to": "ann@example.com", "body": "hi"}
    assert sent == []
    assert len(model.calls) == 1


async def test_approve_resumes_without_calling_the_model_again_for_that_turn() -> None:
    sent.clear()
    model = email_model("Email sent.")
    agent = Agent(name="mailer", model=model, tools=[send_email])
    paused = await Runner.run(agent, "email ann")
    state = paused.to_state()
    state.approve(state.get_interruptions()[0])
    result = await Runner.run(agent, state)
    assert sent == ["ann@example.com"]
    assert result.final_output == "Email sent."
    assert len(model.calls) == 2  # the turn that asked was not repeated
    assert model.calls[1].input[-1] == {
        "type": "function_call_output",
        "call_id": "e1",
        "output": "sent to ann@example.com",
    }
    assert result.interruptions == []
    assert result.usage.requests == 2


async def test_reject_tells_the_model() -> None:
    sent.clear()
    model = email_model("Okay, not sending.")
    agent = Agent(name="mailer", model=model, tools=[send_email])
    state = (await Runner.run(agent, "email ann")).to_state()
    state.reject(state.get_interruptions()[0], rejection_message="Not to Ann, please.")
    result = await Runner.run(agent, state)
    assert sent == []
    assert model.calls[1].input[-1]["output"] == "Not to Ann, please."
    assert result.final_output == "Okay, not sending."


async def test_default_rejection_message() -> None:
    model = email_model("ok")
    agent = Agent(name="mailer", model=model, tools=[send_email])
    state = (await Runner.run(agent, "email ann")).to_state()
    state.reject(state.get_interruptions()[0])
    await Runner.run(agent, state)
    assert model.calls[1].input[-1]["output"] == "Tool execution was not approved."


async def test_always_approve_covers_later_calls() -> None:
    sent.clear()
    model = email_model(
        function_call("send_email", {"to": "bob@example.com", "body": "yo"}, call_id="e2"),
        "both sent",
    )
    agent = Agent(name="mailer", model=model, tools=[send_email])
    state = (await Runner.run(agent, "email ann and bob")).to_state()
    state.approve(state.get_interruptions()[0], always_approve=True)
    result = await Runner.run(agent, state)
    assert result.final_output == "both sent" and sent == ["ann@example.com", "bob@example.com"]


async def test_always_reject_covers_later_calls() -> None:
    sent.clear()
    model = email_model(
        function_call("send_email", {"to": "bob@example.com", "body": "yo"}, call_id="e2"),
        "none sent",
    )
    agent = Agent(name="mailer", model=model, tools=[send_email])
    state = (await Runner.run(agent, "go")).to_state()
    state.reject(state.get_interruptions()[0], always_reject=True)
    result = await Runner.run(agent, state)
    assert result.final_output == "none sent" and sent == []


async def test_undecided_calls_pause_again() -> None:
    model = email_model("unused")
    agent = Agent(name="mailer", model=model, tools=[send_email])
    state = (await Runner.run(agent, "go")).to_state()
    again = await Runner.run(agent, state)
    assert [i.call_id for i in again.interruptions] == ["e1"]
    assert len(model.calls) == 1


async def test_conditional_approval_and_mixed_calls_in_one_turn() -> None:
    model = ScriptedModel(
        [
            [
                function_call("pay", {"amount": 5}, call_id="small"),
                function_call("pay", {"amount": 500}, call_id="big"),
            ],
            "paid",
        ]
    )
    agent = Agent(name="payer", model=model, tools=[pay])
    paused = await Runner.run(agent, "pay both")
    assert [i.call_id for i in paused.interruptions] == ["big"]
    # The call that needed no approval already ran and is recorded.
    assert [i.output for i in paused.new_items if isinstance(i, ToolCallOutputItem)] == ["paid 5"]
    state = paused.to_state()
    state.approve(state.get_interruptions()[0])
    result = await Runner.run(agent, state)
    outputs = {
        i["call_id"]: i["output"]
        for i in model.calls[1].input
        if i.get("type") == "function_call_output"
    }
    assert outputs == {"small": "paid 5", "big": "paid 500"}
    assert result.final_output == "paid"


async def test_approving_an_unknown_item_is_an_error() -> None:
    state = (
        await Runner.run(Agent(name="m", model=email_model(), tools=[send_email]), "go")
    ).to_state()
    other = ToolApprovalItem(
        agent=Agent(name="m"),
        raw_item=function_call("send_email", {}, call_id="zzz"),
        tool_name="send_email",
    )
    with pytest.raises(UserError, match="not waiting for approval"):
        state.approve(other)


async def test_state_round_trips_through_text_and_resumes() -> None:
    sent.clear()
    model = email_model("Email sent.")
    agent = Agent(name="mailer", model=model, tools=[send_email])
    paused = await Runner.run(agent, "email ann", context={"user": "u1"})
    text = paused.to_state().to_string()
    state = await RunState.from_string(agent, text)
    assert state.context.context == {"user": "u1"}
    assert state.current_agent is agent and state.current_turn == 1
    assert state.to_string() == text
    state.approve(state.get_interruptions()[0])
    result = await Runner.run(agent, state)
    assert result.final_output == "Email sent." and sent == ["ann@example.com"]


async def test_loading_for_the_wrong_agent_graph_is_an_error() -> None:
    agent = Agent(name="mailer", model=email_model(), tools=[send_email])
    text = (await Runner.run(agent, "go")).to_state().to_string()
    with pytest.raises(UserError, match="not reachable from agent 'someone_else'"):
        await RunState.from_string(Agent(name="someone_else"), text)


async def test_unknown_schema_version_and_altered_text_are_rejected() -> None:
    agent = Agent(name="mailer", model=email_model(), tools=[send_email])
    state = (await Runner.run(agent, "go")).to_state()
    data = state.to_json()
    data["schema_version"] = 99
    with pytest.raises(UserError, match="schema version 99 is not supported"):
        await RunState.from_json(agent, data)
    text = state.to_string()
    with pytest.raises(UserError, match="not valid JSON"):
        await RunState.from_string(agent, text[: len(text) // 2])
    with pytest.raises(UserError, match="checksum"):
        await RunState.from_string(agent, text.replace("ann@example.com", "eve@example.com"))


async def test_streamed_run_pauses_and_resumes() -> None:
    sent.clear()
    model = email_model("Email sent.")
    agent = Agent(name="mailer", model=model, tools=[send_email])
    paused = Runner.run_streamed(agent, "email ann")
    async for _ in paused.stream_events():
        pass
    assert [i.call_id for i in paused.interruptions] == ["e1"] and paused.final_output is None
    state = paused.to_state()
    state.approve(state.get_interruptions()[0])
    resumed = Runner.run_streamed(agent, state)
    names = [e.name async for e in resumed.stream_events() if e.type == "run_item_stream_event"]
    assert names == ["tool_output", "message_output_created"]
    assert resumed.final_output == "Email sent." and sent == ["ann@example.com"]


async def test_paused_run_is_saved_to_the_session_once() -> None:
    session = MemorySession()
    model = email_model("Email sent.")
    agent = Agent(name="mailer", model=model, tools=[send_email])
    paused = await Runner.run(agent, "email ann", session=session)
    assert [i.get("type", "message") for i in await session.get_items()] == [
        "message",
        "function_call",
    ]
    state = paused.to_state()
    state.approve(state.get_interruptions()[0])
    await Runner.run(agent, state, session=session)
    kinds = [i.get("type", "message") for i in await session.get_items()]
    assert kinds == ["message", "function_call", "function_call_output", "message"]


RESUME_SCRIPT = textwrap.dedent(
    """
    import asyncio, sys
    from agents_core import Agent, Runner, RunState, function_tool
    from agents_core.testing import ScriptedModel

    @function_tool(needs_approval=True)
    def send_email(to: str, body: str) -> str:
        return f"sent to {to}"

    async def main() -> None:
        agent = Agent(name="mailer", model=ScriptedModel(["Email sent."]), tools=[send_email])
        state = await RunState.from_string(agent, open(sys.argv[1]).read())
        state.approve(state.get_interruptions()[0])
        result = await Runner.run(agent, state)
        print(result.final_output, result.usage.requests, [i.type for i in result.new_items])

    asyncio.run(main())
    """
)


async def test_resume_in_a_new_process_matches_an_uninterrupted_run(tmp_path: Path) -> None:
    @function_tool
    def send_email_freely(to: str, body: str) -> str:
        return f"sent to {to}"

    send_email_freely.name = "send_email"
    uninterrupted = await Runner.run(
        Agent(name="mailer", model=email_model("Email sent."), tools=[send_email_freely]),
        "email ann",
    )
    paused = await Runner.run(
        Agent(name="mailer", model=email_model(), tools=[send_email]), "email ann"
    )
    path = tmp_path / "state.json"
    path.write_text(paused.to_state().to_string())
    script = tmp_path / "resume.py"
    script.write_text(RESUME_SCRIPT)
    process = await asyncio.create_subprocess_exec(
        sys.executable, str(script), str(path), stdout=PIPE, stderr=PIPE
    )
    stdout, stderr = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 0, stderr.decode()
    kinds = [i.type for i in uninterrupted.new_items]
    expected = f"{uninterrupted.final_output} {uninterrupted.usage.requests} {kinds}"
    assert stdout.decode().strip() == expected


async def test_decisions_made_on_the_run_context_are_the_run_states() -> None:
    model = email_model("sent")
    agent = Agent(name="mailer", model=model, tools=[send_email])
    paused = await Runner.run(agent, "email ann")
    [pending] = paused.interruptions
    context = paused.context_wrapper
    assert context.is_tool_approved("send_email", pending.call_id) is None
    state = paused.to_state()
    state.context.approve_tool(pending)  # the official way through the context works too
    assert state.context.is_tool_approved("send_email", pending.call_id) is True
    assert context.is_tool_approved("send_email", pending.call_id) is None  # the state is a copy
    result = await Runner.run(agent, state)
    assert result.final_output == "sent"


async def test_a_rejection_on_the_context_carries_its_message() -> None:
    model = email_model("not sent")
    agent = Agent(name="mailer", model=model, tools=[send_email])
    state = (await Runner.run(agent, "email ann")).to_state()
    [pending] = state.get_interruptions()
    state.context.reject_tool(pending, rejection_message="No emails today.")
    assert state.context.get_rejection_message("send_email", pending.call_id) == "No emails today."
    await Runner.run(agent, state)
    assert model.calls[1].input[-1]["output"] == "No emails today."
