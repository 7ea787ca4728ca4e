"""Hosted tools are sent as their definitions and their output items become run items; remote
MCP approval requests, computer use and the local shell are answered here."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from agents_core import (
    Agent,
    MCPApprovalRequestItem,
    MCPListToolsItem,
    MessageOutputItem,
    Runner,
    Tool,
    ToolCallItem,
    ToolCallOutputItem,
    UserError,
)
from agents_openai import (
    AsyncComputer,
    CodeInterpreterTool,
    Computer,
    ComputerTool,
    ComputerToolSafetyCheckData,
    FileSearchTool,
    HostedMCPTool,
    ImageGenerationTool,
    LocalShellCommandRequest,
    LocalShellTool,
    MCPToolApprovalFunctionResult,
    MCPToolApprovalRequest,
    OpenAIProvider,
    WebSearchTool,
)
from agents_openai.testing import FakeOpenAIServer, ModelReply

HOSTED_OUTPUT: list[dict[str, Any]] = [
    {
        "type": "web_search_call",
        "id": "ws_1",
        "status": "completed",
        "action": {"type": "search", "query": "q"},
    },
    {
        "type": "file_search_call",
        "id": "fs_1",
        "status": "completed",
        "queries": ["q"],
        "results": None,
    },
    {
        "type": "code_interpreter_call",
        "id": "ci_1",
        "status": "completed",
        "code": "print(1)",
        "container_id": "cntr_1",
        "outputs": [{"type": "logs", "logs": "1"}],
    },
    {"type": "image_generation_call", "id": "ig_1", "status": "completed", "result": "aGk="},
    {
        "type": "mcp_list_tools",
        "id": "ml_1",
        "server_label": "docs",
        "tools": [{"name": "search", "input_schema": {"type": "object"}}],
    },
    {
        "type": "mcp_call",
        "id": "mc_1",
        "server_label": "docs",
        "name": "search",
        "arguments": "{}",
        "output": "found",
        "status": "completed",
    },
]


async def test_hosted_tools_are_sent_and_their_items_recorded(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    tools: list[Tool] = [
        WebSearchTool(
            user_location={"type": "approximate", "city": "Oslo"}, search_context_size="low"
        ),
        FileSearchTool(vector_store_ids=["vs_1"], max_num_results=3, include_search_results=True),
        CodeInterpreterTool(
            tool_config={"type": "code_interpreter", "container": {"type": "auto"}}
        ),
        ImageGenerationTool(tool_config={"type": "image_generation", "quality": "low"}),
        HostedMCPTool(
            tool_config={
                "type": "mcp",
                "server_label": "docs",
                "server_url": "https://mcp.example.com",
                "require_approval": "never",
            }
        ),
    ]
    server.add(ModelReply([*HOSTED_OUTPUT, "All done."]))
    agent = Agent(name="h", model=provider.get_model("gpt-4.1"), tools=tools)

    result = Runner.run_streamed(agent, "Use everything")
    raw_types = [
        event.data.type
        async for event in result.stream_events()
        if event.type == "raw_response_event"
    ]

    body = server.model_requests()[0].json
    assert body["tools"] == [
        {
            "type": "web_search",
            "user_location": {"type": "approximate", "city": "Oslo"},
            "search_context_size": "low",
        },
        {"type": "file_search", "vector_store_ids": ["vs_1"], "max_num_results": 3},
        {"type": "code_interpreter", "container": {"type": "auto"}},
        {"type": "image_generation", "quality": "low"},
        {
            "type": "mcp",
            "server_label": "docs",
            "server_url": "https://mcp.example.com",
            "require_approval": "never",
        },
    ]
    assert body["include"] == ["file_search_call.results"]
    assert [tool.name for tool in tools] == [
        "web_search",
        "file_search",
        "code_interpreter",
        "image_generation",
        "hosted_mcp",
    ]
    calls = [item for item in result.new_items if isinstance(item, ToolCallItem)]
    listed = [item for item in result.new_items if isinstance(item, MCPListToolsItem)]
    assert [getattr(item.raw_item, "server_label", None) for item in listed] == ["docs"]
    assert [call.raw_item.type for call in calls] == [
        item["type"] for item in HOSTED_OUTPUT if item["type"] != "mcp_list_tools"
    ]
    assert calls[2].raw_item.code == "print(1)"  # type: ignore[union-attr]
    assert calls[4].raw_item.output == "found"  # type: ignore[union-attr]
    for expected in (
        "response.file_search_call.searching",
        "response.code_interpreter_call_code.delta",
        "response.code_interpreter_call.interpreting",
        "response.image_generation_call.generating",
        "response.mcp_list_tools.completed",
        "response.mcp_call_arguments.done",
        "response.mcp_call.completed",
    ):
        assert expected in raw_types
    assert result.final_output == "All done."
    # Sent back on the next turn exactly as they came.
    hosted = [item for item in result.new_items if not isinstance(item, MessageOutputItem)]
    assert [item.to_input_item() for item in hosted] == HOSTED_OUTPUT


def _approval_request(request_id: str = "mcpr_1") -> dict[str, Any]:
    return {
        "type": "mcp_approval_request",
        "id": request_id,
        "server_label": "docs",
        "name": "delete_page",
        "arguments": '{"page": 7}',
    }


def _mcp_tool(on_approval: Any) -> HostedMCPTool:
    return HostedMCPTool(
        tool_config={
            "type": "mcp",
            "server_label": "docs",
            "server_url": "https://mcp.example.com",
        },
        on_approval_request=on_approval,
    )


@pytest.mark.parametrize("approve", [True, False])
async def test_mcp_approval_requests_are_answered_by_the_callback(
    server: FakeOpenAIServer, provider: OpenAIProvider, approve: bool
) -> None:
    seen: list[MCPToolApprovalRequest] = []

    async def decide(request: MCPToolApprovalRequest) -> MCPToolApprovalFunctionResult:
        seen.append(request)
        await asyncio.sleep(0)
        if approve:
            return {"approve": True}
        return {"approve": False, "reason": "Not on a Friday."}

    server.add(ModelReply([_approval_request()]), "Handled.")
    agent = Agent(name="m", model=provider.get_model("gpt-4.1"), tools=[_mcp_tool(decide)])

    result = await Runner.run(agent, "Delete page 7", context={"user": "ada"})

    assert result.final_output == "Handled."
    assert seen[0].data.name == "delete_page" and seen[0].data.server_label == "docs"
    assert seen[0].ctx_wrapper.context == {"user": "ada"}
    answer = server.model_requests()[1].json["input"][-1]
    expected: dict[str, Any] = {
        "type": "mcp_approval_response",
        "approval_request_id": "mcpr_1",
        "approve": approve,
    }
    if not approve:
        expected["reason"] = "Not on a Friday."
    assert answer == expected
    kinds = [item.type for item in result.new_items]
    assert kinds == [
        "mcp_approval_request_item",
        "mcp_approval_response_item",
        "message_output_item",
    ]


async def test_an_unanswered_mcp_approval_request_pauses_the_run_over_http(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    server.add(ModelReply([_approval_request()]), "Deleted.")
    agent = Agent(name="m", model=provider.get_model("gpt-4.1"), tools=[_mcp_tool(None)])

    paused = await Runner.run(agent, "Delete page 7")

    [pending] = paused.interruptions
    assert pending.raw_item.type == "mcp_approval_request"
    recorded = paused.new_items[0]
    assert isinstance(recorded, MCPApprovalRequestItem)
    state = paused.to_state()
    state.approve(pending)
    result = await Runner.run(agent, state)
    answer = server.model_requests()[-1].json["input"][-1]
    assert answer["type"] == "mcp_approval_response" and answer["approve"] is True
    assert result.final_output == "Deleted."


class FakeScreen(Computer):
    """A sync computer that records what it was asked to do."""

    def __init__(self) -> None:
        self.actions: list[tuple[Any, ...]] = []

    @property
    def environment(self) -> Any:
        return "browser"

    @property
    def dimensions(self) -> tuple[int, int]:
        return (1024, 768)

    def screenshot(self) -> str:
        self.actions.append(("screenshot",))
        return "c2NyZWVu"

    def click(self, x: int, y: int, button: Any) -> None:
        self.actions.append(("click", x, y, button))

    def double_click(self, x: int, y: int) -> None:
        self.actions.append(("double_click", x, y))

    def scroll(self, x: int, y: int, scroll_x: int, scroll_y: int) -> None:
        self.actions.append(("scroll", x, y, scroll_x, scroll_y))

    def type(self, text: str) -> None:
        self.actions.append(("type", text))

    def wait(self) -> None:
        self.actions.append(("wait",))

    def move(self, x: int, y: int) -> None:
        self.actions.append(("move", x, y))

    def keypress(self, keys: list[str]) -> None:
        self.actions.append(("keypress", keys))

    def drag(self, path: list[tuple[int, int]]) -> None:
        self.actions.append(("drag", path))


class AsyncScreen(AsyncComputer):
    """An async computer with no preview metadata (so the GA ``computer`` tool is used)."""

    def __init__(self) -> None:
        self.actions: list[str] = []

    async def screenshot(self) -> str:
        return "YXN5bmM="

    async def click(self, x: int, y: int, button: Any) -> None:
        self.actions.append(f"click {x},{y}")

    async def double_click(self, x: int, y: int) -> None:
        self.actions.append("double_click")

    async def scroll(self, x: int, y: int, scroll_x: int, scroll_y: int) -> None:
        self.actions.append("scroll")

    async def type(self, text: str) -> None:
        self.actions.append(f"type {text}")

    async def wait(self) -> None:
        self.actions.append("wait")

    async def move(self, x: int, y: int) -> None:
        self.actions.append("move")

    async def keypress(self, keys: list[str]) -> None:
        self.actions.append("keypress")

    async def drag(self, path: list[tuple[int, int]]) -> None:
        self.actions.append("drag")


def _computer_call(
    call_id: str, action: dict[str, Any], checks: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    return {
        "type": "computer_call",
        "id": f"cu_{call_id}",
        "call_id": call_id,
        "action": action,
        "pending_safety_checks": checks or [],
        "status": "completed",
    }


async def test_computer_calls_run_on_a_sync_computer_and_answer_with_a_screenshot(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    screen = FakeScreen()
    acknowledged: list[ComputerToolSafetyCheckData] = []

    def on_check(data: ComputerToolSafetyCheckData) -> bool:
        acknowledged.append(data)
        return True

    check = {"id": "sc_1", "code": "malicious_instructions", "message": "Careful."}
    server.add(
        ModelReply(
            [_computer_call("c1", {"type": "click", "x": 10, "y": 20, "button": "left"}, [check])]
        ),
        ModelReply(
            [_computer_call("c2", {"type": "drag", "path": [{"x": 1, "y": 2}, {"x": 3, "y": 4}]})]
        ),
        "Clicked and dragged.",
    )
    tool = ComputerTool(computer=screen, on_safety_check=on_check)
    agent = Agent(name="c", model=provider.get_model("computer-use-preview"), tools=[tool])

    result = await Runner.run(agent, "Click it", context="ctx")

    assert result.final_output == "Clicked and dragged."
    assert server.model_requests()[0].json["tools"] == [
        {
            "type": "computer_use_preview",
            "environment": "browser",
            "display_width": 1024,
            "display_height": 768,
        }
    ]
    assert screen.actions == [
        ("click", 10, 20, "left"),
        ("screenshot",),
        ("drag", [(1, 2), (3, 4)]),
        ("screenshot",),
    ]
    answer = server.model_requests()[1].json["input"][-1]
    assert answer == {
        "type": "computer_call_output",
        "call_id": "c1",
        "output": {"type": "computer_screenshot", "image_url": "data:image/png;base64,c2NyZWVu"},
        "acknowledged_safety_checks": [check],
    }
    assert acknowledged[0].safety_check == check and acknowledged[0].agent is agent
    outputs = [item for item in result.new_items if isinstance(item, ToolCallOutputItem)]
    assert outputs[0].output == answer["output"]


async def test_an_async_computer_runs_batched_actions(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    screen = AsyncScreen()
    call = _computer_call("c1", {"type": "type", "text": "hello"})
    call["actions"] = [
        {"type": "click", "x": 1, "y": 2, "button": "left"},
        {"type": "type", "text": "hello"},
        {"type": "keypress", "keys": ["ENTER"]},
    ]
    server.add(ModelReply([call]), "Typed.")
    agent = Agent(
        name="c", model=provider.get_model("gpt-5"), tools=[ComputerTool(computer=screen)]
    )

    await Runner.run(agent, "Type hello")

    assert server.model_requests()[0].json["tools"] == [{"type": "computer"}]
    assert screen.actions == ["click 1,2", "type hello", "keypress"]
    answer = server.model_requests()[1].json["input"][-1]
    assert answer["output"]["image_url"] == "data:image/png;base64,YXN5bmM="
    assert "acknowledged_safety_checks" not in answer


async def test_a_refused_safety_check_stops_the_run(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    check = {"id": "sc_1", "code": "sensitive_domain", "message": "Bank site."}
    server.add(ModelReply([_computer_call("c1", {"type": "wait"}, [check])]))
    tool = ComputerTool(computer=FakeScreen(), on_safety_check=lambda data: False)
    agent = Agent(name="c", model=provider.get_model("computer-use-preview"), tools=[tool])

    with pytest.raises(UserError, match="sensitive_domain"):
        await Runner.run(agent, "Go")


async def test_local_shell_calls_run_through_the_executor(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    requests: list[LocalShellCommandRequest] = []

    def execute(request: LocalShellCommandRequest) -> str:
        requests.append(request)
        return "file.txt\n"

    shell_call = {
        "type": "local_shell_call",
        "id": "lsh_1",
        "call_id": "call_sh",
        "status": "completed",
        "action": {"type": "exec", "command": ["ls"], "env": {}},
    }
    server.add(ModelReply([shell_call]), "There is one file.")
    agent = Agent(
        name="sh",
        model=provider.get_model("codex-mini-latest"),
        tools=[LocalShellTool(executor=execute)],
    )

    result = await Runner.run(agent, "List files")

    assert result.final_output == "There is one file."
    assert server.model_requests()[0].json["tools"] == [{"type": "local_shell"}]
    assert requests[0].data.action["command"] == ["ls"]
    assert server.model_requests()[1].json["input"][-1] == {
        "type": "local_shell_call_output",
        "call_id": "call_sh",
        "output": "file.txt\n",
    }


async def test_an_async_shell_executor_is_awaited(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    async def execute(request: LocalShellCommandRequest) -> str:
        await asyncio.sleep(0)
        return "ok"

    shell_call = {
        "type": "local_shell_call",
        "id": "lsh_1",
        "call_id": "call_sh",
        "status": "completed",
        "action": {"type": "exec", "command": ["true"], "env": {}},
    }
    server.add(ModelReply([shell_call]), "Done.")
    agent = Agent(
        name="sh",
        model=provider.get_model("codex-mini-latest"),
        tools=[LocalShellTool(executor=execute)],
    )
    result = await Runner.run(agent, "Run")
    assert result.new_items[1].output == "ok"  # type: ignore[union-attr]


async def test_two_hosted_mcp_servers_each_answer_their_own_approvals() -> None:
    from agents_core import Agent as CoreAgent
    from agents_core import ResponseOtherItem
    from agents_core import Runner as CoreRunner
    from agents_core.testing import ScriptedModel
    from agents_openai import HostedMCPTool

    decided: list[str] = []

    def approve_as(label: str) -> Any:
        def decide(request: Any) -> Any:
            decided.append(f"{label}:{request.data.server_label}")
            return {"approve": True}

        return decide

    tools: list[Any] = []
    for label in ("alpha", "beta"):
        config = {"type": "mcp", "server_label": label, "server_url": f"https://{label}.test/mcp"}
        tools.append(HostedMCPTool(tool_config=config, on_approval_request=approve_as(label)))
    request = ResponseOtherItem.model_validate(
        {
            "type": "mcp_approval_request",
            "id": "apr_1",
            "server_label": "beta",
            "name": "search",
            "arguments": "{}",
        }
    )
    model = ScriptedModel([[request], "done"])
    await CoreRunner.run(CoreAgent(name="a", model=model, tools=tools), "go")
    assert decided == ["beta:beta"]
    assert model.calls[1].input[-1]["type"] == "mcp_approval_response"


async def test_hosted_mcp_approval_without_a_callback_pauses_for_a_person() -> None:
    from agents_core import Agent as CoreAgent
    from agents_core import ResponseOtherItem, RunState
    from agents_core import Runner as CoreRunner
    from agents_core.testing import ScriptedModel
    from agents_openai import HostedMCPTool

    def request() -> ResponseOtherItem:
        return ResponseOtherItem.model_validate(
            {
                "type": "mcp_approval_request",
                "id": "apr_7",
                "server_label": "files",
                "name": "delete_file",
                "arguments": '{"path": "/tmp/x"}',
            }
        )

    config = {"type": "mcp", "server_label": "files", "server_url": "https://files.test/mcp"}
    for approve, expected in (
        (True, {"approve": True}),
        (False, {"approve": False, "reason": "No."}),
    ):
        model = ScriptedModel([[request()], "answered"])
        agent = CoreAgent(name="a", model=model, tools=[HostedMCPTool(tool_config=config)])
        paused = await CoreRunner.run(agent, "delete it")
        [pending] = paused.interruptions
        assert (pending.tool_name, pending.call_id) == ("hosted_mcp", "apr_7")
        assert pending.arguments == '{"path": "/tmp/x"}'
        assert len(model.calls) == 1
        state = await RunState.from_string(agent, paused.to_state().to_string())
        if approve:
            state.approve(state.get_interruptions()[0])
        else:
            state.reject(state.get_interruptions()[0], rejection_message="No.")
        result = await CoreRunner.run(agent, state)
        sent = model.calls[1].input[-1]
        assert sent == {"type": "mcp_approval_response", "approval_request_id": "apr_7", **expected}
        assert result.final_output == "answered"
