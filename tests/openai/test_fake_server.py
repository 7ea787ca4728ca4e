"""The fake OpenAI server itself: scripting, recording, faults, and use from synchronous code."""

from __future__ import annotations

import json
import threading
from collections.abc import AsyncIterator

import httpx2
import pytest

from agents_core import Agent, Runner
from agents_openai import BadRequestError, OpenAIProvider
from agents_openai.testing import (
    FakeOpenAIServer,
    Gate,
    ModelReply,
    RecordedRequest,
    Reply,
)


async def test_a_responder_answers_from_the_request(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    def echo(request: RecordedRequest) -> Reply | None:
        text = request.json["input"][0]["content"]
        return None if text == "queued" else ModelReply([f"echo: {text}"])

    server.responder = echo
    server.add("from the queue")
    agent = Agent(name="e", model=provider.get_model("gpt-4.1"))

    assert (await Runner.run(agent, "ping")).final_output == "echo: ping"
    assert (await Runner.run(agent, "queued")).final_output == "from the queue"
    server.assert_complete()


async def test_running_out_of_replies_is_a_clear_bad_request(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    with pytest.raises(BadRequestError, match="no scripted reply left"):
        await Runner.run(Agent(name="e", model=provider.get_model("gpt-4.1")), "hi")


def test_assert_complete_reports_unused_replies() -> None:
    server = FakeOpenAIServer()
    server.add("unused", ["a", "b"])
    assert server.pending_replies == 2
    with pytest.raises(AssertionError, match="2 scripted replies"):
        server.assert_complete()
    with pytest.raises(TypeError):
        server.add(42)


async def test_unknown_endpoints_and_wrong_keys_answer_like_the_api(
    server: FakeOpenAIServer,
) -> None:
    async with httpx2.AsyncClient(base_url=server.url) as http:
        unknown = await http.get("/v1/files", headers={"Authorization": f"Bearer {server.api_key}"})
        no_key = await http.post("/v1/responses", json={"model": "m", "input": "x"})
    assert unknown.status_code == 404
    assert no_key.status_code == 401
    assert no_key.json()["error"]["code"] == "invalid_api_key"
    assert no_key.headers["x-request-id"] == "req_fake_2"


async def test_requests_are_recorded_with_chunked_bodies(server: FakeOpenAIServer) -> None:
    server.add("ok")

    async def body() -> AsyncIterator[bytes]:
        yield json.dumps({"model": "gpt-4.1", "input": "hi"}).encode()

    headers = {"Authorization": f"Bearer {server.api_key}", "Content-Type": "application/json"}
    async with httpx2.AsyncClient(base_url=server.base_url) as http:
        response = await http.post("/responses?x=1", content=body(), headers=headers)
    assert response.status_code == 200
    request = server.requests[0]
    assert request.method == "POST" and request.path == "/v1/responses"
    assert request.query == {"x": "1"} and request.json == {"model": "gpt-4.1", "input": "hi"}
    assert request.headers["transfer-encoding"] == "chunked"


def test_a_gate_can_be_opened_from_another_thread() -> None:
    with FakeOpenAIServer() as server:
        gate = Gate()
        server.add(ModelReply("held back", pause_after=2, gate=gate))
        opener = threading.Timer(0.05, gate.open)
        opener.start()
        with httpx2.Client(base_url=server.base_url, headers={"Connection": "close"}) as http:
            response = http.post(
                "/responses",
                json={"model": "gpt-4.1", "input": "hi", "stream": True},
                headers={"Authorization": f"Bearer {server.api_key}"},
            )
        opener.join()
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    assert response.text.count("event: ") == len(response.text.split("\n\n")) - 1
    assert "response.completed" in response.text
