"""The public surface: OpenAI's Agents SDK's ``agents.voice`` names at its module paths, each
``__all__`` exactly what its module exports, documented, and loaded lazily."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import subprocess
import sys

import numpy as np
import pytest

import agents_voice
from agents_core.exceptions import AgentsException

# The official SDK's public names (openai-agents 0.24.0), module by module.
OFFICIAL: dict[str, set[str]] = {
    "": {
        "AudioInput",
        "StreamedAudioInput",
        "STTModel",
        "STTModelSettings",
        "TTSCustomVoice",
        "TTSModel",
        "TTSModelSettings",
        "TTSVoice",
        "VoiceModelProvider",
        "StreamedAudioResult",
        "SingleAgentVoiceWorkflow",
        "OpenAIVoiceModelProvider",
        "OpenAISTTModel",
        "OpenAITTSModel",
        "VoiceStreamEventAudio",
        "VoiceStreamEventError",
        "VoiceStreamEventLifecycle",
        "VoiceStreamEvent",
        "VoicePipeline",
        "VoicePipelineConfig",
        "get_sentence_based_splitter",
        "VoiceWorkflowHelper",
        "VoiceWorkflowBase",
        "SingleAgentWorkflowCallbacks",
        "StreamedTranscriptionSession",
        "OpenAISTTTranscriptionSession",
        "STTWebsocketConnectionError",
    },
    "events": {
        "VoiceStreamEvent",
        "VoiceStreamEventAudio",
        "VoiceStreamEventError",
        "VoiceStreamEventLifecycle",
    },
    "exceptions": {"STTWebsocketConnectionError"},
    "input": {"AudioInput", "StreamedAudioInput", "DEFAULT_SAMPLE_RATE"},
    "model": {
        "StreamedTranscriptionSession",
        "STTModel",
        "STTModelSettings",
        "TTSCustomVoice",
        "TTSModel",
        "TTSModelSettings",
        "TTSVoice",
        "VoiceModelProvider",
        "DEFAULT_TTS_INSTRUCTIONS",
        "DEFAULT_TTS_BUFFER_SIZE",
    },
    "models.openai_model_provider": {
        "OpenAIVoiceModelProvider",
        "DEFAULT_STT_MODEL",
        "DEFAULT_TTS_MODEL",
    },
    "models.openai_stt": {
        "OpenAISTTModel",
        "OpenAISTTTranscriptionSession",
        "DEFAULT_TURN_DETECTION",
        "EVENT_INACTIVITY_TIMEOUT",
        "SESSION_CREATION_TIMEOUT",
        "SESSION_UPDATE_TIMEOUT",
    },
    "models.openai_tts": {"OpenAITTSModel", "DEFAULT_VOICE"},
    "pipeline": {"VoicePipeline"},
    "pipeline_config": {"VoicePipelineConfig"},
    "result": {"StreamedAudioResult"},
    "testing": {
        "STTCall",
        "STTSessionCall",
        "ScriptedSTTModel",
        "ScriptedTTSModel",
        "ScriptedTranscriptionSession",
        "ScriptedVoiceWorkflow",
        "TTSCall",
        "TTSResult",
        "UnconsumedVoiceSteps",
        "UnexpectedVoiceCall",
        "VoiceScriptError",
        "pcm16_samples",
    },
    "utils": {"get_sentence_based_splitter"},
    "workflow": {
        "SingleAgentVoiceWorkflow",
        "SingleAgentWorkflowCallbacks",
        "VoiceWorkflowBase",
        "VoiceWorkflowHelper",
    },
}
OURS = sorted({*OFFICIAL, "audio"})


def _module(name: str, root: str = "agents_voice") -> object:
    return importlib.import_module(f"{root}.{name}" if name else root)


@pytest.mark.parametrize("name", OURS)
def test_each_public_module_exports_its_all(name: str) -> None:
    module = _module(name)
    exported = module.__all__  # type: ignore[attr-defined]
    assert isinstance(exported, tuple) and len(set(exported)) == len(exported)
    for public in exported:
        value = getattr(module, public)
        if inspect.isclass(value) or inspect.isfunction(value):
            assert inspect.getdoc(value), f"{name}.{public} has no docstring"


@pytest.mark.parametrize("name", sorted(OFFICIAL))
def test_the_official_names_are_at_the_official_paths(name: str) -> None:
    ours = set(_module(name).__all__)  # type: ignore[attr-defined]
    assert OFFICIAL[name] <= ours, OFFICIAL[name] - ours
    facade = _module(name, "agents.voice")
    assert facade.__all__ == _module(name).__all__  # type: ignore[attr-defined]
    for public in facade.__all__:  # type: ignore[attr-defined]
        assert getattr(facade, public) is getattr(_module(name), public)


def test_every_voice_exception_is_an_agents_exception_reachable_from_the_facade() -> None:
    import agents.voice
    import agents.voice.exceptions
    import agents_voice.exceptions

    for name in agents_voice.exceptions.__all__:
        error = getattr(agents_voice.exceptions, name)
        assert issubclass(error, AgentsException)
        assert getattr(agents.voice.exceptions, name) is error
        assert getattr(agents.voice, name) is error


def test_unknown_names_are_attribute_errors() -> None:
    import agents.voice

    with pytest.raises(AttributeError, match="'Nope'"):
        agents_voice.Nope  # noqa: B018
    with pytest.raises(AttributeError, match="'Nope'"):
        agents.voice.Nope  # noqa: B018
    assert set(agents_voice._EXPORTS) == set(agents_voice.__all__)


@pytest.mark.parametrize("statement", ["import agents_voice", "import agents.voice"])
def test_importing_is_lazy(statement: str) -> None:
    out = subprocess.run(
        [sys.executable, "-c", f"{statement}; import sys; print('\\n'.join(sys.modules))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    for heavy in ("numpy", "soundfile", "websockets", "httpx2", "agents_openai"):
        assert heavy not in out, heavy


def test_signatures_are_the_official_ones() -> None:
    def parameters(callable_: object) -> list[tuple[str, str]]:
        signature = inspect.signature(callable_)  # type: ignore[arg-type]
        return [(p.name, p.kind.name) for p in signature.parameters.values()]

    assert parameters(agents_voice.VoicePipeline) == [
        ("workflow", "KEYWORD_ONLY"),
        ("stt_model", "KEYWORD_ONLY"),
        ("tts_model", "KEYWORD_ONLY"),
        ("config", "KEYWORD_ONLY"),
    ]
    assert parameters(agents_voice.SingleAgentVoiceWorkflow) == [
        ("agent", "POSITIONAL_OR_KEYWORD"),
        ("callbacks", "POSITIONAL_OR_KEYWORD"),
        ("context", "KEYWORD_ONLY"),
    ]
    assert [name for name, _ in parameters(agents_voice.STTModel.transcribe)] == [
        "self",
        "input",
        "settings",
        "trace_include_sensitive_data",
        "trace_include_sensitive_audio_data",
    ]
    assert [name for name, _ in parameters(agents_voice.OpenAIVoiceModelProvider)][:5] == [
        "api_key",
        "base_url",
        "openai_client",
        "organization",
        "project",
    ]
    assert parameters(agents_voice.StreamedAudioResult) == [
        ("tts_model", "POSITIONAL_OR_KEYWORD"),
        ("tts_settings", "POSITIONAL_OR_KEYWORD"),
        ("voice_pipeline_config", "POSITIONAL_OR_KEYWORD"),
    ]


def test_settings_and_their_defaults_are_the_official_ones() -> None:
    def defaults(cls: type) -> dict[str, object]:
        result = {}
        for field in dataclasses.fields(cls):
            if field.default is not dataclasses.MISSING:
                result[field.name] = field.default
        return result

    assert defaults(agents_voice.TTSModelSettings) == {
        "voice": None,
        "buffer_size": 120,
        "dtype": np.int16,
        "transform_data": None,
        "instructions": (
            "You will receive partial sentences. Do not complete the sentence just read out "
            "the text."
        ),
        "speed": None,
    }
    assert defaults(agents_voice.STTModelSettings) == {
        "prompt": None,
        "language": None,
        "temperature": None,
        "turn_detection": None,
        "languages": None,
        "keywords": None,
    }
    config = agents_voice.VoicePipelineConfig()
    assert (config.workflow_name, config.tracing_disabled, config.barge_in) == (
        "Voice Agent",
        False,
        True,
    )
    assert config.trace_include_sensitive_data and config.trace_include_sensitive_audio_data
    assert isinstance(config.model_provider, agents_voice.OpenAIVoiceModelProvider)
    assert config.group_id.startswith("group_")
