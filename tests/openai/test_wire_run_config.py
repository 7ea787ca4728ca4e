"""Run settings on the wire: nested handoff history, reasoning ids, automatic response chaining."""

from __future__ import annotations

from typing import Any

import pytest

from agents_core import (
    Agent,
    Model,
    ModelSettings,
    ModelTimeoutError,
    RunConfig,
    Runner,
    function_tool,
    handoff,
)
from agents_core.handoffs import default_handoff_history_mapper, nest_handoff_history
from agents_core.testing import function_call
from agents_openai import OpenAIProvider
from agents_openai.testing import FakeOpenAIServer, ModelReply


@function_tool
def lookup(order: str) -> str:
    """Look an order up."""
    return f"{order}: shipped"


def _desk(model: Model, **handoff_options: Any) -> tuple[Agent[Any], Agent[Any]]:
    shipping = Agent(name="Shipping", instructions="Shipping desk.", model=model)
    triage = Agent(
        name="Triage",
        model=model,
        tools=[lookup],
        handoffs=[handoff(shipping, **handoff_options)],
    )
    return triage, shipping


def _script(server: FakeOpenAIServer) -> None:
    server.add(
        ModelReply(["Checking.", function_call("lookup", {"order": "A1"}, call_id="t")]),
        ModelReply([function_call("transfer_to_shipping", {}, call_id="h")]),
        "It ships today.",
    )


async def test_nested_handoff_history_sends_one_summary_message(
    server: FakeOpenAIServer, model: Model
) -> None:
    triage, _ = _desk(model)
    _script(server)

    result = await Runner.run(
        triage, "Where is A1?", run_config=RunConfig(nest_handoff_history=True)
    )

    shipping_request = server.model_requests()[-1].view
    assert shipping_request.instructions == "Shipping desk."
    assert shipping_request.function_calls == [] and shipping_request.user_messages == []
    [summary] = shipping_request.assistant_messages
    lines = summary.splitlines()
    assert lines[0] == (
        "For context, here is the conversation so far between the user and the previous agent:"
    )
    assert lines[1] == "<CONVERSATION HISTORY>" and lines[-1] == "</CONVERSATION HISTORY>"
    assert lines[2] == "1. user: Where is A1?"
    assert lines[3].startswith('2. {"type": "message"') and '"text": "Checking."' in lines[3]
    assert '"type": "function_call"' in lines[4] and '"name": "lookup"' in lines[4]
    assert '"output": "A1: shipped"' in lines[5]
    assert '"transfer_to_shipping"' in lines[6]
    assert len(result.new_items) == 6  # the run's own record is whole


async def test_a_handoff_can_turn_nesting_on_for_itself_with_a_mapper(
    server: FakeOpenAIServer, model: Model
) -> None:
    seen: list[int] = []

    def last_user_message_only(transcript: list[dict[str, Any]]) -> list[dict[str, Any]]:
        seen.append(len(transcript))
        users = [item for item in transcript if item.get("role") == "user"]
        return users[-1:]

    triage, _ = _desk(model, nest_handoff_history=True)
    _script(server)
    await Runner.run(
        triage,
        "Where is A1?",
        run_config=RunConfig(handoff_history_mapper=last_user_message_only),
    )
    shipping_request = server.model_requests()[-1].view
    assert shipping_request.user_messages == ["Where is A1?"]
    assert shipping_request.assistant_messages == [] and shipping_request.function_calls == []
    assert seen == [6]


def test_an_earlier_summary_is_unfolded_not_nested() -> None:
    from agents_core import HandoffInputData

    first = default_handoff_history_mapper(
        [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]
    )
    data = HandoffInputData(
        input_history=(*first, {"role": "user", "content": "and now?"}),
        pre_handoff_items=(),
        new_items=(),
    )
    history = nest_handoff_history(data).input_history
    assert isinstance(history, tuple)
    [summary] = history
    assert summary["content"].splitlines()[2:5] == [
        "1. user: hi",
        "2. assistant: hello",
        "3. user: and now?",
    ]


async def test_auto_previous_response_id_chains_from_the_first_turn(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    agent = Agent(name="a", model=provider.get_model("gpt-4.1"), tools=[lookup])
    server.add(ModelReply([function_call("lookup", {"order": "A1"}, call_id="t")]), "Shipped.")

    result = await Runner.run(agent, "A1?", auto_previous_response_id=True)

    first, second = (r.json for r in server.model_requests())
    assert "previous_response_id" not in first
    assert second["previous_response_id"] == result.raw_responses[0].response_id
    assert [item["type"] for item in second["input"]] == ["function_call_output"]


async def test_new_model_settings_reach_the_wire(
    server: FakeOpenAIServer, model: Model, api: str
) -> None:
    settings = ModelSettings(
        prompt_cache_retention="24h",
        prompt_cache_options={"ttl": "30m"},
        context_management=[{"type": "compaction", "compact_threshold": 10000}]
        if api == "responses"
        else None,
        preserve_raw_usage=True,
    )
    server.add("ok")
    result = await Runner.run(Agent(name="a", model=model, model_settings=settings), "hi")
    body = server.model_requests()[0].json
    assert body["prompt_cache_retention"] == "24h"
    assert body["prompt_cache_options"] == {"ttl": "30m"}
    if api == "responses":
        assert body["context_management"] == [{"type": "compaction", "compact_threshold": 10000}]
    assert result.raw_responses[0].raw_usage is not None


async def test_a_model_call_past_its_timeout_is_a_model_timeout_error(
    server: FakeOpenAIServer, model: Model
) -> None:
    server.add(ModelReply(["late"], delay=30))
    agent = Agent(name="a", model=model, model_settings=ModelSettings(timeout=0.2))
    with pytest.raises(ModelTimeoutError, match=r"timed out after 0\.2 seconds") as info:
        await Runner.run(agent, "hi")
    assert info.value.timeout_seconds == 0.2
    streamed = Runner.run_streamed(agent, "hi")
    server.add(ModelReply(["late"], delay=30))
    with pytest.raises(ModelTimeoutError):
        async for _ in streamed.stream_events():
            pass
