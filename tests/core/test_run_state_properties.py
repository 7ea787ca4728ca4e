"""Property tests: any run state round-trips through JSON unchanged; damaged text never loads."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agents_core import Agent, Runner, RunState, UserError, function_tool
from agents_core.testing import ScriptedModel, function_call, reasoning

json_scalars = st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(max_size=20)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


@function_tool
def echo(value: str) -> str:
    return value


@function_tool(needs_approval=True)
def guarded(value: str) -> str:
    return value


@st.composite
def scripts(draw: st.DrawFn) -> list[Any]:
    """A run that takes a few tool turns and then pauses on an approval call."""
    steps: list[Any] = []
    for index in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["tool", "reasoning"]))
        if kind == "tool":
            steps.append(
                function_call("echo", {"value": draw(st.text(max_size=30))}, call_id=f"c{index}")
            )
        else:
            steps.append(
                [
                    reasoning(draw(st.text(max_size=30)), item_id=f"rs{index}"),
                    function_call("echo", {"value": "x"}, call_id=f"r{index}"),
                ]
            )
    steps.append(function_call("guarded", {"value": draw(st.text(max_size=30))}, call_id="g"))
    return steps


async def _paused_state(script: list[Any], context: Any, user_input: str) -> RunState[Any]:
    agent = Agent(name="a", model=ScriptedModel(script), tools=[echo, guarded])
    result = await Runner.run(agent, user_input, context=context)
    assert result.interruptions
    return result.to_state()


def _agent() -> Agent[Any]:
    return Agent(name="a", tools=[echo, guarded])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    script=scripts(), context=json_values, user_input=st.text(max_size=40), approve=st.booleans()
)
def test_any_state_round_trips_unchanged(
    script: list[Any], context: Any, user_input: str, approve: bool
) -> None:
    async def check() -> None:
        state = await _paused_state(script, context, user_input)
        if approve:
            state.approve(state.get_interruptions()[0], always_approve=True)
        data = state.to_json()
        assert json.loads(json.dumps(data)) == data  # plain JSON
        loaded = await RunState.from_json(_agent(), data)
        assert loaded.to_json() == data
        text = state.to_string()
        assert (await RunState.from_string(_agent(), text)).to_string() == text

    asyncio.run(check())


_BASE_TEXT: list[str] = []


def _base_text() -> str:
    if not _BASE_TEXT:
        script = [
            function_call("echo", {"value": "v"}, call_id="c1"),
            function_call("guarded", {"value": "w"}, call_id="g"),
        ]
        _BASE_TEXT.append(asyncio.run(_paused_state(script, {"k": [1, 2]}, "hello")).to_string())
    return _BASE_TEXT[0]


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_truncated_or_altered_text_is_rejected_or_identical(data: st.DataObject) -> None:
    text = _base_text()
    original = json.loads(text)["state"]
    if data.draw(st.booleans()):
        damaged = text[: data.draw(st.integers(0, len(text) - 1))]
    else:
        position = data.draw(st.integers(0, len(text) - 1))
        damaged = text[:position] + data.draw(st.characters(codec="utf-8")) + text[position + 1 :]

    async def check() -> None:
        try:
            state = await RunState.from_string(_agent(), damaged)
        except UserError:
            return
        # It loaded: then it must be exactly the saved state (the change was meaningless).
        assert state.to_json() == original

    asyncio.run(check())
