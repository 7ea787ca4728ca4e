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
``/chat/completions`` and the Conversations API, records every request, and injects faults:
error statuses with and without ``Retry-After``, slow replies, streams cut off half-way, and
malformed JSON or events.
"""

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
from ._server import Validator as Validator
from ._transport import RecordedRequest as RecordedRequest

__all__ = (
    "ErrorReply",
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
    "StreamReply",
    "Validator",
)
