"""``ScriptedRealtimeModel``: sessions tested in memory, and what it records."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from agents_core import function_tool
from agents_realtime import (
    RealtimeAgent,
    RealtimeModelAudioEvent,
    RealtimeModelAudioInterruptedEvent,
    RealtimeModelErrorEvent,
    RealtimeModelSendInterrupt,
    RealtimeModelSendSessionUpdate,
    RealtimeModelSendToolOutput,
    RealtimeModelSendUserInput,
    RealtimeModelToolCallEvent,
    RealtimeModelTurnEndedEvent,
    RealtimeModelTurnStartedEvent,
    RealtimePlaybackTracker,
    RealtimeRunner,
)
from agents_realtime.testing import (
    RealtimeStep,
    ScriptedRealtimeModel,
    UnconsumedRealtimeSteps,
    UnexpectedRealtimeSend,
)

if TYPE_CHECKING:
    from tests.realtime.conftest import Realtime

pytestmark = pytest.mark.timeout(30)


@function_tool
def add(a: int, b: int) -> int:
    """Add."""
    return a + b


async def test_a_scripted_session_runs_a_tool_and_records_what_was_sent(rt: type[Realtime]) -> None:
    call = RealtimeModelToolCallEvent(name="add", call_id="c1", arguments='{"a": 2, "b": 3}')
    model = ScriptedRealtimeModel(
        [
            RealtimeStep(
                expect=RealtimeModelSendUserInput("What is 2 + 3?"),
                emit=[RealtimeModelTurnStartedEvent(), call, RealtimeModelTurnEndedEvent()],
            ),
            RealtimeStep(expect=lambda event: isinstance(event, RealtimeModelSendToolOutput)),
        ],
        connect_events=[RealtimeModelErrorEvent(error="just saying hello")],
    )
    tracker = RealtimePlaybackTracker()
    runner = RealtimeRunner(RealtimeAgent(name="calc", tools=[add]), model=model)
    async with await runner.run(
        model_config={"playback_tracker": tracker, "api_key": "k"}
    ) as session:
        await session.send_message("What is 2 + 3?")
        watch = rt.Watch(session)
        await watch.until("tool_end")
        assert model.listeners == (session,)

    model.assert_complete()
    assert watch.of("error")[0].error == "just saying hello"
    output = model.sent_events[-1]
    assert isinstance(output, RealtimeModelSendToolOutput)
    assert output.output == "5" and output.start_response is True  # no response id: answer now
    (connect,) = model.connect_calls
    assert connect["api_key_provided"] and not connect["headers_provided"]
    assert connect["playback_tracker"] is tracker
    assert connect["initial_model_settings"]["tools"] == [add]
    assert model.closed and model.close_calls == 1 and len(model.listeners) == 0


async def test_a_send_off_script_raises(rt: type[Realtime]) -> None:
    model = ScriptedRealtimeModel([RealtimeStep(expect=RealtimeModelSendInterrupt)])
    async with await RealtimeRunner(RealtimeAgent(name="a"), model=model).run() as session:
        with pytest.raises(UnexpectedRealtimeSend) as caught:
            await session.send_message("hi")
    assert isinstance(caught.value.actual, RealtimeModelSendUserInput)
    assert caught.value.expected is RealtimeModelSendInterrupt
    with pytest.raises(UnconsumedRealtimeSteps) as left:
        model.assert_complete()
    assert left.value.remaining_steps == 1


async def test_a_lenient_script_records_everything(rt: type[Realtime]) -> None:
    model = ScriptedRealtimeModel(strict=False)
    second = RealtimeAgent(name="second", instructions="Now in French.")
    async with await RealtimeRunner(RealtimeAgent(name="a"), model=model).run() as session:
        await session.send_message("hi")
        await session.send_audio(b"\x00\x01", commit=True)
        await session.update_agent(second)
    kinds = [type(event).__name__ for event in model.sent_events]
    assert kinds == [
        "RealtimeModelSendUserInput",
        "RealtimeModelSendAudio",
        "RealtimeModelSendSessionUpdate",
    ]
    update = model.sent_events[-1]
    assert isinstance(update, RealtimeModelSendSessionUpdate)
    assert update.session_settings["instructions"] == "Now in French."


async def test_queued_audio_of_an_interrupted_item_never_reaches_the_application(
    rt: type[Realtime],
) -> None:
    chunks = [
        RealtimeModelAudioEvent(
            data=bytes([n]) * 480, response_id="r1", item_id="i1", content_index=0
        )
        for n in range(5)
    ]
    model = ScriptedRealtimeModel(
        [
            RealtimeStep(
                expect=RealtimeModelSendInterrupt,
                emit=[RealtimeModelAudioInterruptedEvent(item_id="i1", content_index=0)],
            )
        ]
    )
    async with await RealtimeRunner(RealtimeAgent(name="a"), model=model).run() as session:
        await model.emit(RealtimeModelTurnStartedEvent(response_id="r1"), *chunks)
        await session.interrupt()  # the application has not read any of the five chunks yet
        watch = rt.Watch(session)
        await watch.until("audio_interrupted")
    assert watch.of("audio") == []
    assert not [e for e in watch.raw if e.data.type == "audio"]


async def test_a_connect_error_leaves_the_session_closed() -> None:
    model = ScriptedRealtimeModel(connect_error=ConnectionError("no route"))
    with pytest.raises(ConnectionError):
        async with await RealtimeRunner(RealtimeAgent(name="a"), model=model).run():
            pass
    assert model.listeners == ()
    with pytest.raises(Exception, match="not both"):
        ScriptedRealtimeModel(
            connect_events=[RealtimeModelTurnEndedEvent()], connect_error=ValueError()
        )


def test_a_step_emits_or_raises_not_both() -> None:
    with pytest.raises(Exception, match="not both"):
        RealtimeStep(expect=Any, emit=[RealtimeModelTurnEndedEvent()], error=ValueError())
