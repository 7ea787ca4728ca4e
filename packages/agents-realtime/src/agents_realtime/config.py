"""Configuration of realtime sessions: run config, model settings, audio, turn detection."""

from ._data.config import RealtimeAudioConfig as RealtimeAudioConfig
from ._data.config import RealtimeAudioFormat as RealtimeAudioFormat
from ._data.config import RealtimeAudioInputConfig as RealtimeAudioInputConfig
from ._data.config import RealtimeAudioOutputConfig as RealtimeAudioOutputConfig
from ._data.config import RealtimeClientMessage as RealtimeClientMessage
from ._data.config import RealtimeCustomVoice as RealtimeCustomVoice
from ._data.config import RealtimeGuardrailsSettings as RealtimeGuardrailsSettings
from ._data.config import (
    RealtimeInputAudioNoiseReductionConfig as RealtimeInputAudioNoiseReductionConfig,
)
from ._data.config import (
    RealtimeInputAudioTranscriptionConfig as RealtimeInputAudioTranscriptionConfig,
)
from ._data.config import RealtimeModelName as RealtimeModelName
from ._data.config import RealtimeModelTracingConfig as RealtimeModelTracingConfig
from ._data.config import RealtimeReasoningConfig as RealtimeReasoningConfig
from ._data.config import RealtimeReasoningEffort as RealtimeReasoningEffort
from ._data.config import RealtimeRunConfig as RealtimeRunConfig
from ._data.config import RealtimeSessionModelSettings as RealtimeSessionModelSettings
from ._data.config import RealtimeToolChoice as RealtimeToolChoice
from ._data.config import RealtimeToolExecutionConfig as RealtimeToolExecutionConfig
from ._data.config import RealtimeTurnDetectionConfig as RealtimeTurnDetectionConfig
from ._data.config import RealtimeUserInput as RealtimeUserInput
from ._data.config import RealtimeUserInputImage as RealtimeUserInputImage
from ._data.config import RealtimeUserInputMessage as RealtimeUserInputMessage
from ._data.config import RealtimeUserInputText as RealtimeUserInputText
from ._data.config import RealtimeVoice as RealtimeVoice
from ._data.config import ToolErrorFormatter as ToolErrorFormatter
from ._data.config import ToolErrorFormatterArgs as ToolErrorFormatterArgs

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
