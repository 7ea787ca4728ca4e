"""Child of ``openai_types_bench.py``: a mock OpenAI server streaming replies of any length.

It is ``agents_openai.testing.FakeOpenAIServer`` with a responder that answers a streamed request
whose input is ``"deltas=N"`` with a reply of ``N`` words (one text delta each), rendered once per
length and API and then served from memory. It listens on 127.0.0.1, prints ``PORT <n>`` when
ready, and serves until stdin closes.

    python _openai_types_server_child.py
"""

from __future__ import annotations

import asyncio
import sys
import time
from typing import Any

from agents_openai.testing import FakeOpenAIServer, RawReply, RecordedRequest
from agents_openai.testing._wire import (
    chat_chunks,
    response_events,
    response_object,
    sse_event,
    usage_json,
)

API_KEY = "sk-bench-not-a-real-key"
MODEL = "gpt-4.1"


def _message(words: int) -> dict[str, Any]:
    text = " ".join(f"w{i}" for i in range(words))
    return {
        "type": "message",
        "id": "msg_bench",
        "role": "assistant",
        "status": "completed",
        "content": [{"type": "output_text", "text": text, "annotations": [], "logprobs": []}],
    }


def _render(api: str, words: int) -> RawReply:
    usage = usage_json(None)
    output = [_message(words)]
    if api == "responses":
        response = response_object(
            response_id="resp_bench",
            request={"model": MODEL},
            output=output,
            usage=usage,
            status="completed",
            created_at=int(time.time()),
        )
        events = b"".join(sse_event(event) for event in response_events(response))
        return RawReply(events, content_type="text/event-stream")
    chunks = chat_chunks(
        completion_id="chatcmpl-bench", model=MODEL, output=output, usage=usage, include_usage=True
    )
    body = b"".join(sse_event(chunk, named=False) for chunk in chunks) + sse_event("[DONE]")
    return RawReply(body, content_type="text/event-stream")


def _responder() -> Any:
    rendered: dict[tuple[str, int], RawReply] = {}

    def respond(request: RecordedRequest) -> RawReply:
        body = request.json
        api = "responses" if request.path.endswith("/responses") else "chat"
        items = body["input"] if api == "responses" else body["messages"]
        words = int(str(items[-1]["content"]).removeprefix("deltas="))
        reply = rendered.get((api, words))
        if reply is None:
            reply = rendered[(api, words)] = _render(api, words)
        return reply

    return respond


async def main() -> None:
    server = FakeOpenAIServer(api_key=API_KEY, responder=_responder(), record_requests=False)
    async with server:
        print(f"PORT {server.port}", flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)


if __name__ == "__main__":
    asyncio.run(main())
