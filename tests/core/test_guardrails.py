"""Input, output and tool guardrails: tripping and not, parallel and blocking, streamed too."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from agents_core import (
    Agent,
    GuardrailFunctionOutput,
    InputGuardrailTripwireTriggered,
    ModelResponse,
    OutputGuardrailTripwireTriggered,
    RunConfig,
    RunContextWrapper,
    Runner,
    ToolGuardrailFunctionOutput,
    ToolInputGuardrailData,
    ToolInputGuardrailTripwireTriggered,
    ToolOutputGuardrailData,
    ToolOutputGuardrailTripwireTriggered,
    TResponseInputItem,
    function_tool,
    input_guardrail,
    output_guardrail,
    tool_input_guardrail,
    tool_output_guardrail,
)
from agents_core.testing import ScriptedModel, assistant_message, function_call


def mentions_homework(input: str | list[TResponseInputItem]) -> bool:
    return "homework" in (input if isinstance(input, str) else str(input))


@input_guardrail
async def no_homework(
    ctx: RunContextWrapper[Any], agent: Agent[Any], input: str | list[TResponseInputItem]
) -> GuardrailFunctionOutput:
    return GuardrailFunctionOutput(
        output_info={"checked": True}, tripwire_triggered=mentions_homework(input)
    )


@input_guardrail(run_in_parallel=False, name="blocking_homework")
def no_homework_blocking(
    ctx: RunContextWrapper[Any], agent: Agent[Any], input: str | list[TResponseInputItem]
) -> GuardrailFunctionOutput:
    return GuardrailFunctionOutput(output_info=None, tripwire_triggered=mentions_homework(input))


async def test_input_guardrail_passes_and_its_result_is_kept() -> None:
    model = ScriptedModel(["Sure."])
    result = await Runner.run(
        Agent(name="a", model=model, input_guardrails=[no_homework]), "Plan a trip"
    )
    assert result.final_output == "Sure."
    assert [r.output.output_info for r in result.input_guardrail_results] == [{"checked": True}]
    assert result.input_guardrail_results[0].guardrail.get_name() == "no_homework"


async def test_blocking_guardrail_trips_before_the_model_is_called() -> None:
    model = ScriptedModel(["never"])
    agent = Agent(name="a", model=model, input_guardrails=[no_homework_blocking])
    with pytest.raises(InputGuardrailTripwireTriggered, match="blocking_homework") as info:
        await Runner.run(agent, "do my homework")
    assert model.calls == []
    assert info.value.guardrail_result.output.tripwire_triggered
    assert info.value.run_data is not None


class SlowModel(ScriptedModel):
    """A scripted model whose call waits until the test lets it finish."""

    def __init__(self, steps: list[Any]) -> None:
        super().__init__(steps)
        self.release = asyncio.Event()
        self.waiting = asyncio.Event()
        self.cancelled = False

    async def get_response(self, *args: Any, **kwargs: Any) -> ModelResponse:
        self.waiting.set()
        try:
            await self.release.wait()
        except asyncio.CancelledError:
            self.cancelled = True
            raise
        return await super().get_response(*args, **kwargs)


async def test_parallel_guardrail_trip_cancels_the_model_call() -> None:
    model = SlowModel(["never"])

    @input_guardrail
    async def trips_once_the_model_waits(
        ctx: RunContextWrapper[Any], agent: Agent[Any], input: Any
    ) -> GuardrailFunctionOutput:
        await model.waiting.wait()  # the model call is in flight
        return GuardrailFunctionOutput(output_info=None, tripwire_triggered=True)

    agent = Agent(name="a", model=model, input_guardrails=[trips_once_the_model_waits])
    with pytest.raises(InputGuardrailTripwireTriggered):
        await Runner.run(agent, "homework!")
    assert model.cancelled
    assert model.calls == []


async def test_parallel_guardrail_that_decides_at_once_stops_the_run_before_the_call() -> None:
    model = SlowModel(["never"])
    with pytest.raises(InputGuardrailTripwireTriggered):
        await Runner.run(Agent(name="a", model=model, input_guardrails=[no_homework]), "homework!")
    assert not model.waiting.is_set()
    assert model.calls == []


async def test_parallel_guardrail_runs_beside_the_model_call() -> None:
    model = SlowModel(["answer"])

    @input_guardrail
    async def waits_for_model(
        ctx: RunContextWrapper[Any], agent: Agent[Any], input: Any
    ) -> GuardrailFunctionOutput:
        await model.waiting.wait()  # returns only if the model call started meanwhile
        model.release.set()
        return GuardrailFunctionOutput(output_info=None, tripwire_triggered=False)

    result = await Runner.run(
        Agent(name="a", model=model, input_guardrails=[waits_for_model]), "hi"
    )
    assert result.final_output == "answer"
    assert [r.guardrail.get_name() for r in result.input_guardrail_results] == ["waits_for_model"]


async def test_input_guardrails_only_run_on_the_first_turn() -> None:
    calls: list[int] = []

    @input_guardrail
    def count(
        ctx: RunContextWrapper[Any], agent: Agent[Any], input: Any
    ) -> GuardrailFunctionOutput:
        calls.append(1)
        return GuardrailFunctionOutput(output_info=None, tripwire_triggered=False)

    @function_tool
    def ping() -> str:
        return "pong"

    model = ScriptedModel([function_call("ping", {}, call_id="1"), "done"])
    await Runner.run(
        Agent(name="a", model=model, tools=[ping]),
        "go",
        run_config=RunConfig(input_guardrails=[count]),
    )
    assert calls == [1]


@output_guardrail
async def no_secrets(
    ctx: RunContextWrapper[Any], agent: Agent[Any], output: Any
) -> GuardrailFunctionOutput:
    return GuardrailFunctionOutput(
        output_info=len(str(output)), tripwire_triggered="secret" in str(output)
    )


async def test_output_guardrail_passes_and_trips() -> None:
    ok = await Runner.run(
        Agent(name="a", model=ScriptedModel(["public"]), output_guardrails=[no_secrets]), "go"
    )
    assert ok.output_guardrail_results[0].output.output_info == 6
    assert ok.output_guardrail_results[0].agent_output == "public"
    agent = Agent(name="a", model=ScriptedModel(["the secret is 42"]))
    with pytest.raises(OutputGuardrailTripwireTriggered, match="no_secrets") as info:
        await Runner.run(agent, "go", run_config=RunConfig(output_guardrails=[no_secrets]))
    assert info.value.guardrail_result.agent is agent


async def test_guardrail_must_return_its_output_type() -> None:
    from agents_core import UserError

    @output_guardrail
    def wrong(ctx: RunContextWrapper[Any], agent: Agent[Any], output: Any) -> Any:
        return True

    with pytest.raises(UserError, match="must return a GuardrailFunctionOutput"):
        await Runner.run(
            Agent(name="a", model=ScriptedModel(["x"]), output_guardrails=[wrong]), "go"
        )


async def test_streamed_guardrails() -> None:
    result = Runner.run_streamed(
        Agent(
            name="a",
            model=ScriptedModel(["hello"]),
            input_guardrails=[no_homework],
            output_guardrails=[no_secrets],
        ),
        "hi",
    )
    async for _ in result.stream_events():
        pass
    assert len(result.input_guardrail_results) == 1 and len(result.output_guardrail_results) == 1
    tripped = Runner.run_streamed(
        Agent(name="a", model=ScriptedModel(["x"]), input_guardrails=[no_homework_blocking]),
        "homework",
    )
    with pytest.raises(InputGuardrailTripwireTriggered):
        async for _ in tripped.stream_events():
            pass


# -- tool guardrails --------------------------------------------------------------------------


@tool_input_guardrail
def no_deletes(data: ToolInputGuardrailData) -> ToolGuardrailFunctionOutput:
    if "rm" in data.context.tool_arguments:
        return ToolGuardrailFunctionOutput.reject_content(
            "Deleting is not allowed.", output_info="blocked"
        )
    if "shutdown" in data.context.tool_arguments:
        return ToolGuardrailFunctionOutput.raise_exception(output_info="shutdown")
    return ToolGuardrailFunctionOutput.allow()


@tool_output_guardrail
async def redact(data: ToolOutputGuardrailData) -> ToolGuardrailFunctionOutput:
    if "password" in str(data.output):
        return ToolGuardrailFunctionOutput.reject_content("[redacted]")
    if "panic" in str(data.output):
        return ToolGuardrailFunctionOutput.raise_exception()
    return ToolGuardrailFunctionOutput.allow()


ran: list[str] = []


@function_tool(tool_input_guardrails=[no_deletes], tool_output_guardrails=[redact])
def shell(command: str) -> str:
    ran.append(command)
    return {"ls": "a.txt", "cat": "password=1", "boom": "panic"}.get(command, "")


async def test_tool_input_guardrail_allows_rejects_and_raises() -> None:
    ran.clear()
    model = ScriptedModel(
        [
            [
                function_call("shell", {"command": "ls"}, call_id="1"),
                function_call("shell", {"command": "rm"}, call_id="2"),
            ],
            "ok",
        ]
    )
    result = await Runner.run(Agent(name="a", model=model, tools=[shell]), "go")
    assert ran == ["ls"]
    outputs = {
        i["call_id"]: i["output"]
        for i in model.calls[1].input
        if i.get("type") == "function_call_output"
    }
    assert outputs == {"1": "a.txt", "2": "Deleting is not allowed."}
    assert [r.output.output_info for r in result.tool_input_guardrail_results] == [None, "blocked"]
    with pytest.raises(ToolInputGuardrailTripwireTriggered, match="no_deletes"):
        await Runner.run(
            Agent(
                name="a",
                model=ScriptedModel([function_call("shell", {"command": "shutdown"}, call_id="3")]),
                tools=[shell],
            ),
            "go",
        )
    assert "shutdown" not in ran


async def test_tool_output_guardrail_replaces_and_raises() -> None:
    model = ScriptedModel([function_call("shell", {"command": "cat"}, call_id="1"), "ok"])
    result = await Runner.run(Agent(name="a", model=model, tools=[shell]), "go")
    assert model.calls[1].input[-1]["output"] == "[redacted]"
    assert len(result.tool_output_guardrail_results) == 1
    with pytest.raises(ToolOutputGuardrailTripwireTriggered):
        await Runner.run(
            Agent(
                name="a",
                model=ScriptedModel([function_call("shell", {"command": "boom"}, call_id="2")]),
                tools=[shell],
            ),
            "go",
        )


async def test_guardrail_results_include_the_message_item_output() -> None:
    result = await Runner.run(
        Agent(
            name="a",
            model=ScriptedModel([assistant_message("fine")]),
            output_guardrails=[no_secrets],
        ),
        "go",
    )
    assert result.final_output == "fine"
