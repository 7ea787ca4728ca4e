"""Faults: every failure surfaces, naming its cause, within a bounded time; reconnecting."""

from __future__ import annotations

import asyncio
import socket
import time
from typing import TYPE_CHECKING, Any

import pytest

from agents_core.exceptions import UserError
from agents_realtime import (
    OpenAIRealtimeWebSocketModel,
    RealtimeAgent,
    RealtimeAPIError,
    RealtimeAuthenticationError,
    RealtimeConnectionError,
    RealtimeHandshakeError,
    RealtimeProtocolError,
    RealtimeReconnectPolicy,
    RealtimeRunner,
    RealtimeSession,
)
from agents_realtime.testing import FakeRealtimeServer, RealtimeReply

if TYPE_CHECKING:
    from agents_realtime import RealtimeModelConfig
    from tests.realtime.conftest import Realtime

pytestmark = pytest.mark.timeout(30)

FAST = RealtimeReconnectPolicy(max_attempts=3, initial_delay=0.01, max_delay=0.02, jitter=0)


def _agent() -> RealtimeAgent[Any]:
    return RealtimeAgent(name="Assistant", instructions="Be brief.")


async def _failure(
    session: RealtimeSession, within: float = 5.0
) -> tuple[list[Any], BaseException]:
    seen: list[Any] = []
    started = time.monotonic()
    with pytest.raises(RealtimeConnectionError) as caught:
        async with asyncio.timeout(within):
            async for event in session:
                if event.type != "raw_model_event":
                    seen.append(event)
    assert time.monotonic() - started < within
    return seen, caught.value


async def test_a_dropped_connection_is_reported_then_raised(server: FakeRealtimeServer) -> None:
    async with await RealtimeRunner(_agent()).run(model_config=server.model_config()) as session:
        connection = await server.connection()
        await connection.wait_for_frame("session.update")
        connection.drop()
        seen, error = await _failure(session)

    assert isinstance(error, RealtimeConnectionError) and error.code == 1006
    assert "lost" in str(error)
    reported = [e.error for e in seen if e.type == "error"]
    assert reported == [error]


async def test_a_close_with_an_error_code_names_the_code_and_reason(
    server: FakeRealtimeServer,
) -> None:
    async with await RealtimeRunner(_agent()).run(model_config=server.model_config()) as session:
        connection = await server.connection()
        await connection.wait_for_frame("session.update")
        await connection.close(1011, "keepalive ping timeout")
        _, error = await _failure(session)
    assert isinstance(error, RealtimeConnectionError)
    assert error.code == 1011 and error.reason == "keepalive ping timeout"
    assert "1011" in str(error) and "keepalive ping timeout" in str(error)


async def test_even_a_normal_close_by_the_server_is_not_silent(server: FakeRealtimeServer) -> None:
    async with await RealtimeRunner(_agent()).run(model_config=server.model_config()) as session:
        connection = await server.connection()
        await connection.wait_for_frame("session.update")
        await connection.close(1000, "session expired")
        _, error = await _failure(session)
    assert isinstance(error, RealtimeConnectionError) and error.code == 1000


async def test_a_malformed_frame_is_reported_and_the_session_goes_on(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    server.add("Still here.")
    async with await RealtimeRunner(_agent()).run(model_config=server.model_config()) as session:
        connection = await server.connection()
        await connection.wait_for_frame("session.update")
        await connection.send_raw("{this is not json")
        await connection.send_raw('{"type": "response.output_audio.delta", "response_id": "r"}')
        await connection.send_raw(b"\x00\x01binary")
        await connection.send_raw('{"no": "type"}')
        watch = rt.Watch(session)
        await watch.until("error", 4)
        await session.send_message("Are you there?")
        await watch.until("agent_end")
        answer = session.history[-1]

    errors = [e.error for e in watch.of("error")]
    assert all(isinstance(e, RealtimeProtocolError) for e in errors)
    assert "not JSON" in str(errors[0])
    assert errors[1].event_type == "response.output_audio.delta" and "delta" in str(errors[1])
    assert "binary" in str(errors[2]) and "without a type" in str(errors[3])
    assert answer.content[0].transcript == "Still here."  # type: ignore[union-attr]


async def test_a_server_error_event_is_reported_and_the_session_goes_on(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    server.add("Fine.")
    async with await RealtimeRunner(_agent()).run(model_config=server.model_config()) as session:
        connection = await server.connection()
        await connection.wait_for_frame("session.update")
        await connection.send_error(
            "invalid_request_error", "invalid_value", "Bad thing.", param="x"
        )
        watch = rt.Watch(session)
        error = (await watch.until("error")).error
        await session.send_message("Hi")
        await watch.until("agent_end")

    assert isinstance(error, RealtimeAPIError)
    assert (error.type, error.code, error.message, error.param) == (
        "invalid_request_error",
        "invalid_value",
        "Bad thing.",
        "x",
    )


async def test_a_refused_handshake_raises_at_once_without_the_key(
    server: FakeRealtimeServer,
) -> None:
    key = "sk-wrong-key-that-must-not-leak-123456"
    started = time.monotonic()
    with pytest.raises(RealtimeAuthenticationError) as caught:
        async with await RealtimeRunner(_agent()).run(
            model_config={"url": f"{server.url}?model=gpt-realtime", "api_key": key}
        ):
            pass
    assert time.monotonic() - started < 5
    error = caught.value
    assert error.status_code == 401 and "401" in str(error)
    assert "Incorrect API key" in str(error)
    for text in (str(error), repr(error), str(error.server_message), str(error.url)):
        assert key not in text


async def test_a_server_outage_is_a_handshake_error(server: FakeRealtimeServer) -> None:
    server.handshake_status = 503
    with pytest.raises(RealtimeHandshakeError) as caught:
        async with await RealtimeRunner(_agent()).run(model_config=server.model_config()):
            pass
    assert caught.value.status_code == 503
    assert not isinstance(caught.value, RealtimeAuthenticationError)


async def test_nobody_listening_is_a_connection_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config: RealtimeModelConfig = {"url": f"ws://127.0.0.1:{port}/v1/realtime", "api_key": "k"}
    with pytest.raises(RealtimeConnectionError, match=f"127.0.0.1:{port}"):
        async with await RealtimeRunner(_agent()).run(model_config=config):
            pass


async def test_a_missing_key_is_a_user_error(
    monkeypatch: pytest.MonkeyPatch, server: FakeRealtimeServer
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with pytest.raises(UserError, match="API key"):
        async with await RealtimeRunner(_agent()).run(model_config={"url": server.url}):
            pass
    assert server.connections == []


async def test_the_base_url_and_key_come_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, server: FakeRealtimeServer
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    monkeypatch.setenv("OPENAI_API_KEY", server.api_key)
    async with await RealtimeRunner(_agent()).run():
        connection = await server.connection()
        await connection.wait_for_frame("session.update")
    assert connection.path == "/v1/realtime"
    assert connection.query == {"model": "gpt-realtime-2.1"}


async def test_a_key_function_and_custom_headers(server: FakeRealtimeServer) -> None:
    async def key() -> str:
        await asyncio.sleep(0)
        return server.api_key

    async with await RealtimeRunner(_agent()).run(model_config={"url": server.url, "api_key": key}):
        pass
    assert server.connections[0].headers["authorization"] == f"Bearer {server.api_key}"

    server.require_api_key = False
    config: RealtimeModelConfig = {"url": server.url, "headers": {"api-key": "azure-key"}}
    async with await RealtimeRunner(_agent()).run(model_config=config):
        connection = await server.connection(1)
        await connection.wait_for_frame("session.update")
    assert connection.headers["api-key"] == "azure-key"
    assert "authorization" not in connection.headers


async def test_a_reconnect_restores_the_session_configuration(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    server.add("Back again.")
    model = OpenAIRealtimeWebSocketModel(reconnect=FAST)
    runner = RealtimeRunner(_agent(), model=model, config={"model_settings": {"voice": "sage"}})
    async with await runner.run(model_config=server.model_config()) as session:
        first = await server.connection(0)
        before = await first.wait_for_frame("session.update")
        first.drop()
        second = await server.connection(1)
        after = await second.wait_for_frame("session.update")
        await session.send_message("Still there?")
        watch = rt.Watch(session)
        await watch.until("agent_end")

    assert after["session"] == before["session"]
    assert after["session"]["instructions"] == "Be brief."
    assert after["session"]["audio"]["output"]["voice"] == "sage"
    statuses = [e.data.status for e in watch.raw if e.data.type == "connection_status"]
    assert statuses[-2:] == ["connecting", "connected"] or "connected" in statuses
    assert not watch.of("error")


async def test_reconnecting_gives_up_after_its_attempts(server: FakeRealtimeServer) -> None:
    model = OpenAIRealtimeWebSocketModel(reconnect=FAST)
    async with await RealtimeRunner(_agent(), model=model).run(
        model_config=server.model_config()
    ) as session:
        connection = await server.connection()
        await connection.wait_for_frame("session.update")
        server.handshake_status = 503
        connection.drop()
        _, error = await _failure(session)
    assert isinstance(error, RealtimeHandshakeError) and error.status_code == 503
    assert len(server.connections) == 1


async def test_refused_credentials_are_never_retried(server: FakeRealtimeServer) -> None:
    model = OpenAIRealtimeWebSocketModel(
        reconnect=RealtimeReconnectPolicy(max_attempts=5, initial_delay=0.01, jitter=0)
    )
    async with await RealtimeRunner(_agent(), model=model).run(
        model_config=server.model_config()
    ) as session:
        connection = await server.connection()
        await connection.wait_for_frame("session.update")
        server.api_key = "sk-rotated"
        connection.drop()
        _, error = await _failure(session)
    assert isinstance(error, RealtimeAuthenticationError)


async def test_a_half_open_connection_is_noticed_by_keepalive_pings(
    server: FakeRealtimeServer,
) -> None:
    model = OpenAIRealtimeWebSocketModel(
        transport_config={"ping_interval": 0.2, "ping_timeout": 0.3}
    )
    async with await RealtimeRunner(_agent(), model=model).run(
        model_config=server.model_config()
    ) as session:
        connection = await server.connection()
        await connection.wait_for_frame("session.update")
        connection.stall()  # the server stops reading: no pongs come back
        _, error = await _failure(session, within=5.0)
    assert isinstance(error, RealtimeConnectionError) and error.code == 1011
    assert "keepalive" in str(error)


def test_the_reconnect_policy_backs_off_and_checks_its_settings() -> None:
    policy = RealtimeReconnectPolicy(max_attempts=4, initial_delay=0.5, max_delay=1.5, jitter=0)
    assert list(policy.delays()) == [0.5, 1.0, 1.5, 1.5]
    with pytest.raises(UserError):
        RealtimeReconnectPolicy(max_attempts=0)
    with pytest.raises(UserError):
        RealtimeReconnectPolicy(jitter=2)


async def test_an_unknown_server_event_is_passed_on_and_not_fatal(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    server.add("Still fine.")
    async with await RealtimeRunner(_agent()).run(model_config=server.model_config()) as session:
        connection = await server.connection()
        await connection.wait_for_frame("session.update")
        await connection.send_raw('{"type": "brand.new.event", "event_id": "e1", "news": 1}')
        await session.send_message("Hi")
        watch = rt.Watch(session)
        await watch.until("agent_end")

    other = [e.data.data for e in watch.raw if e.data.type == "other"]
    assert other == [{"type": "brand.new.event", "event_id": "e1", "news": 1}]
    assert not watch.of("error")


async def test_a_failed_response_is_reported(
    server: FakeRealtimeServer, rt: type[Realtime]
) -> None:
    failing = RealtimeReply([], failure={"type": "server_error", "code": "rate_limit_exceeded"})
    server.add(failing, "Better now.")
    async with await RealtimeRunner(_agent()).run(model_config=server.model_config()) as session:
        await session.send_message("Hi")
        watch = rt.Watch(session)
        error = (await watch.until("error")).error
        await session.send_message("Again")
        await watch.until("agent_end", 2)
    assert isinstance(error, RealtimeAPIError)
    assert (error.type, error.code) == ("server_error", "rate_limit_exceeded")
