"""MCP faults against real servers: failing starts, crashes, hangs, garbage, cancellation."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from agents_core import (
    Agent,
    Runner,
    ToolGuardrailFunctionOutput,
    ToolInputGuardrailData,
    UserError,
    function_tool,
    tool_input_guardrail,
)
from agents_core.mcp import (
    MCPConnectionError,
    MCPServerManager,
    MCPServerStdio,
    MCPToolError,
)
from agents_core.testing import ScriptedModel, function_call

Eventually = Callable[[Callable[[], bool]], Awaitable[None]]


def demo(script: Path, **options: Any) -> MCPServerStdio:
    # A generous default: starting a server process can be slow on a busy machine.
    options.setdefault("client_session_timeout_seconds", 15)
    return MCPServerStdio(
        params={"command": sys.executable, "args": [str(script)]}, name="demo", **options
    )


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


async def test_a_server_that_cannot_start_names_itself() -> None:
    server = MCPServerStdio(params={"command": "/nonexistent/mcp-server"}, name="ghost")
    with pytest.raises(MCPConnectionError, match="MCP server 'ghost'") as info:
        await server.connect()
    assert info.value.server_name == "ghost"


async def test_failed_connects_are_retried_with_backoff(tmp_path: Path) -> None:
    attempts = tmp_path / "attempts"
    script = tmp_path / "flaky.py"
    script.write_text(f"open({str(attempts)!r}, 'a').write('x')\nraise SystemExit(1)\n")
    server = MCPServerStdio(
        params={"command": sys.executable, "args": [str(script)]},
        name="flaky",
        max_retry_attempts=2,
        retry_backoff_seconds_base=0.01,
    )
    with pytest.raises(MCPConnectionError, match="'flaky'"):
        await server.connect()
    assert attempts.read_text() == "xxx"  # the first try and two retries


async def test_a_server_dying_mid_run_is_reported_to_the_model(demo_server_script: Path) -> None:
    async with demo(demo_server_script) as server:
        model = ScriptedModel([function_call("crash", {}, call_id="c"), "It crashed."])
        result = await Runner.run(Agent(name="a", model=model, mcp_servers=[server]), "go")
        told = model.calls[1].input[-1]["output"]
        assert "MCP server 'demo'" in told and "tool 'crash'" in told and "stopped" in told
        assert result.final_output == "It crashed."


async def test_a_server_dying_mid_run_can_raise(demo_server_script: Path) -> None:
    async with demo(demo_server_script, failure_error_function=None) as server:
        model = ScriptedModel([function_call("crash", {}, call_id="c")])
        with pytest.raises(MCPToolError) as info:
            await Runner.run(Agent(name="a", model=model, mcp_servers=[server]), "go")
        assert (info.value.server_name, info.value.tool_name) == ("demo", "crash")
        with pytest.raises(MCPToolError, match="stopped"):
            await server.call_tool("add", {"a": 1, "b": 1})


async def test_a_hanging_tool_times_out(demo_server_script: Path) -> None:
    async with demo(demo_server_script) as server:
        # Short only for the call: a cold server start can take longer than half a second.
        server.client_session_timeout_seconds = 0.5
        with pytest.raises(MCPToolError, match="timed out") as info:
            await server.call_tool("hang", {})
        assert info.value.tool_name == "hang"
        # The server itself is fine: other calls still work.
        assert (await server.call_tool("add", {"a": 2, "b": 2})).content[0].text == "4"  # type: ignore[union-attr]


async def test_garbage_on_stdout_does_not_break_the_session(raw_server_script: Path) -> None:
    server = MCPServerStdio(
        params={"command": sys.executable, "args": [str(raw_server_script), "garbage"]},
        name="noisy",
    )
    async with server:
        assert [t.name for t in await server.list_tools()] == ["lookup"]
        result = await server.call_tool("lookup", {"q": "x"})
        assert result.content[0].text == "found it"  # type: ignore[union-attr]


async def test_malformed_results_are_a_typed_error(raw_server_script: Path) -> None:
    server = MCPServerStdio(
        params={"command": sys.executable, "args": [str(raw_server_script), "malformed"]},
        name="broken",
        client_session_timeout_seconds=2,
    )
    async with server:
        with pytest.raises(MCPToolError) as info:
            await server.call_tool("lookup", {"q": "x"})
        assert (info.value.server_name, info.value.tool_name) == ("broken", "lookup")


async def test_cancelling_a_run_leaves_no_process_behind(
    demo_server_script: Path, tmp_path: Path, eventually: Eventually
) -> None:
    pid_file = tmp_path / "pid"
    server = MCPServerStdio(
        params={
            "command": sys.executable,
            "args": [str(demo_server_script)],
            "env": {**os.environ, "DEMO_SERVER_PID_FILE": str(pid_file)},
        },
        name="demo",
        client_session_timeout_seconds=30,
    )
    await server.connect()
    pid = int(pid_file.read_text().split()[0])
    model = ScriptedModel([function_call("hang", {}, call_id="h"), "unreached"])
    run = asyncio.ensure_future(
        Runner.run(Agent(name="a", model=model, mcp_servers=[server]), "go")
    )
    marker = Path(str(pid_file) + ".hang")
    await eventually(marker.exists)  # the tool call has reached the server
    run.cancel()
    with pytest.raises(asyncio.CancelledError):
        await run
    assert _alive(pid)
    await server.cleanup()
    await eventually(lambda: not _alive(pid))
    await server.cleanup()  # idempotent


async def test_cancelling_while_connecting_leaves_no_process(
    tmp_path: Path, eventually: Eventually
) -> None:
    pid_file = tmp_path / "pid"
    slow = tmp_path / "slow.py"
    slow.write_text(
        f"import os, time\nopen({str(pid_file)!r}, 'w').write(str(os.getpid()))\ntime.sleep(30)\n"
    )
    server = MCPServerStdio(params={"command": sys.executable, "args": [str(slow)]}, name="slow")
    connect = asyncio.ensure_future(server.connect())
    await eventually(lambda: pid_file.exists() and bool(pid_file.read_text()))
    connect.cancel()
    with pytest.raises(asyncio.CancelledError):
        await connect
    pid = int(pid_file.read_text())
    await eventually(lambda: not _alive(pid))


async def test_manager_connects_concurrently_and_reports_failures(demo_server_script: Path) -> None:
    good_one, good_two = (
        demo(demo_server_script),
        MCPServerStdio(
            params={"command": sys.executable, "args": [str(demo_server_script)]},
            name="second",
            client_session_timeout_seconds=15,
        ),
    )
    bad = MCPServerStdio(params={"command": "/nonexistent/mcp"}, name="bad")
    async with MCPServerManager([good_one, bad, good_two]) as manager:
        assert manager.active_servers == [good_one, good_two]
        assert manager.failed_servers == [bad]
        assert isinstance(manager.errors[bad], MCPConnectionError)
        model = ScriptedModel([function_call("second_add", {"a": 3, "b": 4}, call_id="c"), "7"])
        agent = Agent(
            name="a",
            model=model,
            mcp_servers=manager.active_servers,
            mcp_config={"include_server_in_tool_names": True},
        )
        await Runner.run(agent, "go")
        assert "second_add" in model.calls[0].tool_names
    with pytest.raises(UserError, match="not connected"):
        await good_one.call_tool("add", {"a": 1, "b": 1})


async def test_strict_manager_raises_and_cleans_up(demo_server_script: Path) -> None:
    good = demo(demo_server_script)
    manager = MCPServerManager(
        [good, MCPServerStdio(params={"command": "/nonexistent"}, name="bad")], strict=True
    )
    with pytest.raises(MCPConnectionError, match="'bad'"):
        await manager.connect_all()
    with pytest.raises(UserError, match="not connected"):
        await good.call_tool("add", {"a": 1, "b": 1})


async def test_failing_function_tool_beside_mcp_tools_is_unaffected(
    demo_server_script: Path,
) -> None:
    @function_tool
    def local() -> str:
        raise RuntimeError("local failure")

    async with demo(demo_server_script) as server:
        model = ScriptedModel(
            [
                [
                    function_call("local", {}, call_id="l"),
                    function_call("add", {"a": 1, "b": 1}, call_id="a"),
                ],
                "ok",
            ]
        )
        await Runner.run(Agent(name="a", model=model, mcp_servers=[server], tools=[local]), "go")
        outputs = {
            i["call_id"]: i["output"]
            for i in model.calls[1].input
            if i.get("type") == "function_call_output"
        }
        assert outputs["a"] == "2" and "local failure" in outputs["l"]


async def test_tools_are_listed_across_pages_up_to_max_list_pages(raw_server_script: Path) -> None:
    def server(mode: str, **options: Any) -> MCPServerStdio:
        return MCPServerStdio(
            params={"command": sys.executable, "args": [str(raw_server_script), mode]},
            client_session_timeout_seconds=30,
            **options,
        )

    async with server("paged") as paged:
        assert [t.name for t in await paged.list_tools()] == ["lookup_0", "lookup_1", "lookup_2"]
    async with server("paged", max_list_pages=2) as limited:
        with pytest.raises(MCPToolError, match="max_list_pages=2"):
            await limited.list_tools()
    async with server("loop") as looping:
        with pytest.raises(MCPToolError, match="repeated a page cursor"):
            await looping.list_tools()


async def test_mcp_tools_get_the_servers_tool_guardrails(demo_server_script: Path) -> None:
    @tool_input_guardrail
    def small_numbers(data: ToolInputGuardrailData) -> ToolGuardrailFunctionOutput:
        if "1000" in data.context.tool_arguments:
            return ToolGuardrailFunctionOutput.reject_content("Numbers that big are not allowed.")
        return ToolGuardrailFunctionOutput.allow()

    mcp = MCPServerStdio(
        params={"command": sys.executable, "args": [str(demo_server_script)]},
        client_session_timeout_seconds=30,
        tool_input_guardrails=[small_numbers],
    )
    model = ScriptedModel(
        [
            [
                function_call("add", {"a": 1000, "b": 1}, call_id="big"),
                function_call("add", {"a": 2, "b": 3}, call_id="small"),
            ],
            "ok",
        ]
    )
    async with mcp:
        await Runner.run(Agent(name="calc", model=model, mcp_servers=[mcp]), "add")
    outputs = {i["call_id"]: i["output"] for i in model.last_call.input if "output" in i}
    assert outputs == {"big": "Numbers that big are not allowed.", "small": "5"}


def test_mcp_options_not_built_yet_are_refused() -> None:
    with pytest.raises(UserError, match="tool_meta_resolver is not supported yet"):
        MCPServerStdio(params={"command": "x"}, tool_meta_resolver=lambda *a: None)
    with pytest.raises(UserError, match="custom_data_extractor is not supported yet"):
        MCPServerStdio(params={"command": "x"}, custom_data_extractor=lambda *a: None)
