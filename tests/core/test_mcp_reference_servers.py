"""The npm reference MCP servers (server-everything, server-filesystem) over stdio."""

from __future__ import annotations

from pathlib import Path

from agents_core import Agent, Runner
from agents_core.mcp import MCPServerStdio, MCPServerStdioParams
from agents_core.testing import ScriptedModel, function_call


async def test_everything_server(npm_servers: Path) -> None:
    params = MCPServerStdioParams(
        command=str(npm_servers / "mcp-server-everything"), args=["stdio"]
    )
    async with MCPServerStdio(
        params=params, name="everything", client_session_timeout_seconds=30
    ) as server:
        names = [tool.name for tool in await server.list_tools()]
        assert {"echo", "get-sum"} <= set(names)
        echo = await server.call_tool("echo", {"message": "ping"})
        assert "ping" in echo.content[0].text  # type: ignore[union-attr]
        model = ScriptedModel(
            [function_call("get-sum", {"a": 19, "b": 23}, call_id="s"), "forty-two"]
        )
        await Runner.run(Agent(name="a", model=model, mcp_servers=[server]), "sum")
        assert "42" in model.calls[1].input[-1]["output"]
        prompts = await server.list_prompts()
        assert prompts.prompts
        resources = await server.list_resources()
        assert resources.resources


async def test_filesystem_server_end_to_end(npm_servers: Path, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("The launch code is 0000, obviously.")
    params = MCPServerStdioParams(
        command=str(npm_servers / "mcp-server-filesystem"), args=[str(tmp_path)]
    )
    async with MCPServerStdio(
        params=params, name="files", client_session_timeout_seconds=30
    ) as server:
        model = ScriptedModel(
            [
                function_call("read_text_file", {"path": str(tmp_path / "notes.txt")}, call_id="r"),
                "The file says the launch code is 0000.",
            ]
        )
        agent = Agent(
            name="reader", instructions="Answer from the files.", model=model, mcp_servers=[server]
        )
        result = await Runner.run(agent, "What does notes.txt say?")
        assert "read_text_file" in model.calls[0].tool_names
        assert "The launch code is 0000, obviously." in model.calls[1].input[-1]["output"]
        assert "0000" in result.final_output
