"""agents-voice: voice assistants on any agent: speech to text, a workflow, text to speech,
streamed end to end.

::

    from agents import Agent
    from agents_voice import AudioInput, SingleAgentVoiceWorkflow, VoicePipeline

    pipeline = VoicePipeline(workflow=SingleAgentVoiceWorkflow(Agent(name="Assistant")))
    result = await pipeline.run(AudioInput.from_file("question.wav"))
    async for event in result.stream():
        if event.type == "voice_stream_event_audio":
            play(event.data)

The API is that of OpenAI's Agents SDK (``agents.voice``), with OpenAI's speech models over
``agents_openai``. Names load on first use, so ``import agents_voice`` does not import numpy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Public name -> the public module that defines it.
_EXPORTS: dict[str, str] = {
    "AudioFileError": "exceptions",
    "AudioInput": "input",
    "OpenAISTTModel": "models.openai_stt",
    "OpenAISTTTranscriptionSession": "models.openai_stt",
    "OpenAITTSModel": "models.openai_tts",
    "OpenAIVoiceModelProvider": "models.openai_model_provider",
    "STTModel": "model",
    "STTModelSettings": "model",
    "STTWebsocketConnectionError": "exceptions",
    "SingleAgentVoiceWorkflow": "workflow",
    "SingleAgentWorkflowCallbacks": "workflow",
    "StreamedAudioInput": "input",
    "StreamedAudioResult": "result",
    "StreamedTranscriptionSession": "model",
    "TTSCustomVoice": "model",
    "TTSModel": "model",
    "TTSModelSettings": "model",
    "TTSVoice": "model",
    "TranscriptionFailedError": "exceptions",
    "VoiceModelProvider": "model",
    "VoicePipeline": "pipeline",
    "VoicePipelineConfig": "pipeline_config",
    "VoiceStreamEvent": "events",
    "VoiceStreamEventAudio": "events",
    "VoiceStreamEventError": "events",
    "VoiceStreamEventLifecycle": "events",
    "VoiceWorkflowBase": "workflow",
    "VoiceWorkflowHelper": "workflow",
    "get_sentence_based_splitter": "utils",
    "write_audio": "audio",
}

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
    module_name = _EXPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module 'agents_voice' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module_name}"), name)
    globals()[name] = value  # later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:
    from .audio import write_audio as write_audio
    from .events import VoiceStreamEvent as VoiceStreamEvent
    from .events import VoiceStreamEventAudio as VoiceStreamEventAudio
    from .events import VoiceStreamEventError as VoiceStreamEventError
    from .events import VoiceStreamEventLifecycle as VoiceStreamEventLifecycle
    from .exceptions import AudioFileError as AudioFileError
    from .exceptions import STTWebsocketConnectionError as STTWebsocketConnectionError
    from .exceptions import TranscriptionFailedError as TranscriptionFailedError
    from .input import AudioInput as AudioInput
    from .input import StreamedAudioInput as StreamedAudioInput
    from .model import StreamedTranscriptionSession as StreamedTranscriptionSession
    from .model import STTModel as STTModel
    from .model import STTModelSettings as STTModelSettings
    from .model import TTSCustomVoice as TTSCustomVoice
    from .model import TTSModel as TTSModel
    from .model import TTSModelSettings as TTSModelSettings
    from .model import TTSVoice as TTSVoice
    from .model import VoiceModelProvider as VoiceModelProvider
    from .models.openai_model_provider import OpenAIVoiceModelProvider as OpenAIVoiceModelProvider
    from .models.openai_stt import OpenAISTTModel as OpenAISTTModel
    from .models.openai_stt import OpenAISTTTranscriptionSession as OpenAISTTTranscriptionSession
    from .models.openai_tts import OpenAITTSModel as OpenAITTSModel
    from .pipeline import VoicePipeline as VoicePipeline
    from .pipeline_config import VoicePipelineConfig as VoicePipelineConfig
    from .result import StreamedAudioResult as StreamedAudioResult
    from .utils import get_sentence_based_splitter as get_sentence_based_splitter
    from .workflow import SingleAgentVoiceWorkflow as SingleAgentVoiceWorkflow
    from .workflow import SingleAgentWorkflowCallbacks as SingleAgentWorkflowCallbacks
    from .workflow import VoiceWorkflowBase as VoiceWorkflowBase
    from .workflow import VoiceWorkflowHelper as VoiceWorkflowHelper
