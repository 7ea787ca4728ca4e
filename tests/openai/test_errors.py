"""Faults: every failure becomes its typed error, retried when it is safe, with the key kept out
of every message, repr and log line."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC
from typing import Any

import pytest

from agents_core import Agent, RawResponsesStreamEvent, Runner
from agents_openai import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    OpenAIProvider,
    PermissionDeniedError,
    RateLimitError,
    ResponseFailedError,
    RetryPolicy,
    StreamInterruptedError,
    UnprocessableEntityError,
)
from agents_openai.testing import ErrorReply, FakeOpenAIServer, ModelReply, RawReply, StreamReply

FAST_RETRIES = RetryPolicy(max_retries=2, initial_delay=0.001, max_delay=0.005)
# Backoff this slow would blow each test's timeout: a test that passes quickly with it proves
# that the server's Retry-After was used instead.
NO_BACKOFF = RetryPolicy(max_retries=1, initial_delay=60, max_delay=60)


def _agent(provider: OpenAIProvider) -> Agent[Any]:
    return Agent(name="e", model=provider.get_model("gpt-4.1"))


async def _stream_all(result: Any) -> list[Any]:
    return [event async for event in result.stream_events()]


@pytest.mark.parametrize(
    ("status", "error_type", "retried"),
    [
        (400, BadRequestError, False),
        (401, AuthenticationError, False),
        (403, PermissionDeniedError, False),
        (404, NotFoundError, False),
        (408, APIStatusError, True),
        (409, ConflictError, True),
        (422, UnprocessableEntityError, False),
        (429, RateLimitError, True),
        (500, InternalServerError, True),
        (503, InternalServerError, True),
    ],
)
async def test_each_status_is_its_own_error(
    server: FakeOpenAIServer,
    provider: OpenAIProvider,
    status: int,
    error_type: type[APIStatusError],
    retried: bool,
) -> None:
    for _ in range(3):
        server.add(ErrorReply(status, f"Failure {status}.", code=f"code_{status}", param="input"))

    with pytest.raises(error_type) as caught:
        await Runner.run(_agent(provider), "hi")

    error = caught.value
    assert type(error) is error_type
    assert error.status_code == status
    assert error.server_message == f"Failure {status}."
    assert error.code == f"code_{status}" and error.param == "input"
    assert f"Failure {status}." in str(error) and str(status) in str(error)
    attempts = 3 if retried else 1
    assert len(server.model_requests()) == attempts
    assert error.request_id == f"req_fake_{attempts}"
    assert error.run_data is not None  # the runner attached what the run had so far


async def test_a_retried_failure_can_still_succeed(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    server.add(ErrorReply(502), ErrorReply(429), "Third time lucky.")
    result = await Runner.run(_agent(provider), "hi")
    assert result.final_output == "Third time lucky."
    assert len(server.model_requests()) == 3


@pytest.mark.timeout(10)
@pytest.mark.parametrize("header", ["retry_after", "retry_after_ms"])
async def test_retry_after_headers_are_honoured(server: FakeOpenAIServer, header: str) -> None:
    delay = {"retry_after": 0.05} if header == "retry_after" else {"retry_after_ms": 50}
    server.add(ErrorReply(429, "Slow down.", **delay), "ok")
    provider = server.provider(retry_policy=NO_BACKOFF)
    try:
        started = time.monotonic()
        result = await Runner.run(_agent(provider), "hi")
        elapsed = time.monotonic() - started
    finally:
        await provider.aclose()
    assert result.final_output == "ok"
    assert 0.05 <= elapsed < 5
    assert server.model_requests()[0].headers["authorization"].startswith("Bearer ")


async def test_rate_limit_error_reports_the_servers_wait(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    server.add(*[ErrorReply(429, "Too many.", retry_after_ms=1) for _ in range(3)])
    with pytest.raises(RateLimitError) as caught:
        await Runner.run(_agent(provider), "hi")
    assert caught.value.retry_after == pytest.approx(0.001)


async def test_an_unreasonable_retry_after_falls_back_to_backoff(server: FakeOpenAIServer) -> None:
    server.add(ErrorReply(503, retry_after=3600), "ok")
    provider = server.provider(retry_policy=RetryPolicy(initial_delay=0.001, max_retry_after=5))
    try:
        result = await Runner.run(_agent(provider), "hi")
    finally:
        await provider.aclose()
    assert result.final_output == "ok"


async def test_x_should_retry_overrides_the_status(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    server.add(
        ErrorReply(500, headers={"x-should-retry": "false"}),
        ErrorReply(400, headers={"x-should-retry": "true"}),
        "ok",
    )
    with pytest.raises(InternalServerError):
        await Runner.run(_agent(provider), "hi")
    result = await Runner.run(_agent(provider), "hi")
    assert result.final_output == "ok"
    assert len(server.model_requests()) == 3


def test_retry_after_parsing() -> None:
    from datetime import datetime, timedelta
    from email.utils import format_datetime

    from agents_openai._retry import retry_after_seconds

    assert retry_after_seconds({"retry-after": "2"}) == 2.0
    assert retry_after_seconds({"retry-after-ms": "250", "retry-after": "9"}) == 0.25
    later = datetime.now(UTC) + timedelta(seconds=30)
    assert 25 < (retry_after_seconds({"retry-after": format_datetime(later)}) or 0) <= 30
    assert retry_after_seconds({"retry-after": "soon"}) is None
    assert retry_after_seconds({}) is None


def test_backoff_doubles_with_jitter_up_to_the_cap() -> None:
    policy = RetryPolicy(initial_delay=0.5, max_delay=8.0, jitter=0.25)
    for retry, ceiling in [(1, 0.5), (2, 1.0), (3, 2.0), (6, 8.0), (10, 8.0)]:
        delay = policy.delay(retry)
        assert ceiling * 0.75 <= delay <= ceiling
    assert policy.delay(1, server_delay=3.0) == 3.0


async def test_connection_refused_is_a_connection_error_and_is_retried(
    caplog: pytest.LogCaptureFixture,
) -> None:
    closed = FakeOpenAIServer()
    await closed.start()
    base_url = closed.base_url
    await closed.aclose()
    provider = OpenAIProvider(api_key="sk-x", base_url=base_url, retry_policy=FAST_RETRIES)
    try:
        with (
            caplog.at_level(logging.INFO, logger="openai.agents"),
            pytest.raises(APIConnectionError) as caught,
        ):
            await Runner.run(_agent(provider), "hi")
    finally:
        await provider.aclose()
    assert caught.value.status_code is None and caught.value.request_id is None
    assert "ConnectError" in str(caught.value)
    retries = [r for r in caplog.records if "retrying request" in r.getMessage()]
    assert len(retries) == 2


@pytest.mark.timeout(10)
async def test_a_slow_server_times_out_and_is_retried(server: FakeOpenAIServer) -> None:
    server.add(ModelReply("late", delay=30), ModelReply("late", delay=30))
    provider = server.provider(
        timeout=0.2, retry_policy=RetryPolicy(max_retries=1, initial_delay=0)
    )
    try:
        with pytest.raises(APITimeoutError, match="timed out"):
            await Runner.run(_agent(provider), "hi")
    finally:
        await provider.aclose()
    assert len(server.model_requests()) == 2


async def test_a_slow_answer_within_the_timeout_is_fine(server: FakeOpenAIServer) -> None:
    server.add(ModelReply("worth the wait", delay=0.2))
    provider = server.provider(timeout=5)
    try:
        result = await Runner.run(_agent(provider), "hi")
    finally:
        await provider.aclose()
    assert result.final_output == "worth the wait"


async def test_a_stream_cut_half_way_raises_after_its_events_and_is_not_retried(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    server.add(ModelReply("one two three four five", cut_after=6), "never sent")
    result = Runner.run_streamed(_agent(provider), "count")
    seen: list[Any] = []
    with pytest.raises(StreamInterruptedError) as caught:
        async for event in result.stream_events():
            seen.append(event)
    deltas = [e for e in seen if isinstance(e, RawResponsesStreamEvent)]
    assert [e.data.type for e in deltas][-1] == "response.output_text.delta"
    assert caught.value.events_received == 6
    assert caught.value.status_code == 200 and caught.value.request_id == "req_fake_1"
    assert len(server.model_requests()) == 1
    assert server.pending_replies == 1


async def test_a_stream_that_ends_before_completed_is_interrupted(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    created = {
        "type": "response.created",
        "sequence_number": 0,
        "response": {
            "id": "resp_1",
            "object": "response",
            "created_at": 1,
            "status": "in_progress",
            "error": None,
            "incomplete_details": None,
            "instructions": None,
            "model": "gpt-4.1",
            "output": [],
            "parallel_tool_calls": True,
            "temperature": 1.0,
            "tool_choice": "auto",
            "tools": [],
            "top_p": 1.0,
            "metadata": {},
        },
    }
    server.add(StreamReply([created]))
    with pytest.raises(StreamInterruptedError, match=r"response\.completed"):
        await _stream_all(Runner.run_streamed(_agent(provider), "hi"))


@pytest.mark.parametrize(
    "bad_event",
    [
        "data: {this is not json\n\n",
        'data: {"type": "response.output_text.delta", "delta": 5}\n\n',
        'data: ["not", "an", "object"]\n\n',
    ],
)
async def test_malformed_stream_events_are_validation_errors(
    server: FakeOpenAIServer, provider: OpenAIProvider, bad_event: str
) -> None:
    server.add(StreamReply([bad_event]))
    with pytest.raises(APIResponseValidationError) as caught:
        await _stream_all(Runner.run_streamed(_agent(provider), "hi"))
    assert caught.value.request_id == "req_fake_1" and caught.value.status_code == 200


@pytest.mark.parametrize(
    "body",
    ["{truncated", '{"id": 5, "output": "nope"}', "[]"],
)
async def test_malformed_json_bodies_are_validation_errors(
    server: FakeOpenAIServer, provider: OpenAIProvider, body: str
) -> None:
    server.add(RawReply(body))
    with pytest.raises(APIResponseValidationError) as caught:
        await Runner.run(_agent(provider), "hi")
    assert caught.value.request_id == "req_fake_1"
    assert len(server.model_requests()) == 1


async def test_malformed_chat_bodies_and_chunks_are_validation_errors(
    server: FakeOpenAIServer, chat_provider: OpenAIProvider
) -> None:
    server.add(RawReply("{nope"), StreamReply(["data: {nope\n\n"]), RawReply('{"choices": []}'))
    agent = Agent(name="c", model=chat_provider.get_model("gpt-4o-mini"))
    with pytest.raises(APIResponseValidationError):
        await Runner.run(agent, "hi")
    with pytest.raises(APIResponseValidationError):
        await _stream_all(Runner.run_streamed(agent, "hi"))
    with pytest.raises(APIResponseValidationError, match="no usable first choice"):
        await Runner.run(agent, "hi")


async def test_a_json_answer_to_a_stream_request_is_a_validation_error(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    server.add(RawReply('{"id": "resp_1"}'))
    with pytest.raises(APIResponseValidationError, match="content-type"):
        await _stream_all(Runner.run_streamed(_agent(provider), "hi"))


async def test_a_body_cut_half_way_is_a_connection_error_and_is_retried(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    cut = RawReply('{"id": "resp_1", "object": "response", "output": []}', cut=True)
    server.add(cut, cut, cut)
    with pytest.raises(APIConnectionError):
        await Runner.run(_agent(provider), "hi")
    assert len(server.model_requests()) == 3


async def test_a_server_error_page_keeps_its_text(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    page = RawReply("<html>Bad gateway</html>", status=502, content_type="text/html")
    server.add(page, page, page)
    with pytest.raises(InternalServerError, match="Bad gateway") as caught:
        await Runner.run(_agent(provider), "hi")
    assert caught.value.body == "<html>Bad gateway</html>"


@pytest.mark.parametrize("streamed", [False, True])
@pytest.mark.parametrize(
    ("status", "match"),
    [("failed", "The model failed"), ("incomplete", "max_output_tokens")],
)
async def test_failed_and_incomplete_responses_are_response_failed_errors(
    server: FakeOpenAIServer,
    provider: OpenAIProvider,
    streamed: bool,
    status: str,
    match: str,
) -> None:
    server.add(ModelReply(["partial"], status=status))  # type: ignore[arg-type]
    with pytest.raises(ResponseFailedError, match=match) as caught:
        if streamed:
            await _stream_all(Runner.run_streamed(_agent(provider), "hi"))
        else:
            await Runner.run(_agent(provider), "hi")
    assert caught.value.code in ("server_error", "max_output_tokens")
    assert caught.value.request_id == "req_fake_1"
    assert caught.value.response is not None


async def test_an_error_event_mid_stream_is_a_response_failed_error(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    error = {
        "type": "error",
        "sequence_number": 0,
        "code": "server_error",
        "message": "Something broke.",
        "param": None,
    }
    server.add(StreamReply([error]))
    with pytest.raises(ResponseFailedError, match="Something broke") as caught:
        await _stream_all(Runner.run_streamed(_agent(provider), "hi"))
    assert caught.value.code == "server_error"
    assert caught.value.server_message == "Something broke."


SECRET = "sk-proj-SECRET-do-not-leak-0123456789"


def _all_text(error: BaseException) -> str:
    parts: list[str] = []
    seen: BaseException | None = error
    while seen is not None:
        parts += [str(seen), repr(seen), repr(vars(seen))]
        seen = seen.__cause__ or seen.__context__
    return "\n".join(parts)


async def test_the_api_key_never_appears_in_errors_reprs_or_logs(
    spec_validator: Callable[[str, Any], list[str]] | None, caplog: pytest.LogCaptureFixture
) -> None:
    async with FakeOpenAIServer(api_key=SECRET, validator=spec_validator) as server:
        server.add(
            ErrorReply(400, "bad"),
            ErrorReply(500),
            ErrorReply(500),
            ErrorReply(500),
            RawReply("{broken"),
            ModelReply("cut", cut_after=2),
            StreamReply(["data: {bad\n\n"]),
            ModelReply("x", status="failed"),
        )
        provider = server.provider(retry_policy=FAST_RETRIES)
        wrong_key = server.provider(api_key="sk-wrong-key", retry_policy=FAST_RETRIES)
        errors: list[APIError] = []
        with caplog.at_level(logging.DEBUG):
            for streamed in (False, False, False, True, True, False):
                try:
                    agent = _agent(provider)
                    if streamed:
                        await _stream_all(Runner.run_streamed(agent, "hi"))
                    else:
                        await Runner.run(agent, "hi")
                except APIError as error:
                    errors.append(error)
            with pytest.raises(AuthenticationError) as caught:
                await Runner.run(_agent(wrong_key), "hi")
            errors.append(caught.value)
        texts = [_all_text(error) for error in errors]
        texts += [repr(provider), repr(provider.client), repr(provider.get_model("gpt-4.1"))]
        texts += [repr(vars(provider)), repr(vars(provider.client)), caplog.text]
        await provider.aclose()
        await wrong_key.aclose()
    assert len(errors) == 7
    for text in texts:
        assert SECRET not in text
        assert "sk-wrong-key" not in text
    assert server.requests[0].headers["authorization"] == f"Bearer {SECRET}"
