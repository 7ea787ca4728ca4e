"""``agents.voice.testing``: Scripted voice doubles and the fake transcription websocket.

Re-exported from ``agents_voice.testing``.
"""

from agents_voice.testing import DropConnection as DropConnection
from agents_voice.testing import FakeTranscriptionServer as FakeTranscriptionServer
from agents_voice.testing import HeardTurn as HeardTurn
from agents_voice.testing import ScriptedSTTModel as ScriptedSTTModel
from agents_voice.testing import ScriptedTranscriptionSession as ScriptedTranscriptionSession
from agents_voice.testing import ScriptedTTSModel as ScriptedTTSModel
from agents_voice.testing import ScriptedVoiceWorkflow as ScriptedVoiceWorkflow
from agents_voice.testing import ServerError as ServerError
from agents_voice.testing import SpeechStarted as SpeechStarted
from agents_voice.testing import STTCall as STTCall
from agents_voice.testing import STTSessionCall as STTSessionCall
from agents_voice.testing import Transcript as Transcript
from agents_voice.testing import TranscriptionFailure as TranscriptionFailure
from agents_voice.testing import TranscriptionScript as TranscriptionScript
from agents_voice.testing import TTSCall as TTSCall
from agents_voice.testing import TTSResult as TTSResult
from agents_voice.testing import UnconsumedVoiceSteps as UnconsumedVoiceSteps
from agents_voice.testing import UnexpectedVoiceCall as UnexpectedVoiceCall
from agents_voice.testing import VoiceActivityDetector as VoiceActivityDetector
from agents_voice.testing import VoiceScriptError as VoiceScriptError
from agents_voice.testing import fake_voice_provider as fake_voice_provider
from agents_voice.testing import pcm16_samples as pcm16_samples

__all__ = (
    "DropConnection",
    "FakeTranscriptionServer",
    "HeardTurn",
    "STTCall",
    "STTSessionCall",
    "ScriptedSTTModel",
    "ScriptedTTSModel",
    "ScriptedTranscriptionSession",
    "ScriptedVoiceWorkflow",
    "ServerError",
    "SpeechStarted",
    "TTSCall",
    "TTSResult",
    "Transcript",
    "TranscriptionFailure",
    "TranscriptionScript",
    "UnconsumedVoiceSteps",
    "UnexpectedVoiceCall",
    "VoiceActivityDetector",
    "VoiceScriptError",
    "fake_voice_provider",
    "pcm16_samples",
)
