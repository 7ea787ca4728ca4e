"""Tool calls that wait for a person: approve, reject, and decisions for the whole session."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from agents_core import function_tool
from agents_realtime import RealtimeAgent, RealtimeRunner
from agents_realtime.testing import FakeRealtimeServer, FunctionCallReply

if TYPE_CHECKING:
    from tests.realtime.conftest import Realtime

pytestmark = pytest.mark.timeout(30)

ran: list[str] = []


@function_tool(needs_approval=True)
def delete_file(path: str) -> str:
    """Delete a file."""
    ran.append(path)
    return f"deleted {path}"


def _outputs(server: FakeRealtimeServer) -> list[tuple[str, str]]:
    return [
        (f["item"]["call_id"], f["item"]["output"])
        for f in server.connections[0].frames("conversation.item.create")
        if f["item"]["type"] == "function_call_output"
    ]


async def test_a_call_waits_for_approval_then_runs(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    ran.clear()
    server.add(FunctionCallReply("delete_file", {"path": "a.txt"}, call_id="c1"), "Deleted.")
    async with await RealtimeRunner(RealtimeAgent(name="a", tools=[delete_file])).run(
        model_config=server.model_config()
    ) as session:
        await session.send_message("Delete a.txt")
        watch = rt.Watch(session)
        request = await watch.until("tool_approval_required")
        assert request.call_id == "c1" and request.tool is delete_file
        assert request.arguments == '{"path": "a.txt"}'
        assert session.pending_tool_calls == ("c1",)
        await watch.until("agent_end")
        assert ran == [] and _outputs(server) == []  # nothing runs without a decision
        await session.approve_tool_call("c1")
        await watch.until("agent_end", 2)

    assert ran == ["a.txt"]
    assert _outputs(server) == [("c1", "deleted a.txt")]
    assert len(server.connections[0].frames("response.create")) == 2


async def test_a_rejected_call_tells_the_model_why(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    ran.clear()
    server.add(FunctionCallReply("delete_file", {"path": "b.txt"}, call_id="c1"), "Okay, I won't.")
    async with await RealtimeRunner(RealtimeAgent(name="a", tools=[delete_file])).run(
        model_config=server.model_config()
    ) as session:
        await session.send_message("Delete b.txt")
        watch = rt.Watch(session)
        await watch.until("tool_approval_required")
        await session.reject_tool_call("c1", rejection_message="The user said no.")
        await watch.until("agent_end", 2)
        await session.reject_tool_call("c1")  # answered already: nothing happens

    assert ran == []
    assert _outputs(server) == [("c1", "The user said no.")]
    assert len(server.connections[0].frames("response.create")) == 2


async def test_the_default_rejection_message(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    server.add(FunctionCallReply("delete_file", {"path": "c"}, call_id="c1"), "Ok.")
    async with await RealtimeRunner(RealtimeAgent(name="a", tools=[delete_file])).run(
        model_config=server.model_config()
    ) as session:
        await session.send_message("Delete c")
        watch = rt.Watch(session)
        await watch.until("tool_approval_required")
        await session.reject_tool_call("c1")
        await watch.until("agent_end", 2)
    assert _outputs(server) == [("c1", "Tool execution was not approved.")]


async def test_always_approving_covers_the_next_calls(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    ran.clear()
    server.add(
        FunctionCallReply("delete_file", {"path": "1"}, call_id="c1"),
        FunctionCallReply("delete_file", {"path": "2"}, call_id="c2"),
        "Both gone.",
    )
    async with await RealtimeRunner(RealtimeAgent(name="a", tools=[delete_file])).run(
        model_config=server.model_config()
    ) as session:
        await session.send_message("Delete 1 and 2")
        watch = rt.Watch(session)
        await watch.until("tool_approval_required")
        await session.approve_tool_call("c1", always=True)
        await watch.until("agent_end", 3)

    assert len(watch.of("tool_approval_required")) == 1
    assert ran == ["1", "2"]


async def test_approval_can_depend_on_the_arguments(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    def risky(context: Any, arguments: dict[str, Any], call_id: str) -> bool:
        return bool(arguments["amount"] > 100)

    @function_tool(needs_approval=risky)
    def pay(amount: int) -> str:
        """Pay."""
        return f"paid {amount}"

    server.add(
        FunctionCallReply("pay", {"amount": 5}, call_id="small"),
        FunctionCallReply("pay", {"amount": 500}, call_id="large"),
        "Done.",
    )
    async with await RealtimeRunner(RealtimeAgent(name="a", tools=[pay])).run(
        model_config=server.model_config()
    ) as session:
        await session.send_message("Pay")
        watch = rt.Watch(session)
        request = await watch.until("tool_approval_required")
        assert request.call_id == "large"
        await server.connections[0].wait_for(lambda: _outputs(server))
        assert _outputs(server) == [("small", "paid 5")]
        await session.approve_tool_call("large")
        await watch.until("agent_end", 3)
    assert _outputs(server) == [("small", "paid 5"), ("large", "paid 500")]
