"""``agents.realtime.config``: realtime session configuration.

Re-exports ``agents_realtime.config``; needs ``pip install 'agents[realtime]'``.
"""

from ._require import missing_realtime

try:
    from agents_realtime.config import RealtimeAudioConfig as RealtimeAudioConfig
    from agents_realtime.config import RealtimeAudioFormat as RealtimeAudioFormat
    from agents_realtime.config import RealtimeAudioInputConfig as RealtimeAudioInputConfig
    from agents_realtime.config import RealtimeAudioOutputConfig as RealtimeAudioOutputConfig
    from agents_realtime.config import RealtimeClientMessage as RealtimeClientMessage
    from agents_realtime.config import RealtimeCustomVoice as RealtimeCustomVoice
    from agents_realtime.config import RealtimeGuardrailsSettings as RealtimeGuardrailsSettings
    from agents_realtime.config import (
        RealtimeInputAudioNoiseReductionConfig as RealtimeInputAudioNoiseReductionConfig,
    )
    from agents_realtime.config import (
        RealtimeInputAudioTranscriptionConfig as RealtimeInputAudioTranscriptionConfig,
    )
    from agents_realtime.config import RealtimeModelName as RealtimeModelName
    from agents_realtime.config import RealtimeModelTracingConfig as RealtimeModelTracingConfig
    from agents_realtime.config import RealtimeReasoningConfig as RealtimeReasoningConfig
    from agents_realtime.config import RealtimeReasoningEffort as RealtimeReasoningEffort
    from agents_realtime.config import RealtimeRunConfig as RealtimeRunConfig
    from agents_realtime.config import RealtimeSessionModelSettings as RealtimeSessionModelSettings
    from agents_realtime.config import RealtimeToolChoice as RealtimeToolChoice
    from agents_realtime.config import RealtimeToolExecutionConfig as RealtimeToolExecutionConfig
    from agents_realtime.config import RealtimeTurnDetectionConfig as RealtimeTurnDetectionConfig
    from agents_realtime.config import RealtimeUserInput as RealtimeUserInput
    from agents_realtime.config import RealtimeUserInputImage as RealtimeUserInputImage
    from agents_realtime.config import RealtimeUserInputMessage as RealtimeUserInputMessage
    from agents_realtime.config import RealtimeUserInputText as RealtimeUserInputText
    from agents_realtime.config import RealtimeVoice as RealtimeVoice
    from agents_realtime.config import ToolErrorFormatter as ToolErrorFormatter
    from agents_realtime.config import ToolErrorFormatterArgs as ToolErrorFormatterArgs
except ModuleNotFoundError as exc:  # pragma: no cover - depends on what is installed
    raise missing_realtime(exc) from exc

__all__ = (
    "RealtimeAudioConfig",
    "RealtimeAudioFormat",
    "RealtimeAudioInputConfig",
    "RealtimeAudioOutputConfig",
    "RealtimeClientMessage",
    "RealtimeCustomVoice",
    "RealtimeGuardrailsSettings",
    "RealtimeInputAudioNoiseReductionConfig",
    "RealtimeInputAudioTranscriptionConfig",
    "RealtimeModelName",
    "RealtimeModelTracingConfig",
    "RealtimeReasoningConfig",
    "RealtimeReasoningEffort",
    "RealtimeRunConfig",
    "RealtimeSessionModelSettings",
    "RealtimeToolChoice",
    "RealtimeToolExecutionConfig",
    "RealtimeTurnDetectionConfig",
    "RealtimeUserInput",
    "RealtimeUserInputImage",
    "RealtimeUserInputMessage",
    "RealtimeUserInputText",
    "RealtimeVoice",
    "ToolErrorFormatter",
    "ToolErrorFormatterArgs",
)
