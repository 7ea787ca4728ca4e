"""``agents.voice``: voice pipelines (speech to text, a workflow, text to speech), from
``agents_voice``; needs ``pip install 'agents[voice]'``.

Names load on first use, so ``import agents.voice`` does not import numpy until one is used.
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import TYPE_CHECKING, Any

if importlib.util.find_spec("agents_voice") is None:  # pragma: no cover - depends on the install
    raise ModuleNotFoundError(
        "agents.voice needs the 'agents-voice' distribution: pip install 'agents[voice]'",
        name="agents_voice",
    )

__all__ = (
    "AudioFileError",
    "AudioInput",
    "OpenAISTTModel",
    "OpenAISTTTranscriptionSession",
    "OpenAITTSModel",
    "OpenAIVoiceModelProvider",
    "STTModel",
    "STTModelSettings",
    "STTWebsocketConnectionError",
    "SingleAgentVoiceWorkflow",
    "SingleAgentWorkflowCallbacks",
    "StreamedAudioInput",
    "StreamedAudioResult",
    "StreamedTranscriptionSession",
    "TTSCustomVoice",
    "TTSModel",
    "TTSModelSettings",
    "TTSVoice",
    "TranscriptionFailedError",
    "VoiceModelProvider",
    "VoicePipeline",
    "VoicePipelineConfig",
    "VoiceStreamEvent",
    "VoiceStreamEventAudio",
    "VoiceStreamEventError",
    "VoiceStreamEventLifecycle",
    "VoiceWorkflowBase",
    "VoiceWorkflowHelper",
    "get_sentence_based_splitter",
    "write_audio",
)


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module 'agents.voice' has no attribute {name!r}")
    value = getattr(importlib.import_module("agents_voice"), name)
    globals()[name] = value  # later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:
    from agents_voice import AudioFileError as AudioFileError
    from agents_voice import AudioInput as AudioInput
    from agents_voice import OpenAISTTModel as OpenAISTTModel
    from agents_voice import OpenAISTTTranscriptionSession as OpenAISTTTranscriptionSession
    from agents_voice import OpenAITTSModel as OpenAITTSModel
    from agents_voice import OpenAIVoiceModelProvider as OpenAIVoiceModelProvider
    from agents_voice import SingleAgentVoiceWorkflow as SingleAgentVoiceWorkflow
    from agents_voice import SingleAgentWorkflowCallbacks as SingleAgentWorkflowCallbacks
    from agents_voice import StreamedAudioInput as StreamedAudioInput
    from agents_voice import StreamedAudioResult as StreamedAudioResult
    from agents_voice import StreamedTranscriptionSession as StreamedTranscriptionSession
    from agents_voice import STTModel as STTModel
    from agents_voice import STTModelSettings as STTModelSettings
    from agents_voice import STTWebsocketConnectionError as STTWebsocketConnectionError
    from agents_voice import TranscriptionFailedError as TranscriptionFailedError
    from agents_voice import TTSCustomVoice as TTSCustomVoice
    from agents_voice import TTSModel as TTSModel
    from agents_voice import TTSModelSettings as TTSModelSettings
    from agents_voice import TTSVoice as TTSVoice
    from agents_voice import VoiceModelProvider as VoiceModelProvider
    from agents_voice import VoicePipeline as VoicePipeline
    from agents_voice import VoicePipelineConfig as VoicePipelineConfig
    from agents_voice import VoiceStreamEvent as VoiceStreamEvent
    from agents_voice import VoiceStreamEventAudio as VoiceStreamEventAudio
    from agents_voice import VoiceStreamEventError as VoiceStreamEventError
    from agents_voice import VoiceStreamEventLifecycle as VoiceStreamEventLifecycle
    from agents_voice import VoiceWorkflowBase as VoiceWorkflowBase
    from agents_voice import VoiceWorkflowHelper as VoiceWorkflowHelper
    from agents_voice import get_sentence_based_splitter as get_sentence_based_splitter
    from agents_voice import write_audio as write_audio
