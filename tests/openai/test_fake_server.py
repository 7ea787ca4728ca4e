"""The fake OpenAI server itself: scripting, recording, faults, and use from synchronous code."""

from __future__ import annotations

import json
import threading
from collections.abc import AsyncIterator

import httpx2
import pytest

from agents_core import Agent, Model, RunConfig, Runner, function_tool
from agents_core.testing import function_call
from agents_openai import BadRequestError, OpenAIProvider, WebSearchTool
from agents_openai.testing import (
    FakeOpenAIServer,
    Gate,
    ModelReply,
    RecordedRequest,
    Reply,
    Validator,
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


async def test_a_call_to_a_function_the_request_did_not_offer_is_refused(
    server: FakeOpenAIServer, model: Model
) -> None:
    @function_tool
    def known() -> str:
        """A tool the agent has."""
        return "ok"

    billing = Agent(name="Billing", model=model)
    agent = Agent(name="a", model=model, tools=[known], handoffs=[billing])
    server.add(ModelReply([function_call("transfer_to_support", {}, call_id="h")]))

    with pytest.raises(BadRequestError) as info:
        await Runner.run(agent, "hi")

    message = str(info.value)
    assert "'transfer_to_support'" in message and "did not offer" in message
    assert "known, transfer_to_billing" in message and "allow_unoffered_calls" in message
    assert server.script_errors == [info.value.server_message]


async def test_a_hosted_tool_call_needs_its_tool_in_the_request(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    search = {
        "type": "web_search_call",
        "id": "ws_1",
        "status": "completed",
        "action": {"type": "search", "query": "x"},
    }
    server.add(ModelReply([search, "found"]), ModelReply([search, "found"]))
    bare = Agent(name="a", model=provider.get_model("gpt-4.1"))
    with pytest.raises(BadRequestError, match="no 'web_search' tool"):
        await Runner.run(bare, "search")
    searching = bare.clone(tools=[WebSearchTool()])
    assert (await Runner.run(searching, "search")).final_output == "found"


async def test_unoffered_calls_can_be_allowed_for_unknown_tool_tests(
    spec_validator: Validator | None,
) -> None:
    async with FakeOpenAIServer(validator=spec_validator, allow_unoffered_calls=True) as fake:
        fake.add(ModelReply([function_call("missing", {}, call_id="c")]), "recovered")
        provider = fake.provider()
        agent = Agent(name="a", model=provider.get_model("gpt-4.1"))
        config = RunConfig(tool_not_found_behavior="return_error_to_model")
        result = await Runner.run(agent, "go", run_config=config)
        await provider.aclose()
    assert result.final_output == "recovered"
    assert "Tool 'missing' not found" in fake.model_requests()[1].view.function_outputs["c"]
    assert fake.script_errors == [] and fake.conformance_errors == []
