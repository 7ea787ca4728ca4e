"""Test doubles for the OpenAI provider: a fake OpenAI server on 127.0.0.1, scripted per test.

::

    from agents import Agent, Runner
    from agents_openai.testing import FakeOpenAIServer, ModelReply

    async def test_my_agent():
        async with FakeOpenAIServer() as server:
            server.add("Hello!")
            agent = Agent(name="a", model=server.provider().get_model("gpt-4.1"))
            result = await Runner.run(agent, "hi")
        assert result.final_output == "Hello!"

The server speaks OpenAI's real wire format (JSON and server-sent events) for ``/responses``,
``/chat/completions`` and the Conversations API, and the audio endpoints
(``/audio/transcriptions``, ``/audio/speech``, scripted through ``server.audio``); it records
every request, and injects faults: error statuses with and without ``Retry-After``, slow replies,
streams cut off half-way, and malformed JSON or events.
"""

from ._audio import FakeAudio as FakeAudio
from ._audio import SpeechReply as SpeechReply
from ._audio import TranscriptionReply as TranscriptionReply
from ._audio import TranscriptionRequest as TranscriptionRequest
from ._audio import UploadedFile as UploadedFile
from ._audio import fake_speech as fake_speech
from ._replies import ErrorReply as ErrorReply
from ._replies import Gate as Gate
from ._replies import ModelReply as ModelReply
from ._replies import RawReply as RawReply
from ._replies import Reply as Reply
from ._replies import StreamReply as StreamReply
from ._request_view import FunctionCall as FunctionCall
from ._request_view import OfferedFunction as OfferedFunction
from ._request_view import RequestView as RequestView
from ._server import FakeOpenAIServer as FakeOpenAIServer
from ._server import Responder as Responder
from ._server import Route as Route
from ._server import Validator as Validator
from ._transport import RecordedRequest as RecordedRequest

__all__ = (
    "ErrorReply",
    "FakeAudio",
    "FakeOpenAIServer",
    "FunctionCall",
    "Gate",
    "ModelReply",
    "OfferedFunction",
    "RawReply",
    "RecordedRequest",
    "Reply",
    "RequestView",
    "Responder",
    "Route",
    "SpeechReply",
    "StreamReply",
    "TranscriptionReply",
    "TranscriptionRequest",
    "UploadedFile",
    "Validator",
    "fake_speech",
)
