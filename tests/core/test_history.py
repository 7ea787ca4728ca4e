"""History cut to what the API accepts, session settings, and how session input is combined."""

from __future__ import annotations

from typing import Any

import pytest

from agents_core import (
    Agent,
    CallModelData,
    MemorySession,
    ModelInputData,
    RunConfig,
    Runner,
    SessionSettings,
    TResponseInputItem,
    UserError,
)
from agents_core._memory.history import paired_history
from agents_core.testing import ScriptedModel


def call(call_id: str, kind: str = "function_call") -> dict[str, Any]:
    return {"type": kind, "call_id": call_id, "name": "f", "arguments": "{}"}


def output(call_id: str, kind: str = "function_call_output") -> dict[str, Any]:
    return {"type": kind, "call_id": call_id, "output": "x"}


USER = {"role": "user", "content": "hi"}
SEARCH = {"type": "web_search_call", "id": "ws", "status": "completed"}


@pytest.mark.parametrize(
    ("items", "kept"),
    [
        ([USER, call("a"), output("a")], [USER, call("a"), output("a")]),
        ([output("a"), USER], [USER]),  # the call was cut off
        ([USER, call("a")], [USER]),  # never answered
        ([output("a"), call("a")], []),  # an output before its call answers nothing
        ([SEARCH, USER], [SEARCH, USER]),  # hosted calls have no outputs to pair
        (
            [call("c", "computer_call"), output("c", "computer_call_output"), output("z")],
            [call("c", "computer_call"), output("c", "computer_call_output")],
        ),
        ([call("a"), call("b"), output("b")], [call("b"), output("b")]),
    ],
)
def test_paired_history(items: list[Any], kept: list[Any]) -> None:
    assert paired_history(items) == kept


def test_session_settings_resolve_keeps_what_the_override_leaves_unset() -> None:
    assert SessionSettings(limit=5).resolve(SessionSettings()) == SessionSettings(limit=5)
    assert SessionSettings(limit=5).resolve({"limit": 2}) == SessionSettings(limit=2)
    assert SessionSettings().resolve(None).to_dict() == {"limit": None}
    with pytest.raises(TypeError, match="no field"):
        SessionSettings().resolve({"size": 1})


async def test_a_bad_session_input_callback_is_a_clear_error() -> None:
    def not_a_list(history: list[TResponseInputItem], new: list[TResponseInputItem]) -> Any:
        return "oops"

    model = ScriptedModel(["never"])
    config = RunConfig(session_input_callback=not_a_list)
    with pytest.raises(UserError, match="session_input_callback must return a list"):
        await Runner.run(
            Agent(name="a", model=model), "hi", session=MemorySession(), run_config=config
        )
    assert model.calls == []


async def test_an_async_session_input_callback_is_awaited_and_new_items_stored() -> None:
    async def drop_history(
        history: list[TResponseInputItem], new: list[TResponseInputItem]
    ) -> list[TResponseInputItem]:
        return [{"role": "user", "content": "(context)"}, *new]

    session = MemorySession()
    await session.add_items([{"role": "user", "content": "old"}])
    model = ScriptedModel(["ok"])
    config = RunConfig(session_input_callback=drop_history)
    await Runner.run(Agent(name="a", model=model), "new", session=session, run_config=config)
    assert model.first_call.input == [
        {"role": "user", "content": "(context)"},
        {"role": "user", "content": "new"},
    ]
    contents = [item.get("content") for item in await session.get_items()]
    assert contents[:3] == ["old", "(context)", "new"]


async def test_call_model_input_filter_must_return_model_input_data() -> None:
    def wrong(data: CallModelData[Any]) -> Any:
        return data.model_data.input

    model = ScriptedModel(["never"])
    with pytest.raises(UserError, match="must return a ModelInputData"):
        await Runner.run(
            Agent(name="a", model=model),
            "hi",
            run_config=RunConfig(call_model_input_filter=wrong),
        )
    assert model.calls == []


async def test_call_model_input_filter_changes_only_the_call() -> None:
    async def shout(data: CallModelData[Any]) -> ModelInputData:
        return ModelInputData(input=[{"role": "user", "content": "HI"}], instructions="Loud.")

    model = ScriptedModel(["ok"])
    result = await Runner.run(
        Agent(name="a", instructions="Quiet.", model=model),
        "hi",
        run_config=RunConfig(call_model_input_filter=shout),
    )
    assert model.first_call.input == [{"role": "user", "content": "HI"}]
    assert model.first_call.system_instructions == "Loud."
    assert result.to_input_list()[0] == {"role": "user", "content": "hi"}
