"""MCP over SSE and streamable HTTP, against real servers bound to 127.0.0.1."""

from __future__ import annotations

import pytest

from agents_core import Agent, Runner
from agents_core.mcp import MCPConnectionError, MCPServerSse, MCPServerStreamableHttp
from agents_core.testing import ScriptedModel, function_call


async def test_streamable_http_server(streamable_http_server: str) -> None:
    server = MCPServerStreamableHttp(
        params={"url": f"{streamable_http_server}/mcp", "headers": {"X-Test": "1"}, "timeout": 10},
        name="http",
        client_session_timeout_seconds=15,
        cache_tools_list=True,
    )
    async with server:
        model = ScriptedModel([function_call("add", {"a": 20, "b": 22}, call_id="c"), "42"])
        result = await Runner.run(Agent(name="a", model=model, mcp_servers=[server]), "go")
        assert model.calls[1].input[-1]["output"] == "42"
        assert result.final_output == "42"
        today = await server.read_resource("notes://today")
        assert today.contents[0].text == "buy milk"  # type: ignore[union-attr]
        assert server.server_initialize_result is not None


async def test_sse_server(sse_server: str) -> None:
    async with MCPServerSse(
        params={"url": f"{sse_server}/sse", "timeout": 10}, name="sse"
    ) as server:
        result = await server.call_tool("greet", {"name": "SSE"})
        assert result.content[0].text == "Hello, SSE!"  # type: ignore[union-attr]
        prompt = await server.get_prompt("reviewer", {"language": "C"})
        assert "C code" in prompt.messages[0].content.text  # type: ignore[union-attr]


async def test_unreachable_http_server_is_a_connection_error() -> None:
    server = MCPServerStreamableHttp(
        params={"url": "http://127.0.0.1:9/mcp", "timeout": 2}, name="nowhere"
    )
    with pytest.raises(MCPConnectionError, match="'nowhere'"):
        await server.connect()


async def test_a_client_factory_session_id_and_cached_tools(
    streamable_http_server: str, sse_server: str
) -> None:
    import httpx2

    made: list[dict[str, object]] = []

    def factory(
        headers: dict[str, str] | None = None,
        timeout: httpx2.Timeout | None = None,
        auth: httpx2.Auth | None = None,
    ) -> httpx2.AsyncClient:
        made.append({"headers": headers, "timeout": timeout})
        return httpx2.AsyncClient(headers=headers, timeout=timeout, auth=auth)

    server = MCPServerStreamableHttp(
        params={
            "url": f"{streamable_http_server}/mcp",
            "headers": {"X-Test": "1"},
            "httpx_client_factory": factory,
        },
        cache_tools_list=True,
    )
    session_ids = [server.session_id]
    assert not server.cached_tools
    async with server:
        session_ids.append(server.session_id)  # the server's Mcp-Session-Id for this connection
        tools = await server.list_tools()
        assert server.cached_tools == tools and "add" in [t.name for t in tools]
        server.invalidate_tools_cache()
        assert not server.cached_tools
    session_ids.append(server.session_id)
    assert session_ids[0] is None and session_ids[1] and session_ids[2] is None
    assert made and made[0]["headers"] == {"X-Test": "1"}

    sse_made: list[object] = []

    def sse_factory(
        headers: dict[str, str] | None = None,
        timeout: httpx2.Timeout | None = None,
        auth: httpx2.Auth | None = None,
    ) -> httpx2.AsyncClient:
        sse_made.append(headers)
        return httpx2.AsyncClient(headers=headers, timeout=timeout, auth=auth)

    async with MCPServerSse(
        params={"url": f"{sse_server}/sse", "httpx_client_factory": sse_factory}
    ) as sse:
        greeting = await sse.call_tool("greet", {"name": "F"})
        assert greeting.content[0].text == "Hello, F!"  # type: ignore[union-attr]
    assert sse_made
