"""The model interfaces of the pipeline and their settings."""

from ._base._models import DEFAULT_TTS_BUFFER_SIZE as DEFAULT_TTS_BUFFER_SIZE
from ._base._models import DEFAULT_TTS_INSTRUCTIONS as DEFAULT_TTS_INSTRUCTIONS
from ._base._models import StreamedTranscriptionSession as StreamedTranscriptionSession
from ._base._models import STTModel as STTModel
from ._base._models import STTModelSettings as STTModelSettings
from ._base._models import TTSCustomVoice as TTSCustomVoice
from ._base._models import TTSModel as TTSModel
from ._base._models import TTSModelSettings as TTSModelSettings
from ._base._models import TTSVoice as TTSVoice
from ._base._models import VoiceModelProvider as VoiceModelProvider

__all__ = (
    "DEFAULT_TTS_BUFFER_SIZE",
    "DEFAULT_TTS_INSTRUCTIONS",
    "STTModel",
    "STTModelSettings",
    "StreamedTranscriptionSession",
    "TTSCustomVoice",
    "TTSModel",
    "TTSModelSettings",
    "TTSVoice",
    "VoiceModelProvider",
)
