"""A realtime session against the fake server over a real websocket: text turns, events, history."""

from __future__ import annotations

import asyncio
import base64
from typing import TYPE_CHECKING, Any

import pytest

from agents_realtime import AssistantMessageItem, RealtimeAgent, RealtimeRunner, UserMessageItem
from agents_realtime.items import AssistantAudio
from agents_realtime.testing import FakeRealtimeServer, MessageReply, RealtimeReply

if TYPE_CHECKING:
    from tests.realtime.conftest import Realtime

pytestmark = pytest.mark.timeout(30)


def _agent(**options: Any) -> RealtimeAgent[Any]:
    return RealtimeAgent(name="Assistant", instructions="Be brief.", **options)


async def test_text_turn_sends_the_message_and_streams_the_spoken_answer(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    answer_audio = rt.speech("It is sunny.")
    server.add(MessageReply("It is sunny in Oslo today.", audio=answer_audio))
    runner = RealtimeRunner(_agent())
    async with await runner.run(model_config=server.model_config()) as session:
        await session.send_message("What is the weather?")
        events = await rt.until(session, rt.nth("agent_end"))

    types = rt.types(events)
    assert types[0] == "history_updated"
    assert "agent_start" in types and types[-1] == "agent_end"
    audio = b"".join(e.audio.data for e in events if e.type == "audio")
    assert audio == answer_audio  # every byte the server sent, decoded, in order
    assert types.index("audio_end") > max(i for i, t in enumerate(types) if t == "audio")

    connection = server.connections[0]
    frames = [f["type"] for f in connection.received]
    assert frames == ["session.update", "conversation.item.create", "response.create"]
    item = connection.frames("conversation.item.create")[0]["item"]
    assert item == {
        "type": "message",
        "role": "user",
        "content": [{"type": "input_text", "text": "What is the weather?"}],
    }
    update = connection.frames("session.update")[0]["session"]
    assert update["instructions"] == "Be brief."
    assert update["type"] == "realtime"


async def test_history_holds_both_sides_with_the_answer_transcript(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    server.add("Hello there, traveller.")
    async with await RealtimeRunner(_agent()).run(model_config=server.model_config()) as session:
        await session.send_message("Hi")
        events = await rt.until(session, rt.nth("agent_end"))
        history = session.history

    added = [e.item for e in events if e.type == "history_added"]
    assert isinstance(added[0], UserMessageItem)
    assert isinstance(added[1], AssistantMessageItem)
    user, assistant = history
    assert isinstance(user, UserMessageItem) and user.content[0].type == "input_text"
    assert isinstance(assistant, AssistantMessageItem)
    part = assistant.content[0]
    assert isinstance(part, AssistantAudio)
    assert part.transcript == "Hello there, traveller."
    assert assistant.status == "completed"
    assert assistant.previous_item_id == user.item_id


async def test_usage_of_each_response_adds_up_in_the_context(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    server.add("One.", "Two.")
    async with await RealtimeRunner(_agent()).run(model_config=server.model_config()) as session:
        await session.send_message("first")
        await rt.until(session, rt.nth("agent_end"))
        await session.send_message("second")
        events = await rt.until(session, rt.nth("agent_end"))
        usage = session.context_wrapper.usage

    assert usage.requests == 2
    assert usage.input_tokens == 60 and usage.total_tokens > usage.input_tokens
    assert events[-1].info.context is session.context_wrapper


async def test_text_output_streams_text_deltas_without_audio(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    server.add("Plain text answer.")
    runner = RealtimeRunner(_agent(), config={"model_settings": {"output_modalities": ["text"]}})
    async with await runner.run(model_config=server.model_config()) as session:
        await session.send_message("Hi")
        events = await rt.until(session, rt.nth("agent_end"), skip_raw=False)
        history = session.history

    deltas = [
        e.data.delta
        for e in events
        if e.type == "raw_model_event" and e.data.type == "output_text_delta"
    ]
    assert "".join(deltas) == "Plain text answer."
    assert not [e for e in events if e.type == "audio"]
    assert history[-1].content[0].text == "Plain text answer."  # type: ignore[union-attr]
    update = server.connections[0].frames("session.update")[0]["session"]
    assert update["output_modalities"] == ["text"]


async def test_structured_message_sends_text_and_image_parts(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    server.add("A cat.")
    image = "data:image/png;base64," + base64.b64encode(b"\x89PNG").decode()
    async with await RealtimeRunner(_agent()).run(model_config=server.model_config()) as session:
        await session.send_message(
            {
                "type": "message",
                "role": "user",
                "content": [
                    {"type": "input_text", "text": "What is this?"},
                    {"type": "input_image", "image_url": image, "detail": "low"},
                ],
            }
        )
        await rt.until(session, rt.nth("agent_end"))

    item = server.connections[0].frames("conversation.item.create")[0]["item"]
    assert item["content"] == [
        {"type": "input_text", "text": "What is this?"},
        {"type": "input_image", "image_url": image, "detail": "low"},
    ]


async def test_responses_never_overlap_a_message_during_an_answer_waits(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    stalled = RealtimeReply([MessageReply("A long answer " * 10)], stall_after_ms=200)
    server.add(stalled, "Second answer.")
    async with await RealtimeRunner(_agent()).run(model_config=server.model_config()) as session:
        await session.send_message("first")
        await rt.until(session, rt.nth("audio"))
        await session.send_message("second")  # while the first answer is still live
        connection = server.connections[0]
        await connection.wait_for_frame("conversation.item.create", count=2)
        assert len(connection.frames("response.create")) == 1
        stalled.resume()
        await rt.until(session, rt.nth("agent_end", 2))

    creates = [
        f["type"]
        for f in connection.received
        if f["type"] in ("response.create", "conversation.item.create")
    ]
    assert creates == [
        "conversation.item.create",
        "response.create",
        "conversation.item.create",
        "response.create",
    ]
    # The second create went out only after the first response was done.
    sent = [e["type"] for e in connection.sent]
    assert sent.count("response.done") == 2
    assert server.conformance_errors == []


async def test_send_audio_appends_and_commits(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    runner = RealtimeRunner(_agent(), config={"model_settings": {"turn_detection": None}})
    speech = rt.speech("hello")
    async with await runner.run(model_config=server.model_config()) as session:
        for chunk in rt.chunks(speech)[:-1]:
            await session.send_audio(chunk)
        await session.send_audio(rt.chunks(speech)[-1], commit=True)
        connection = server.connections[0]
        committed = await connection.wait_for(
            lambda: [e for e in connection.sent if e["type"] == "input_audio_buffer.committed"]
        )

    appended = b"".join(
        base64.b64decode(f["audio"]) for f in connection.frames("input_audio_buffer.append")
    )
    assert appended == speech
    assert connection.frames("input_audio_buffer.commit")
    assert committed[0]["item_id"]
    assert (
        connection.frames("session.update")[0]["session"]["audio"]["input"]["turn_detection"]
        is None
    )


async def test_update_agent_sends_the_new_instructions_and_tools(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    second = RealtimeAgent(name="Second", instructions="Speak French.")
    async with await RealtimeRunner(_agent()).run(model_config=server.model_config()) as session:
        await session.update_agent(second)
        connection = server.connections[0]
        update = await connection.wait_for_frame("session.update", count=2)
        assert session.current_agent is second

    assert update["session"]["instructions"] == "Speak French."
    assert update["session"]["tools"] == []


async def test_dynamic_instructions_see_the_context_and_the_agent(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    async def instructions(context: Any, agent: RealtimeAgent[Any]) -> str:
        await asyncio.sleep(0)
        return f"You are {agent.name}, helping {context.context['user']}."

    agent = RealtimeAgent(name="Guide", instructions=instructions)
    runner = RealtimeRunner(agent)
    async with await runner.run(context={"user": "Ada"}, model_config=server.model_config()):
        pass
    update = server.connections[0].frames("session.update")[0]["session"]
    assert update["instructions"] == "You are Guide, helping Ada."


async def test_closing_the_session_ends_iteration_and_the_connection(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    session = await RealtimeRunner(_agent()).run(model_config=server.model_config())
    await session.enter()
    await session.close()
    seen = [event async for event in session]  # what was queued, then the end
    assert "history_updated" in rt.types(seen)
    connection = server.connections[0]
    await connection.wait_for(lambda: connection.closed)
    await session.close()  # closing twice is harmless


async def test_an_unscripted_response_is_reported_as_an_error_event(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    async with await RealtimeRunner(_agent()).run(model_config=server.model_config()) as session:
        await session.send_message("Hi")
        events = await rt.until(session, rt.nth("error"))
    assert events[-1].error.code == "fake_server_unscripted"


def test_agents_are_checked_and_cloned() -> None:
    from agents_core.exceptions import UserError

    agent = RealtimeAgent(name="Guide", instructions="Help.", tools=[])
    copy = agent.clone(instructions="Help more.")
    assert copy.name == "Guide" and copy.instructions == "Help more."
    assert copy.tools is agent.tools  # lists are shared, as in the official SDK
    with pytest.raises(UserError, match="name"):
        RealtimeAgent(name="")
    bad: Any = "not a list"
    with pytest.raises(UserError, match="tools must be a list"):
        RealtimeAgent(name="x", tools=bad)
    number: Any = 42
    with pytest.raises(UserError, match="instructions"):
        RealtimeAgent(name="x", instructions=number)


async def test_one_runner_runs_several_sessions_at_once(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    server.add("One.", "Two.")
    runner = RealtimeRunner(_agent())
    async with (
        await runner.run(model_config=server.model_config()) as first,
        await runner.run(model_config=server.model_config()) as second,
    ):
        assert first.model is not second.model
        await first.send_message("first")
        await rt.Watch(first).until("agent_end")
        await second.send_message("second")
        await rt.Watch(second).until("agent_end")
    assert len(server.connections) == 2
