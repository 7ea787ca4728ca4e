"""Handoffs in a realtime session: new instructions and tools first, then the call's output."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from pydantic import BaseModel

from agents_core import Agent, RunContextWrapper, function_tool, handoff
from agents_core.exceptions import UserError
from agents_realtime import (
    RealtimeAgent,
    RealtimeAgentHooks,
    RealtimeRunHooks,
    RealtimeRunner,
    realtime_handoff,
)
from agents_realtime.testing import FakeRealtimeServer, FunctionCallReply

if TYPE_CHECKING:
    from agents_realtime import RealtimeRunConfig
    from tests.realtime.conftest import Realtime

pytestmark = pytest.mark.timeout(30)


@function_tool
def refund(order: str) -> str:
    """Refund an order."""
    return f"refunded {order}"


def _agents() -> tuple[RealtimeAgent[Any], RealtimeAgent[Any]]:
    billing = RealtimeAgent(
        name="Billing",
        instructions="You handle bills.",
        tools=[refund],
        handoff_description="Bills.",
    )
    triage = RealtimeAgent(name="Triage", instructions="Route the caller.", handoffs=[billing])
    return triage, billing


async def test_a_handoff_swaps_instructions_and_tools_before_the_output(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    triage, billing = _agents()
    server.add(FunctionCallReply("transfer_to_billing", call_id="h1"), "Billing here.")
    async with await RealtimeRunner(triage).run(model_config=server.model_config()) as session:
        await session.send_message("I was charged twice")
        events = await rt.until(session, rt.nth("agent_end", 2))
        assert session.current_agent is billing

    handoffs = [e for e in events if e.type == "handoff"]
    assert len(handoffs) == 1
    assert handoffs[0].from_agent is triage and handoffs[0].to_agent is billing
    starts = [e.agent for e in events if e.type == "agent_start"]
    assert starts == [triage, billing]

    connection = server.connections[0]
    relevant = [
        f
        for f in connection.received
        if f["type"] == "session.update"
        or (f["type"] == "conversation.item.create" and f["item"]["type"] == "function_call_output")
        or f["type"] == "response.create"
    ]
    assert [f["type"] for f in relevant] == [
        "session.update",
        "response.create",
        "session.update",
        "conversation.item.create",
        "response.create",
    ]
    update = relevant[2]["session"]
    assert update["instructions"] == "You handle bills."
    assert [tool["name"] for tool in update["tools"]] == ["refund"]
    assert relevant[3]["item"] == {
        "type": "function_call_output",
        "call_id": "h1",
        "output": '{"assistant": "Billing"}',
    }


async def test_the_audio_formats_and_voice_survive_a_handoff(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    triage, _ = _agents()
    server.add(FunctionCallReply("transfer_to_billing", call_id="h1"), "Billing here.")
    config: RealtimeRunConfig = {
        "model_settings": {
            "voice": "cedar",
            "audio": {
                "input": {"format": {"type": "audio/pcmu"}},
                "output": {"format": {"type": "audio/pcmu"}},
            },
        }
    }
    async with await RealtimeRunner(triage, config=config).run(
        model_config=server.model_config()
    ) as session:
        await session.send_message("Billing please")
        await rt.until(session, rt.nth("agent_end", 2))

    first, second = (f["session"] for f in server.connections[0].frames("session.update"))
    for update in (first, second):
        assert update["audio"]["input"]["format"] == {"type": "audio/pcmu"}
        assert update["audio"]["output"]["format"] == {"type": "audio/pcmu"}
        assert update["audio"]["output"]["voice"] == "cedar"
    assert "tracing" not in second  # tracing is configured once per connection


class Escalation(BaseModel):
    reason: str


async def test_realtime_handoff_validates_its_input_and_calls_back(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    received: list[Escalation] = []

    def on_escalate(context: RunContextWrapper[Any], data: Escalation) -> None:
        received.append(data)

    manager = RealtimeAgent(name="Manager", instructions="You are the manager.")
    front = RealtimeAgent(
        name="Front",
        handoffs=[
            realtime_handoff(
                manager,
                tool_name_override="escalate",
                on_handoff=on_escalate,
                input_type=Escalation,
            )
        ],
    )
    server.add(FunctionCallReply("escalate", {"reason": "angry"}, call_id="h1"), "Manager here.")
    async with await RealtimeRunner(front).run(model_config=server.model_config()) as session:
        await session.send_message("Get me your manager")
        await rt.until(session, rt.nth("agent_end", 2))
        assert session.current_agent is manager

    assert received == [Escalation(reason="angry")]
    tools = server.connections[0].frames("session.update")[0]["session"]["tools"]
    assert tools[0]["name"] == "escalate"
    assert tools[0]["parameters"]["required"] == ["reason"]


async def test_handoff_hooks_run_for_the_new_agent(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    calls: list[str] = []

    class AgentHooks(RealtimeAgentHooks[Any]):
        async def on_handoff(self, context: Any, agent: Any, source: Any) -> None:
            calls.append(f"agent on_handoff {source.name}->{agent.name}")

        async def on_start(self, context: Any, agent: Any) -> None:
            calls.append(f"agent on_start {agent.name}")

    class RunHooks(RealtimeRunHooks[Any]):
        async def on_handoff(self, context: Any, from_agent: Any, to_agent: Any) -> None:
            calls.append(f"run on_handoff {from_agent.name}->{to_agent.name}")

        async def on_agent_start(self, context: Any, agent: Any) -> None:
            calls.append(f"run on_agent_start {agent.name}")

    billing = RealtimeAgent(name="Billing", hooks=AgentHooks())
    triage = RealtimeAgent(name="Triage", handoffs=[billing])
    server.add(FunctionCallReply("transfer_to_billing", call_id="h1"), "Hi.")
    runner = RealtimeRunner(triage, config={"hooks": RunHooks()})
    async with await runner.run(model_config=server.model_config()) as session:
        await session.send_message("Billing")
        await rt.until(session, rt.nth("agent_end", 2))

    assert calls == [
        "run on_agent_start Triage",
        "run on_handoff Triage->Billing",
        "agent on_handoff Triage->Billing",
        "run on_agent_start Billing",
        "agent on_start Billing",
    ]


async def test_a_handoff_to_a_text_agent_is_refused_and_reported(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    text_agent = Agent(name="Texter")
    front = RealtimeAgent(name="Front", handoffs=[handoff(text_agent)])
    server.add(FunctionCallReply("transfer_to_texter", call_id="h1"), "Staying here.")
    async with await RealtimeRunner(front).run(model_config=server.model_config()) as session:
        await session.send_message("Text me")
        events = await rt.until(session, rt.nth("agent_end", 2))
        assert session.current_agent is front

    error = next(e.error for e in events if e.type == "error")
    assert isinstance(error, UserError) and "RealtimeAgent" in str(error)
    output = [
        f["item"]["output"]
        for f in server.connections[0].frames("conversation.item.create")
        if f["item"]["type"] == "function_call_output"
    ]
    assert output == ["The handoff to Texter is not possible."]


def test_realtime_handoff_refuses_a_text_agent_and_a_bad_callback() -> None:
    text_agent: Any = Agent(name="text")
    with pytest.raises(UserError, match="RealtimeAgent"):
        realtime_handoff(text_agent)
    target = RealtimeAgent(name="t")
    two_arguments: Any = lambda context, data: None  # noqa: E731
    with pytest.raises(UserError, match="on_handoff"):
        realtime_handoff(target, on_handoff=two_arguments)
