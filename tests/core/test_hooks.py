"""Run and agent lifecycle hooks fire in order, with the right arguments."""

from __future__ import annotations

from typing import Any

from agents_core import (
    Agent,
    AgentHooks,
    ModelResponse,
    RunContextWrapper,
    RunHooks,
    Runner,
    Tool,
    TResponseInputItem,
    function_tool,
)
from agents_core.testing import ScriptedModel, function_call


@function_tool
def add(a: int, b: int) -> int:
    return a + b


class RecordingRunHooks(RunHooks[Any]):
    def __init__(self) -> None:
        self.events: list[str] = []

    async def on_agent_start(self, context: RunContextWrapper[Any], agent: Agent[Any]) -> None:
        self.events.append(f"agent_start:{agent.name}")

    async def on_agent_end(
        self, context: RunContextWrapper[Any], agent: Agent[Any], output: Any
    ) -> None:
        self.events.append(f"agent_end:{agent.name}:{output}")

    async def on_llm_start(
        self,
        context: RunContextWrapper[Any],
        agent: Agent[Any],
        system_prompt: str | None,
        input_items: list[TResponseInputItem],
    ) -> None:
        self.events.append(f"llm_start:{system_prompt}:{len(input_items)}")

    async def on_llm_end(
        self, context: RunContextWrapper[Any], agent: Agent[Any], response: ModelResponse
    ) -> None:
        self.events.append(f"llm_end:{len(response.output)}")

    async def on_tool_start(
        self, context: RunContextWrapper[Any], agent: Agent[Any], tool: Tool
    ) -> None:
        self.events.append(f"tool_start:{tool.name}")

    async def on_tool_end(
        self, context: RunContextWrapper[Any], agent: Agent[Any], tool: Tool, result: Any
    ) -> None:
        self.events.append(f"tool_end:{tool.name}:{result}")


class RecordingAgentHooks(AgentHooks[Any]):
    def __init__(self) -> None:
        self.events: list[str] = []

    async def on_start(self, context: RunContextWrapper[Any], agent: Agent[Any]) -> None:
        self.events.append("start")

    async def on_end(self, context: RunContextWrapper[Any], agent: Agent[Any], output: Any) -> None:
        self.events.append(f"end:{output}")

    async def on_tool_start(
        self, context: RunContextWrapper[Any], agent: Agent[Any], tool: Tool
    ) -> None:
        self.events.append(f"tool_start:{tool.name}")

    async def on_tool_end(
        self, context: RunContextWrapper[Any], agent: Agent[Any], tool: Tool, result: Any
    ) -> None:
        self.events.append(f"tool_end:{result}")

    async def on_llm_start(
        self,
        context: RunContextWrapper[Any],
        agent: Agent[Any],
        system_prompt: str | None,
        input_items: list[TResponseInputItem],
    ) -> None:
        self.events.append("llm_start")

    async def on_llm_end(
        self, context: RunContextWrapper[Any], agent: Agent[Any], response: ModelResponse
    ) -> None:
        self.events.append("llm_end")


async def test_hooks_fire_in_order() -> None:
    run_hooks = RecordingRunHooks()
    agent_hooks = RecordingAgentHooks()
    model = ScriptedModel([function_call("add", {"a": 2, "b": 3}, call_id="1"), "five"])
    agent = Agent(name="calc", instructions="sum", model=model, tools=[add], hooks=agent_hooks)
    await Runner.run(agent, "2+3?", hooks=run_hooks)
    assert run_hooks.events == [
        "agent_start:calc",
        "llm_start:sum:1",
        "llm_end:1",
        "tool_start:add",
        "tool_end:add:5",
        "llm_start:sum:3",
        "llm_end:1",
        "agent_end:calc:five",
    ]
    assert agent_hooks.events == [
        "start",
        "llm_start",
        "llm_end",
        "tool_start:add",
        "tool_end:5",
        "llm_start",
        "llm_end",
        "end:five",
    ]


async def test_hooks_fire_in_streamed_runs_too() -> None:
    run_hooks = RecordingRunHooks()
    model = ScriptedModel([function_call("add", {"a": 1, "b": 1}, call_id="1"), "two"])
    result = Runner.run_streamed(
        Agent(name="calc", model=model, tools=[add]), "1+1?", hooks=run_hooks
    )
    async for _ in result.stream_events():
        pass
    assert run_hooks.events[0] == "agent_start:calc"
    assert run_hooks.events[-1] == "agent_end:calc:two"
    assert "tool_end:add:2" in run_hooks.events


async def test_partial_hook_subclass_only_calls_what_it_overrides() -> None:
    class OnlyEnd(RunHooks[Any]):
        def __init__(self) -> None:
            self.outputs: list[Any] = []

        async def on_agent_end(
            self, context: RunContextWrapper[Any], agent: Agent[Any], output: Any
        ) -> None:
            self.outputs.append(output)

    hooks = OnlyEnd()
    await Runner.run(Agent(name="a", model=ScriptedModel(["hi"])), "go", hooks=hooks)
    assert hooks.outputs == ["hi"]
