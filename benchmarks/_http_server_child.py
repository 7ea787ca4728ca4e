"""Child of ``http_bench.py``: the local mock OpenAI servers every client is measured against.

Two ``agents_openai.testing.FakeOpenAIServer``s with a responder that answers from bodies
rendered once at start-up, so the servers' own cost is small and the same for every client.
Both send streams as OpenAI does, with chunked transfer encoding, one chunk (one write) per
event: the first as fast as it can (other connections get their turn between events), the
second ``PACED_INTERVAL`` seconds apart, so that every event reaches the client in a read of
its own. They listen on 127.0.0.1, print ``PORT <n> <paced n>`` on stdout when ready, and serve
until stdin closes.

    python _http_server_child.py
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from typing import Any

from agents_openai.testing import FakeOpenAIServer, RawReply, RecordedRequest, StreamReply
from agents_openai.testing._wire import (
    chat_chunks,
    chat_completion,
    response_events,
    response_object,
    sse_event,
    usage_json,
)

API_KEY = "sk-bench-not-a-real-key"
MODEL = "gpt-4.1"
STREAM_DELTAS = 200
FINAL_TEXT = "done"
TOOL_NAME = "double"
PACED_INTERVAL = 0.001


def _message(text: str) -> dict[str, Any]:
    return {
        "type": "message",
        "id": "msg_bench",
        "role": "assistant",
        "status": "completed",
        "content": [{"type": "output_text", "text": text, "annotations": [], "logprobs": []}],
    }


_CALL = {
    "type": "function_call",
    "id": "fc_bench",
    "call_id": "call_bench",
    "name": TOOL_NAME,
    "arguments": '{"x":1}',
    "status": "completed",
}
# 200 words: the fake streams one text delta per word.
STREAM_TEXT = " ".join(f"w{i}" for i in range(STREAM_DELTAS))


def _bodies() -> dict[str, RawReply | StreamReply]:
    usage = usage_json(None)
    request = {"model": MODEL}
    replies: dict[str, RawReply | StreamReply] = {}
    for name, output in (("text", [_message(FINAL_TEXT)]), ("call", [_CALL])):
        response = response_object(
            response_id="resp_bench",
            request=request,
            output=output,
            usage=usage,
            status="completed",
            created_at=int(time.time()),
        )
        replies[f"responses_{name}"] = RawReply(json.dumps(response).encode())
        chat = chat_completion(
            completion_id="chatcmpl-bench", model=MODEL, output=output, usage=usage
        )
        replies[f"chat_{name}"] = RawReply(json.dumps(chat).encode())
    streamed = response_object(
        response_id="resp_bench",
        request=request,
        output=[_message(STREAM_TEXT)],
        usage=usage,
        status="completed",
        created_at=int(time.time()),
    )
    replies["responses_stream"] = StreamReply([sse_event(e) for e in response_events(streamed)])
    chunks = chat_chunks(
        completion_id="chatcmpl-bench",
        model=MODEL,
        output=[_message(STREAM_TEXT)],
        usage=usage,
        include_usage=True,
    )
    events = [sse_event(chunk, named=False) for chunk in chunks]
    replies["chat_stream"] = StreamReply(events, done=True)
    return replies


def _responder(replies: dict[str, RawReply | StreamReply]) -> Any:
    def respond(request: RecordedRequest) -> RawReply | StreamReply:
        body = request.json
        api = "responses" if request.path.endswith("/responses") else "chat"
        if body.get("stream"):
            return replies[f"{api}_stream"]
        if not body.get("tools"):
            return replies[f"{api}_text"]
        items = body["input"] if api == "responses" else body["messages"]
        answered = any(
            item.get("type") == "function_call_output" or item.get("role") == "tool"
            for item in items
        )
        return replies[f"{api}_text"] if answered else replies[f"{api}_call"]

    return respond


async def main() -> None:
    responder = _responder(_bodies())
    servers = [
        FakeOpenAIServer(
            api_key=API_KEY, responder=responder, record_requests=False, event_interval=interval
        )
        for interval in (0, PACED_INTERVAL)
    ]
    async with servers[0], servers[1]:
        print(f"PORT {servers[0].port} {servers[1].port}", flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)


if __name__ == "__main__":
    asyncio.run(main())
