"""Test doubles for voice pipelines.

Scripted doubles that record their calls: ``ScriptedSTTModel`` (with
``ScriptedTranscriptionSession``), ``ScriptedTTSModel`` and ``ScriptedVoiceWorkflow``.

Fakes of OpenAI's services on 127.0.0.1, for end-to-end tests over the real wire:
``FakeTranscriptionServer`` (the realtime transcription websocket, with voice activity
detection on the audio it receives) beside ``agents_openai.testing.FakeOpenAIServer`` (the
transcription and speech endpoints, and the model the workflow's agent talks to);
``fake_voice_provider`` points an ``OpenAIVoiceModelProvider`` at them.
"""

from ._provider import fake_voice_provider as fake_voice_provider
from ._scripted import ScriptedSTTModel as ScriptedSTTModel
from ._scripted import ScriptedTranscriptionSession as ScriptedTranscriptionSession
from ._scripted import ScriptedTTSModel as ScriptedTTSModel
from ._scripted import ScriptedVoiceWorkflow as ScriptedVoiceWorkflow
from ._scripted import SpeechStarted as SpeechStarted
from ._scripted import STTCall as STTCall
from ._scripted import STTSessionCall as STTSessionCall
from ._scripted import TTSCall as TTSCall
from ._scripted import TTSResult as TTSResult
from ._scripted import UnconsumedVoiceSteps as UnconsumedVoiceSteps
from ._scripted import UnexpectedVoiceCall as UnexpectedVoiceCall
from ._scripted import VoiceScriptError as VoiceScriptError
from ._scripted import pcm16_samples as pcm16_samples
from ._transcription_server import DropConnection as DropConnection
from ._transcription_server import FakeTranscriptionServer as FakeTranscriptionServer
from ._transcription_server import HeardTurn as HeardTurn
from ._transcription_server import ServerError as ServerError
from ._transcription_server import Transcript as Transcript
from ._transcription_server import TranscriptionFailure as TranscriptionFailure
from ._transcription_server import TranscriptionScript as TranscriptionScript
from ._vad import VoiceActivityDetector as VoiceActivityDetector

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
