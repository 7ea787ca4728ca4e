"""The scripted voice doubles record their calls and refuse to go beyond their script."""

from __future__ import annotations

import numpy as np
import pytest

from agents_core.exceptions import AgentsException, ModelScriptError
from agents_voice import AudioInput, StreamedAudioInput, STTModelSettings, TTSModelSettings
from agents_voice.testing import (
    ScriptedSTTModel,
    ScriptedTranscriptionSession,
    ScriptedTTSModel,
    ScriptedVoiceWorkflow,
    TTSResult,
    UnconsumedVoiceSteps,
    UnexpectedVoiceCall,
    VoiceScriptError,
    pcm16_samples,
)


def test_the_script_errors_are_agents_exceptions() -> None:
    assert issubclass(VoiceScriptError, ModelScriptError)
    assert issubclass(UnexpectedVoiceCall, VoiceScriptError)
    assert issubclass(UnconsumedVoiceSteps, AgentsException)


async def test_the_stt_model_records_copies_of_its_calls() -> None:
    stt = ScriptedSTTModel(["one", ValueError("two")], model_name="my-stt")
    recording = AudioInput(np.array([1, 2, 3], dtype=np.int16))
    settings = STTModelSettings(language="en")
    assert await stt.transcribe(recording, settings, True, False) == "one"
    recording.buffer[0] = 99
    settings.language = "fr"
    with pytest.raises(ValueError, match="two"):
        await stt.transcribe(recording, settings, False, True)
    with pytest.raises(UnexpectedVoiceCall) as caught:
        await stt.transcribe(recording, settings, True, True)
    assert caught.value.operation == "static_transcription"
    first = stt.calls[0]
    assert first.input.buffer.tolist() == [1, 2, 3] and first.settings.language == "en"
    assert (first.trace_include_sensitive_data, first.trace_include_sensitive_audio_data) == (
        True,
        False,
    )
    assert stt.model_name == "my-stt" and len(stt.calls) == 3
    stt.assert_complete()


async def test_the_stt_model_hands_out_sessions() -> None:
    given = ScriptedTranscriptionSession(["a"])
    stt = ScriptedSTTModel(sessions=[given, ["b", "c"], RuntimeError("no session")])
    audio_input = StreamedAudioInput()
    assert await stt.create_session(audio_input, STTModelSettings(), True, True) is given
    second = await stt.create_session(audio_input, STTModelSettings(), True, True)
    assert [turn async for turn in second.transcribe_turns()] == ["b", "c"]
    with pytest.raises(RuntimeError, match="no session"):
        await stt.create_session(audio_input, STTModelSettings(), True, True)
    with pytest.raises(UnconsumedVoiceSteps, match="1 scripted transcription turns"):
        stt.assert_complete()  # "a" was never read
    assert stt.session_calls[0].input is audio_input
    assert stt.created_sessions == (given, second)


async def test_a_session_ends_when_closed_and_reports_its_close_error() -> None:
    session = ScriptedTranscriptionSession(["a", "b"], close_error=OSError("close failed"))
    turns = session.transcribe_turns()
    assert await anext(turns) == "a"
    with pytest.raises(OSError, match="close failed"):
        await session.close()
    assert [turn async for turn in turns] == []
    await session.close()
    assert session.close_calls == 2 and session.closed


async def test_the_tts_model_yields_its_chunks_and_records_calls() -> None:
    tts = ScriptedTTSModel([TTSResult([b"\x01\x00"]), [b"\x02\x00", b"\x03\x00"], KeyError("x")])
    settings = TTSModelSettings(voice="nova")
    assert [chunk async for chunk in tts.run("one", settings)] == [b"\x01\x00"]
    assert [chunk async for chunk in tts.run("two", settings)] == [b"\x02\x00", b"\x03\x00"]
    with pytest.raises(KeyError):
        async for _ in tts.run("three", settings):
            pass
    with pytest.raises(UnexpectedVoiceCall, match="'four'"):
        async for _ in tts.run("four", settings):
            pass
    assert [call.text for call in tts.calls] == ["one", "two", "three", "four"]
    assert tts.calls[0].settings.voice == "nova" and tts.calls[0].settings is not settings
    tts.assert_complete()
    with pytest.raises(UnconsumedVoiceSteps):
        ScriptedTTSModel([[b""]]).assert_complete()


async def test_the_workflow_answers_turns_and_greets_once() -> None:
    workflow = ScriptedVoiceWorkflow(["one", ["t", "wo"], ValueError("three")], start="hello")
    with pytest.raises(UnconsumedVoiceSteps, match="4 scripted workflow steps"):
        workflow.assert_complete()
    assert [piece async for piece in workflow.on_start()] == ["hello"]
    with pytest.raises(UnexpectedVoiceCall, match="twice"):
        async for _ in workflow.on_start():
            pass
    assert [piece async for piece in workflow.run("1")] == ["one"]
    assert [piece async for piece in workflow.run("2")] == ["t", "wo"]
    with pytest.raises(ValueError, match="three"):
        async for _ in workflow.run("3"):
            pass
    with pytest.raises(UnexpectedVoiceCall) as caught:
        async for _ in workflow.run("4"):
            pass
    assert caught.value.operation == "workflow_turn"
    assert workflow.transcriptions == ("1", "2", "3", "4")
    workflow.assert_complete()
    assert [piece async for piece in ScriptedVoiceWorkflow().on_start()] == []


def test_pcm16_samples_are_little_endian() -> None:
    assert pcm16_samples([1, -1, 256]) == b"\x01\x00\xff\xff\x00\x01"
