"""MCP over stdio against a real server (the SDK's own server library): tools through the runner,
results, filters, strict schemas, approvals, names, resources and prompts."""

from __future__ import annotations

import json
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from agents_core import (
    Agent,
    RunConfig,
    RunContextWrapper,
    Runner,
    ToolCallOutputItem,
    UserError,
    function_tool,
)
from agents_core.mcp import (
    MCPServerStdio,
    ToolFilterContext,
    create_static_tool_filter,
    prompt_instructions,
)
from agents_core.testing import ScriptedModel, function_call


def demo(script: Path, **options: Any) -> MCPServerStdio:
    # A generous default: starting a server process can be slow on a busy machine.
    options.setdefault("client_session_timeout_seconds", 15)
    return MCPServerStdio(
        params={"command": sys.executable, "args": [str(script)]}, name="demo", **options
    )


@pytest.fixture
async def server(demo_server_script: Path) -> AsyncIterator[MCPServerStdio]:
    async with demo(demo_server_script) as connected:
        yield connected


async def test_mcp_tools_are_the_agents_tools_and_run_through_the_runner(
    server: MCPServerStdio,
) -> None:
    @function_tool
    def local() -> str:
        return "local"

    model = ScriptedModel(
        [function_call("add", {"a": 2, "b": 40}, call_id="c1"), "The answer is 42."]
    )
    agent = Agent(name="calc", model=model, mcp_servers=[server], tools=[local])
    result = await Runner.run(agent, "What is 2 + 40?")
    assert model.calls[0].tool_names == [
        "add",
        "greet",
        "crash",
        "hang",
        "failing",
        "picture",
        "weather",
        "local",
    ]
    assert model.calls[1].input[-1] == {
        "type": "function_call_output",
        "call_id": "c1",
        "output": "42",
    }
    assert result.final_output == "The answer is 42."


async def test_optional_arguments_become_nullable_in_strict_schemas(server: MCPServerStdio) -> None:
    model = ScriptedModel(
        [function_call("greet", {"name": "Ada", "punctuation": None}, call_id="c1"), "ok"]
    )
    await Runner.run(Agent(name="a", model=model, mcp_servers=[server]), "greet Ada")
    greet = next(t for t in model.calls[0].tools if t.name == "greet")
    schema = greet.params_json_schema  # type: ignore[union-attr]
    assert greet.strict_json_schema is True  # type: ignore[union-attr]
    assert sorted(schema["required"]) == ["name", "punctuation"]
    assert {"type": "null"} in schema["properties"]["punctuation"]["anyOf"]
    # A null optional argument is left out of the call, so the server's default applies.
    assert model.calls[1].input[-1]["output"] == "Hello, Ada!"


async def test_strict_conversion_can_be_turned_off(server: MCPServerStdio) -> None:
    model = ScriptedModel(["ok"])
    agent = Agent(
        name="a", model=model, mcp_servers=[server], mcp_config={"convert_schemas_to_strict": False}
    )
    await Runner.run(agent, "go")
    greet = next(t for t in model.calls[0].tools if t.name == "greet")
    assert greet.strict_json_schema is False  # type: ignore[union-attr]
    assert greet.params_json_schema["required"] == ["name"]  # type: ignore[union-attr]


async def test_image_results_reach_the_model_as_content_parts(server: MCPServerStdio) -> None:
    model = ScriptedModel([function_call("picture", {}, call_id="p"), "a pixel"])
    await Runner.run(Agent(name="a", model=model, mcp_servers=[server]), "draw")
    [part] = model.calls[1].input[-1]["output"]
    assert part["type"] == "input_image" and part["image_url"].startswith(
        "data:image/png;base64,iVBOR"
    )


async def test_error_results_are_reported_to_the_model(server: MCPServerStdio) -> None:
    model = ScriptedModel([function_call("failing", {}, call_id="f"), "sorry"])
    await Runner.run(Agent(name="a", model=model, mcp_servers=[server]), "go")
    assert model.calls[1].input[-1]["output"].startswith("The tool reported an error: ")


async def test_structured_content_on_request(demo_server_script: Path) -> None:
    async with demo(demo_server_script, use_structured_content=True) as structured:
        model = ScriptedModel([function_call("weather", {"city": "Oslo"}, call_id="w"), "ok"])
        await Runner.run(Agent(name="a", model=model, mcp_servers=[structured]), "weather")
    assert json.loads(model.calls[1].input[-1]["output"]) == {"city": "Oslo", "temperature_c": 21}


async def test_static_filters(demo_server_script: Path) -> None:
    allow = create_static_tool_filter(allowed_tool_names=["add", "greet"])
    async with demo(demo_server_script, tool_filter=allow) as allowed:
        assert [t.name for t in await allowed.list_tools()] == ["add", "greet"]
    block = create_static_tool_filter(blocked_tool_names=["crash", "hang"])
    async with demo(demo_server_script, tool_filter=block) as blocked:
        assert "crash" not in [t.name for t in await blocked.list_tools()]
    assert create_static_tool_filter() is None


async def test_dynamic_filter_sees_the_context_and_agent(demo_server_script: Path) -> None:
    seen: list[tuple[str, str]] = []

    async def only_math_for_calculators(context: ToolFilterContext, tool: Any) -> bool:
        seen.append((context.agent.name, context.server_name))
        return bool(context.run_context.context["role"] != "calculator" or tool.name == "add")

    async with demo(demo_server_script, tool_filter=only_math_for_calculators) as filtered:
        model = ScriptedModel(["ok"])
        await Runner.run(
            Agent(name="calc", model=model, mcp_servers=[filtered]),
            "go",
            context={"role": "calculator"},
        )
        assert model.calls[0].tool_names == ["add"]
        assert seen[0] == ("calc", "demo")
        with pytest.raises(UserError, match="dynamic tool_filter"):
            await filtered.list_tools()


async def test_tool_list_cache_and_invalidation(demo_server_script: Path) -> None:
    async with demo(demo_server_script, cache_tools_list=True) as cached:
        first = await cached.list_tools()
        assert await cached.list_tools() is not first  # filtered copies of one cached list
        assert cached._tools is not None
        kept = cached._tools
        await cached.list_tools()
        assert cached._tools is kept
        cached.invalidate_tools_cache()
        await cached.list_tools()
        assert cached._tools is not kept


async def test_name_collisions_are_clear_errors_or_prefixed(demo_server_script: Path) -> None:
    async with (
        demo(demo_server_script) as one,
        MCPServerStdio(
            params={"command": sys.executable, "args": [str(demo_server_script)]},
            name="other",
            client_session_timeout_seconds=15,
        ) as two,
    ):
        with pytest.raises(UserError, match="'demo' and 'other' both offer a tool named 'add'"):
            await Runner.run(
                Agent(name="a", model=ScriptedModel(["x"]), mcp_servers=[one, two]), "go"
            )
        model = ScriptedModel([function_call("other_add", {"a": 1, "b": 2}, call_id="c"), "3"])
        agent = Agent(
            name="a",
            model=model,
            mcp_servers=[one, two],
            mcp_config={"include_server_in_tool_names": True},
        )
        await Runner.run(agent, "go")
        assert "demo_add" in model.calls[0].tool_names and "other_add" in model.calls[0].tool_names
        assert model.calls[1].input[-1]["output"] == "3"

        @function_tool
        def add(a: int, b: int) -> int:
            return a + b

        strict = RunConfig(tool_name_collision_policy="error")
        with pytest.raises(UserError, match="2 tools or handoffs named 'add'"):
            await Runner.run(
                Agent(name="a", model=ScriptedModel(["x"]), mcp_servers=[one], tools=[add]),
                "go",
                run_config=strict,
            )
        # By default the collision is logged and the agent's own tool (listed last) is offered.
        model = ScriptedModel(["x"])
        await Runner.run(Agent(name="a", model=model, mcp_servers=[one], tools=[add]), "go")
        offered = [t for t in model.calls[0].tools if t.name == "add"]
        assert offered == [add]


@pytest.mark.parametrize(
    "policy",
    [
        "always",
        {"add": "always"},
        {"always": {"tool_names": ["add"]}},
        lambda ctx, agent, tool: tool.name == "add",
    ],
)
async def test_approval_pauses_and_resumes_mcp_calls(demo_server_script: Path, policy: Any) -> None:
    async with demo(demo_server_script, require_approval=policy) as guarded:
        model = ScriptedModel([function_call("add", {"a": 1, "b": 1}, call_id="c"), "two"])
        agent = Agent(name="a", model=model, mcp_servers=[guarded])
        paused = await Runner.run(agent, "1+1")
        assert [i.tool_name for i in paused.interruptions] == ["add"]
        state = paused.to_state()
        state.approve(state.get_interruptions()[0])
        result = await Runner.run(agent, state)
        assert model.calls[1].input[-1]["output"] == "2"
        assert result.final_output == "two"


async def test_never_policy_runs_without_pausing(demo_server_script: Path) -> None:
    async with demo(demo_server_script, require_approval="never") as open_server:
        model = ScriptedModel([function_call("add", {"a": 1, "b": 1}, call_id="c"), "two"])
        result = await Runner.run(Agent(name="a", model=model, mcp_servers=[open_server]), "1+1")
        assert result.interruptions == [] and result.final_output == "two"


async def test_resources_and_prompts(server: MCPServerStdio) -> None:
    resources = await server.list_resources()
    assert [(r.name, str(r.uri)) for r in resources.resources] == [("today", "notes://today")]
    templates = await server.list_resource_templates()
    assert [t.uri_template for t in templates.resource_templates] == ["notes://day/{day}"]
    today = await server.read_resource("notes://today")
    assert today.contents[0].text == "buy milk"  # type: ignore[union-attr]
    tuesday = await server.read_resource("notes://day/tuesday")
    assert tuesday.contents[0].text == "notes for tuesday"  # type: ignore[union-attr]
    prompts = await server.list_prompts()
    assert [p.name for p in prompts.prompts] == ["reviewer"]
    prompt = await server.get_prompt("reviewer", {"language": "Go"})
    assert prompt.messages[0].content.text == "You review Go code and answer in one sentence."  # type: ignore[union-attr]


async def test_instructions_from_an_mcp_prompt(server: MCPServerStdio) -> None:
    model = ScriptedModel(["Looks fine."])
    agent = Agent(
        name="reviewer",
        model=model,
        instructions=prompt_instructions(server, "reviewer", {"language": "Rust"}),
    )
    await Runner.run(agent, "fn main() {}")
    assert model.calls[0].system_instructions == "You review Rust code and answer in one sentence."


async def test_not_connected_is_a_clear_error(demo_server_script: Path) -> None:
    with pytest.raises(UserError, match="is not connected"):
        await Runner.run(
            Agent(name="a", model=ScriptedModel(["x"]), mcp_servers=[demo(demo_server_script)]),
            "go",
        )


async def test_outputs_record_the_tool_result(server: MCPServerStdio) -> None:
    model = ScriptedModel(
        [function_call("greet", {"name": "Bo", "punctuation": "?"}, call_id="g"), "done"]
    )
    result = await Runner.run(Agent(name="a", model=model, mcp_servers=[server]), "go")
    outputs = [i.output for i in result.new_items if isinstance(i, ToolCallOutputItem)]
    assert outputs == ["Hello, Bo?"]


async def test_context_reaches_dynamic_approval(demo_server_script: Path) -> None:
    async def by_role(ctx: RunContextWrapper[Any], agent: Agent[Any], tool: Any) -> bool:
        return bool(ctx.context["role"] == "intern")

    async with demo(demo_server_script, require_approval=by_role) as guarded:
        model = ScriptedModel([function_call("add", {"a": 1, "b": 2}, call_id="c"), "3"])
        result = await Runner.run(
            Agent(name="a", model=model, mcp_servers=[guarded]), "go", context={"role": "admin"}
        )
        assert result.final_output == "3"
        model = ScriptedModel([function_call("add", {"a": 1, "b": 2}, call_id="c"), "3"])
        paused = await Runner.run(
            Agent(name="a", model=model, mcp_servers=[guarded]), "go", context={"role": "intern"}
        )
        assert paused.interruptions


async def test_mcp_tools_carry_the_servers_annotations(server: MCPServerStdio) -> None:
    from agents_core import FunctionTool, RunContextWrapper

    tools = await Agent(name="a", mcp_servers=[server]).get_all_tools(RunContextWrapper(None))
    by_name = {tool.name: tool for tool in tools if isinstance(tool, FunctionTool)}
    annotations = by_name["add"].mcp_annotations
    assert annotations is not None and annotations.read_only_hint and annotations.idempotent_hint
    assert by_name["greet"].mcp_annotations is None
    assert by_name["add"].qualified_name == "add"
