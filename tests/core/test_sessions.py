"""Sessions: history loaded first, a run stored in one write, a failed run stores nothing."""

from __future__ import annotations

import pytest

from agents_core import (
    Agent,
    MemorySession,
    Runner,
    Session,
    SessionSettings,
    TResponseInputItem,
    function_tool,
)
from agents_core.testing import ScriptedModel, function_call


@function_tool
def remember(fact: str) -> str:
    return f"noted: {fact}"


class CountingSession(MemorySession):
    def __init__(self) -> None:
        super().__init__("counted")
        self.writes: list[int] = []

    async def add_items(self, items: list[TResponseInputItem]) -> None:
        self.writes.append(len(items))
        await super().add_items(items)


def test_memory_session_satisfies_the_protocol() -> None:
    assert isinstance(MemorySession(), Session)


async def test_history_carries_over_between_runs() -> None:
    session = CountingSession()
    model = ScriptedModel(
        [function_call("remember", {"fact": "blue"}, call_id="1"), "Noted.", "Blue."]
    )
    agent = Agent(name="a", model=model, tools=[remember])
    await Runner.run(agent, "My favourite colour is blue.", session=session)
    assert session.writes == [4]  # input, call, output, answer: in one write
    result = await Runner.run_with_session(agent, "What is my favourite colour?", session)
    assert result.final_output == "Blue."
    sent = model.calls[2].input
    assert sent[0] == {"role": "user", "content": "My favourite colour is blue."}
    assert sent[-1] == {"role": "user", "content": "What is my favourite colour?"}
    assert len(sent) == 5
    assert len(await session.get_items()) == 6
    # The result's own input is this run's input, not the history.
    assert result.input == "What is my favourite colour?"


async def test_failed_run_stores_nothing() -> None:
    session = CountingSession()
    model = ScriptedModel(
        [function_call("remember", {"fact": "x"}, call_id="1"), RuntimeError("model down")]
    )
    with pytest.raises(RuntimeError):
        await Runner.run(Agent(name="a", model=model, tools=[remember]), "hi", session=session)
    assert session.writes == []
    assert await session.get_items() == []


async def test_failed_streamed_run_stores_nothing() -> None:
    session = CountingSession()
    model = ScriptedModel(
        [function_call("remember", {"fact": "x"}, call_id="1"), RuntimeError("model down")]
    )
    result = Runner.run_streamed(
        Agent(name="a", model=model, tools=[remember]), "hi", session=session
    )
    with pytest.raises(RuntimeError):
        async for _ in result.stream_events():
            pass
    assert session.writes == []


async def test_streamed_run_stores_its_items() -> None:
    session = MemorySession()
    result = Runner.run_streamed(
        Agent(name="a", model=ScriptedModel(["hello"])), "hi", session=session
    )
    async for _ in result.stream_events():
        pass
    assert [i.get("role") for i in await session.get_items()] == ["user", "assistant"]


async def test_memory_session_limit_pop_and_clear() -> None:
    session = MemorySession(settings=SessionSettings(limit=2))
    await session.add_items([{"role": "user", "content": str(i)} for i in range(5)])
    assert [i["content"] for i in await session.get_items()] == ["3", "4"]
    assert [i["content"] for i in await session.get_items(limit=3)] == ["2", "3", "4"]
    popped = await session.pop_item()
    assert popped is not None and popped["content"] == "4"
    items = await session.get_items()
    items[0]["content"] = "changed"
    assert (await session.get_items())[0]["content"] == "2"
    await session.clear_session()
    assert await session.get_items() == [] and await session.pop_item() is None


def test_session_settings_helpers() -> None:
    from agents_core.memory.session_settings import (
        SessionSettings,
        coerce_session_settings,
        resolve_session_limit,
    )

    assert coerce_session_settings({"limit": 3}) == SessionSettings(limit=3)
    settings = SessionSettings(limit=5)
    assert coerce_session_settings(settings) is settings
    with pytest.raises(TypeError, match="no field"):
        coerce_session_settings({"limt": 3})
    assert resolve_session_limit(2, settings) == 2
    assert resolve_session_limit(None, {"limit": 4}) == 4
    assert resolve_session_limit(None, None) is None
