"""Test doubles for realtime agents: a scripted model in memory, and a fake Realtime server.

``ScriptedRealtimeModel`` answers each send from a script and records what was sent::

    model = ScriptedRealtimeModel(
        [RealtimeStep(expect=RealtimeModelSendUserInput, emit=[RealtimeModelTurnStartedEvent()])],
        strict=False,
    )
    async with await RealtimeRunner(agent, model=model).run() as session:
        await session.send_message("Hi")

``FakeRealtimeServer`` speaks OpenAI's Realtime API (GA protocol) over real websockets on
127.0.0.1: scripted responses streamed as audio and transcript (or text), function calls,
voice activity detection on the audio it receives, transcription, cancellation, truncation,
and faults (dropped connections, close codes, malformed frames, refused handshakes)::

    async with FakeRealtimeServer() as server:
        server.add("Hello! How can I help?")
        async with await RealtimeRunner(agent).run(model_config=server.model_config()) as session:
            await session.send_message("Hi")
            ...

Connections are served per intent (``?intent=transcription`` ...): pass ``intents`` to add a
handler for another one.
"""

from ..exceptions import RealtimeScriptError as RealtimeScriptError
from ..exceptions import UnconsumedRealtimeSteps as UnconsumedRealtimeSteps
from ..exceptions import UnexpectedRealtimeSend as UnexpectedRealtimeSend
from ._audio import VoiceActivityDetector as VoiceActivityDetector
from ._audio import speech_for as speech_for
from ._connection import FakeRealtimeConnection as FakeRealtimeConnection
from ._conversation import ConversationHandler as ConversationHandler
from ._conversation import ConversationState as ConversationState
from ._replies import FunctionCallReply as FunctionCallReply
from ._replies import MCPApprovalRequestReply as MCPApprovalRequestReply
from ._replies import MessageReply as MessageReply
from ._replies import RealtimeReply as RealtimeReply
from ._replies import RealtimeResponder as RealtimeResponder
from ._scripted import RealtimeConnectCall as RealtimeConnectCall
from ._scripted import RealtimeSendMatcher as RealtimeSendMatcher
from ._scripted import RealtimeStep as RealtimeStep
from ._scripted import ScriptedRealtimeModel as ScriptedRealtimeModel
from ._server import FakeRealtimeServer as FakeRealtimeServer
from ._server import IntentHandler as IntentHandler
from ._server import Transcriber as Transcriber
from ._server import Validator as Validator

__all__ = (
    "ConversationHandler",
    "ConversationState",
    "FakeRealtimeConnection",
    "FakeRealtimeServer",
    "FunctionCallReply",
    "IntentHandler",
    "MCPApprovalRequestReply",
    "MessageReply",
    "RealtimeConnectCall",
    "RealtimeReply",
    "RealtimeResponder",
    "RealtimeScriptError",
    "RealtimeSendMatcher",
    "RealtimeStep",
    "ScriptedRealtimeModel",
    "Transcriber",
    "UnconsumedRealtimeSteps",
    "UnexpectedRealtimeSend",
    "Validator",
    "VoiceActivityDetector",
    "speech_for",
)
