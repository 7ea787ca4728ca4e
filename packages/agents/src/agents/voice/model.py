"""``agents.voice.model``: The model interfaces and their settings.

Re-exported from ``agents_voice.model``.
"""

from agents_voice.model import DEFAULT_TTS_BUFFER_SIZE as DEFAULT_TTS_BUFFER_SIZE
from agents_voice.model import DEFAULT_TTS_INSTRUCTIONS as DEFAULT_TTS_INSTRUCTIONS
from agents_voice.model import StreamedTranscriptionSession as StreamedTranscriptionSession
from agents_voice.model import STTModel as STTModel
from agents_voice.model import STTModelSettings as STTModelSettings
from agents_voice.model import TTSCustomVoice as TTSCustomVoice
from agents_voice.model import TTSModel as TTSModel
from agents_voice.model import TTSModelSettings as TTSModelSettings
from agents_voice.model import TTSVoice as TTSVoice
from agents_voice.model import VoiceModelProvider as VoiceModelProvider

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
