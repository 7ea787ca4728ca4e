"""Guardrails in a realtime session: on the answer's transcript as it grows, and on the user."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from agents_core import GuardrailFunctionOutput, input_guardrail, output_guardrail
from agents_realtime import RealtimeAgent, RealtimeRunner, RealtimeSession
from agents_realtime.testing import FakeRealtimeServer, MessageReply, RealtimeReply

if TYPE_CHECKING:
    from tests.realtime.conftest import Realtime

pytestmark = pytest.mark.timeout(30)

checked: list[str] = []


@output_guardrail
def no_secrets(context: Any, agent: Any, output: Any) -> GuardrailFunctionOutput:
    checked.append(output)
    return GuardrailFunctionOutput(output_info=None, tripwire_triggered="secret" in output)


@input_guardrail
def no_passwords(context: Any, agent: Any, user_input: Any) -> GuardrailFunctionOutput:
    return GuardrailFunctionOutput(output_info=None, tripwire_triggered="password" in user_input)


def _messages(server: FakeRealtimeServer) -> list[str]:
    return [
        f["item"]["content"][0]["text"]
        for f in server.connections[0].frames("conversation.item.create")
        if f["item"]["type"] == "message"
    ]


async def test_an_output_guardrail_stops_the_answer_while_it_is_spoken(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    checked.clear()
    answer = RealtimeReply(
        [MessageReply("Here is the secret code one two three four five six seven")],
        stall_after_ms=800,  # one word per 100 ms of audio: "secret" is in the first 800 ms
    )
    server.add(answer, "I cannot share that.")
    agent = RealtimeAgent(name="a", output_guardrails=[no_secrets])
    runner = RealtimeRunner(agent, config={"guardrails_settings": {"debounce_text_length": 10}})
    async with await runner.run(model_config=server.model_config()) as session:
        await session.send_message("Tell me the code")
        events = await rt.until(session, rt.nth("agent_end", 2))

    types = rt.types(events)
    tripped = events[types.index("guardrail_tripped")]
    assert "secret" in tripped.message
    assert tripped.guardrail_results[0].guardrail is no_secrets
    answer_item = next(e.item_id for e in events if e.type == "audio")
    after = events[types.index("guardrail_tripped") :]
    assert not [e for e in after if e.type == "audio" and e.item_id == answer_item]
    connection = server.connections[0]
    assert len(connection.frames("response.cancel")) == 1
    assert len(server.truncations) == 1
    assert _messages(server) == ["Tell me the code", "guardrail triggered: no_secrets"]
    assert len(connection.frames("response.create")) == 2
    assert checked[0] == "Here is the"  # the first check came at ten characters


async def test_a_short_answer_is_checked_once_it_is_complete(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    checked.clear()
    server.add("The secret is 42.", "Sorry.")
    agent = RealtimeAgent(name="a", output_guardrails=[no_secrets])
    async with await RealtimeRunner(agent).run(model_config=server.model_config()) as session:
        await session.send_message("What is the secret?")
        events = await rt.until(session, rt.nth("agent_end", 2))

    assert checked == ["The secret is 42."]  # shorter than the debounce length, checked at the end
    assert "guardrail_tripped" in rt.types(events)
    assert _messages(server) == ["What is the secret?", "guardrail triggered: no_secrets"]
    assert server.connections[0].frames("response.cancel") == []  # the answer was already done


async def test_run_config_output_guardrails_apply_to_every_agent(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    server.add("No secret here? There is a secret.", "Ok.")
    runner = RealtimeRunner(RealtimeAgent(name="a"), config={"output_guardrails": [no_secrets]})
    async with await runner.run(model_config=server.model_config()) as session:
        await session.send_message("Hi")
        events = await rt.until(session, rt.nth("agent_end", 2))
    assert "guardrail_tripped" in rt.types(events)


async def _typed_input_trips(session: RealtimeSession, rt: type[Realtime]) -> list[Any]:
    await session.send_message("my password is hunter2")
    return await rt.until(session, rt.nth("agent_end", 2))


async def test_an_input_guardrail_stops_the_answer_to_what_the_user_typed(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    server.add(
        RealtimeReply([MessageReply("Your password is safe with me " * 4)], stall_after_ms=200)
    )
    server.add("I cannot help with passwords.")
    agent = RealtimeAgent(name="a", input_guardrails=[no_passwords])
    async with await RealtimeRunner(agent).run(model_config=server.model_config()) as session:
        events = await _typed_input_trips(session, rt)

    tripped = next(e for e in events if e.type == "input_guardrail_tripped")
    assert tripped.transcript == "my password is hunter2"
    assert tripped.guardrail_results[0].output.tripwire_triggered
    assert len(server.cancellations) == 1
    assert _messages(server) == ["my password is hunter2", "guardrail triggered: no_passwords"]


async def test_an_input_guardrail_checks_the_transcript_of_speech(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    server.add_transcripts("my password is hunter two")
    server.add(
        RealtimeReply([MessageReply("Noted " * 10)], stall_after_ms=200), "I cannot do that."
    )
    runner = RealtimeRunner(
        RealtimeAgent(name="a"),
        config={
            "input_guardrails": [no_passwords],
            "model_settings": {
                "turn_detection": {"type": "server_vad", "silence_duration_ms": 500}
            },
        },
    )
    async with await runner.run(model_config=server.model_config()) as session:
        speech = rt.silence(200) + rt.speech("My password is hunter two") + rt.silence(800)
        for chunk in rt.chunks(speech):
            await session.send_audio(chunk)
        events = await rt.until(session, rt.nth("agent_end", 2))

    tripped = next(e for e in events if e.type == "input_guardrail_tripped")
    assert tripped.transcript == "my password is hunter two"
    assert _messages(server) == ["guardrail triggered: no_passwords"]


async def test_a_passing_input_guardrail_lets_the_conversation_go_on(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    server.add("Hello!")
    agent = RealtimeAgent(name="a", input_guardrails=[no_passwords])
    async with await RealtimeRunner(agent).run(model_config=server.model_config()) as session:
        await session.send_message("hello")
        events = await rt.until(session, rt.nth("agent_end"))
    assert "input_guardrail_tripped" not in rt.types(events)
    assert server.cancellations == []
