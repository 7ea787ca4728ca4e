"""RunConfig settings that change how a run behaves (ScriptedModel; the wire tests are in
tests/openai/test_wire_run_config.py)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from agents_core import (
    Agent,
    RunConfig,
    Runner,
    ToolGuardrailFunctionOutput,
    ToolInputGuardrailData,
    UserError,
    function_tool,
    tool_input_guardrail,
)
from agents_core.run_config import ToolErrorFormatterArgs, ToolExecutionConfig
from agents_core.testing import ScriptedModel, function_call, reasoning


@function_tool
def explode() -> str:
    """Always fails."""
    raise RuntimeError("secret detail")


@function_tool(needs_approval=True)
def deploy(env: str) -> str:
    """Deploy."""
    return f"deployed {env}"


async def test_tool_error_formatter_words_each_kind_of_error() -> None:
    seen: list[tuple[str, str, str]] = []

    def formatter(args: ToolErrorFormatterArgs[Any]) -> str | None:
        seen.append((args.kind, args.tool_name, args.call_id))
        assert args.run_context is not None
        if args.kind == "tool_exception":
            assert isinstance(args.error, RuntimeError)
            return "The tool failed; try something else."
        if args.kind == "tool_not_found":
            return None  # the default message
        return f"Not approved ({args.default_message})"

    model = ScriptedModel(
        [
            [
                function_call("explode", {}, call_id="x"),
                function_call("nope", {}, call_id="n"),
                function_call("deploy", {"env": "prod"}, call_id="d"),
            ],
            "done",
        ],
        allow_unoffered_calls=True,
    )
    config = RunConfig(
        tool_error_formatter=formatter, tool_not_found_behavior="return_error_to_model"
    )
    agent = Agent(name="ops", model=model, tools=[explode, deploy])
    paused = await Runner.run(agent, "go", run_config=config)
    state = paused.to_state()
    state.reject(state.get_interruptions()[0])
    await Runner.run(agent, state, run_config=config)

    outputs = {i["call_id"]: i["output"] for i in model.last_call.input if "output" in i}
    assert outputs["x"] == "The tool failed; try something else."
    assert outputs["n"].startswith("Tool 'nope' not found")
    assert outputs["d"] == "Not approved (Tool execution was not approved.)"
    assert ("tool_exception", "explode", "x") in seen and (
        "approval_rejected",
        "deploy",
        "d",
    ) in seen


async def test_a_failing_formatter_falls_back_to_the_default_message() -> None:
    def broken(args: ToolErrorFormatterArgs[Any]) -> str:
        raise ValueError("formatter bug")

    model = ScriptedModel([function_call("explode", {}, call_id="x"), "ok"])
    await Runner.run(
        Agent(name="a", model=model, tools=[explode]),
        "go",
        run_config=RunConfig(tool_error_formatter=broken),
    )
    assert "secret detail" in model.last_call.input[-1]["output"]


async def test_max_function_tool_concurrency_limits_tools_running_at_once() -> None:
    running, peak = 0, 0

    @function_tool
    async def slow(n: int) -> int:
        """Slow."""
        nonlocal running, peak
        running += 1
        peak = max(peak, running)
        await asyncio.sleep(0.01)
        running -= 1
        return n

    calls = [function_call("slow", {"n": n}, call_id=f"c{n}") for n in range(5)]
    model = ScriptedModel([calls, "ok"])
    config = RunConfig(tool_execution=ToolExecutionConfig(max_function_tool_concurrency=2))
    await Runner.run(Agent(name="a", model=model, tools=[slow]), "go", run_config=config)
    assert peak == 2
    assert [i["output"] for i in model.last_call.input if "output" in i] == [
        "0",
        "1",
        "2",
        "3",
        "4",
    ]
    with pytest.raises(UserError, match="at least 1"):
        ToolExecutionConfig(max_function_tool_concurrency=0)


async def test_input_guardrails_can_reject_a_call_before_it_waits_for_approval() -> None:
    @tool_input_guardrail
    def no_prod(data: ToolInputGuardrailData) -> ToolGuardrailFunctionOutput:
        if "prod" in data.context.tool_arguments:
            return ToolGuardrailFunctionOutput.reject_content("Never prod.")
        return ToolGuardrailFunctionOutput.allow()

    @function_tool(needs_approval=True, tool_input_guardrails=[no_prod])
    def guarded_deploy(env: str) -> str:
        """Deploy."""
        return f"deployed {env}"

    steps = [
        [
            function_call("guarded_deploy", {"env": "prod"}, call_id="p"),
            function_call("guarded_deploy", {"env": "dev"}, call_id="d"),
        ]
    ]
    agent = Agent(name="a", model=ScriptedModel(steps), tools=[guarded_deploy])
    config = RunConfig(tool_execution={"pre_approval_tool_input_guardrails": True})
    paused = await Runner.run(agent, "go", run_config=config)
    assert [i.call_id for i in paused.interruptions] == ["d"]
    outputs = [i for i in paused.new_items if i.type == "tool_call_output_item"]
    assert [o.output for o in outputs] == ["Never prod."]

    plain = await Runner.run(agent.clone(model=ScriptedModel(steps)), "go")
    assert [i.call_id for i in plain.interruptions] == ["p", "d"]


async def test_max_turns_none_means_no_limit_and_run_config_may_be_a_dict() -> None:
    calls = [function_call("explode", {}, call_id=f"c{n}") for n in range(12)]
    model = ScriptedModel([*calls, "finally"])
    result = await Runner.run(
        Agent(name="a", model=model, tools=[explode]),
        "go",
        max_turns=None,
        run_config={"workflow_name": "dict config"},
    )
    assert result.final_output == "finally" and len(model.calls) == 13


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        ("sandbox", object()),
        ("output_guardrail_blocked_message", "x"),
    ],
)
def test_settings_not_built_yet_are_refused_clearly(setting: str, value: Any) -> None:
    with pytest.raises(UserError, match=f"RunConfig\\({setting}=...\\) is not supported yet"):
        RunConfig(**{setting: value})


async def test_reasoning_ids_can_be_left_out_of_the_next_turn() -> None:
    for policy, has_id in ((None, True), ("omit", False)):
        model = ScriptedModel(
            [[reasoning("Think."), function_call("explode", {}, call_id="x")], "ok"]
        )
        config = RunConfig(reasoning_item_id_policy=policy)  # type: ignore[arg-type]
        await Runner.run(Agent(name="a", model=model, tools=[explode]), "go", run_config=config)
        [item] = [i for i in model.last_call.input if i.get("type") == "reasoning"]
        assert ("id" in item) is has_id and item["summary"][0]["text"] == "Think."


async def test_to_input_list_normalized_is_what_the_last_agent_was_sent() -> None:
    from agents_core import handoff
    from agents_core.handoff_filters import remove_all_tools

    billing = Agent(name="Billing", model=ScriptedModel(["refunded"]))
    model = ScriptedModel([function_call("transfer_to_billing", {}, call_id="h")])
    triage = Agent(
        name="Triage", model=model, handoffs=[handoff(billing, input_filter=remove_all_tools)]
    )
    result = await Runner.run(triage, "refund")
    assert len(result.to_input_list()) == 4
    normalized = result.to_input_list(mode="normalized")
    assert normalized[0] == {"role": "user", "content": "refund"}
    assert [i.get("type") for i in normalized[1:]] == ["message"]
    with pytest.raises(UserError, match="mode"):
        result.to_input_list(mode="all")  # type: ignore[arg-type]


async def test_run_state_strict_context() -> None:
    from agents_core import RunState
    from agents_core.testing import function_call as call

    class Ctx:
        pass

    agent = Agent(
        name="a", model=ScriptedModel([call("deploy", {"env": "x"}, call_id="d")]), tools=[deploy]
    )
    paused = await Runner.run(agent, "go", context=Ctx())
    state = paused.to_state()
    with pytest.raises(UserError, match="strict_context=True"):
        state.to_json(strict_context=True)
    data = state.to_json(context_serializer=lambda ctx: "opaque")
    with pytest.raises(UserError, match="strict_context=True"):
        await RunState.from_json(agent, data, strict_context=True)
    loaded = await RunState.from_json(agent, data, strict_context=True, context_override=Ctx())
    assert isinstance(loaded.context.context, Ctx)
