"""MCP in realtime sessions: hosted MCP servers (run by OpenAI) and MCP servers of the agent."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from agents_core.mcp import MCPServerStdio
from agents_openai import HostedMCPTool, MCPToolApprovalRequest
from agents_realtime import RealtimeAgent, RealtimeRunner
from agents_realtime.testing import FakeRealtimeServer, FunctionCallReply, MCPApprovalRequestReply

if TYPE_CHECKING:
    from agents_openai import MCPToolApprovalFunctionResult
    from tests.realtime.conftest import Realtime

pytestmark = pytest.mark.timeout(60)

DEMO_SERVER = Path(__file__).resolve().parents[1] / "core" / "mcp_servers" / "demo_server.py"
WIKI = {
    "type": "mcp",
    "server_label": "wiki",
    "server_url": "https://mcp.example.com/mcp",
    "require_approval": "always",
}


def _answers(server: FakeRealtimeServer) -> list[dict[str, Any]]:
    return [
        f["item"]
        for f in server.connections[0].frames("conversation.item.create")
        if f["item"]["type"] == "mcp_approval_response"
    ]


async def test_a_hosted_mcp_call_waits_for_a_person_then_runs(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    server.mcp_outputs["search"] = "Oslo is the capital of Norway."
    server.add(
        MCPApprovalRequestReply("wiki", "search", {"q": "Oslo"}), "Oslo is Norway's capital."
    )
    tool = HostedMCPTool(tool_config=WIKI)
    async with await RealtimeRunner(RealtimeAgent(name="a", tools=[tool])).run(
        model_config=server.model_config()
    ) as session:
        await session.send_message("What is Oslo?")
        watch = rt.Watch(session)
        request = await watch.until("tool_approval_required")
        assert request.tool is tool and json.loads(request.arguments) == {"q": "Oslo"}
        await session.approve_tool_call(request.call_id)
        end = await watch.until("tool_end")
        await watch.until("agent_end", 2)

    (answer,) = _answers(server)
    assert answer["approve"] is True and answer["approval_request_id"] == request.call_id
    assert answer["id"]  # the API wants an id on client-made approval responses
    assert end.tool is tool and end.output == "Oslo is the capital of Norway."
    tools = server.connections[0].frames("session.update")[0]["session"]["tools"]
    assert tools == [WIKI]


async def test_a_hosted_mcp_rejection_carries_the_reason(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    server.add(MCPApprovalRequestReply("wiki", "delete_page", {"page": "Oslo"}), "I will not.")
    tool = HostedMCPTool(tool_config=WIKI)
    async with await RealtimeRunner(RealtimeAgent(name="a", tools=[tool])).run(
        model_config=server.model_config()
    ) as session:
        await session.send_message("Delete the Oslo page")
        watch = rt.Watch(session)
        request = await watch.until("tool_approval_required")
        await session.reject_tool_call(request.call_id, rejection_message="Not allowed.")
        await watch.until("agent_end", 2)
    (answer,) = _answers(server)
    assert answer["approve"] is False and answer["reason"] == "Not allowed."


async def test_a_hosted_mcp_policy_answers_without_a_person(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    asked: list[str] = []

    def policy(request: MCPToolApprovalRequest) -> MCPToolApprovalFunctionResult:
        asked.append(request.data.name)
        return {"approve": request.data.name == "search"}

    server.add(MCPApprovalRequestReply("wiki", "search", {"q": "x"}), "Found.")
    tool = HostedMCPTool(tool_config=WIKI, on_approval_request=policy)
    async with await RealtimeRunner(RealtimeAgent(name="a", tools=[tool])).run(
        model_config=server.model_config()
    ) as session:
        await session.send_message("Search x")
        watch = rt.Watch(session)
        await watch.until("agent_end", 2)
    assert asked == ["search"]
    assert "tool_approval_required" not in rt.types(watch.seen)
    assert _answers(server)[0]["approve"] is True


async def test_tools_of_the_agents_mcp_servers_run_in_the_session(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    server.add(FunctionCallReply("add", {"a": 2, "b": 3}, call_id="m1"), "Five.")
    async with MCPServerStdio(
        params={"command": sys.executable, "args": [str(DEMO_SERVER)]},
        name="demo",
        client_session_timeout_seconds=20,
    ) as mcp:
        agent = RealtimeAgent(name="a", mcp_servers=[mcp])
        async with await RealtimeRunner(agent).run(model_config=server.model_config()) as session:
            await session.send_message("Two plus three?")
            await rt.Watch(session).until("agent_end", 2)

    tools = server.connections[0].frames("session.update")[0]["session"]["tools"]
    assert {"add", "greet"} <= {tool["name"] for tool in tools}
    outputs = [
        f["item"]["output"]
        for f in server.connections[0].frames("conversation.item.create")
        if f["item"]["type"] == "function_call_output"
    ]
    assert outputs == ["5"]
