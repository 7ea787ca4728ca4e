"""Logging is silent by default, can be turned on, and never carries tool arguments."""

from __future__ import annotations

import logging

import pytest

from agents_core import Agent, Runner, enable_verbose_logging, function_tool
from agents_core.testing import ScriptedModel, function_call


@function_tool
def fail(secret: str) -> str:
    raise ValueError("boom")


async def _failing_run() -> None:
    model = ScriptedModel([function_call("fail", {"secret": "hunter2"}, call_id="1"), "ok"])
    await Runner.run(Agent(name="a", model=model, tools=[fail]), "go")


def test_library_logger_has_only_a_null_handler() -> None:
    handlers = logging.getLogger("openai.agents").handlers
    assert handlers and all(isinstance(h, logging.NullHandler) for h in handlers)


async def test_events_reach_logging_when_enabled(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="openai.agents"):
        await _failing_run()
    records = [r for r in caplog.records if r.name == "openai.agents"]
    assert len(records) == 1
    message = records[0].getMessage()
    assert "function tool failed" in message and "fail" in message and "ValueError" in message
    assert "hunter2" not in message


async def test_nothing_is_logged_below_the_configured_level(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="openai.agents"):
        await _failing_run()
    assert [r for r in caplog.records if r.name == "openai.agents"] == []


def test_enable_verbose_logging_adds_one_stream_handler() -> None:
    log = logging.getLogger("openai.agents")
    before = list(log.handlers)
    try:
        enable_verbose_logging()
        enable_verbose_logging()
        streams = [h for h in log.handlers if type(h) is logging.StreamHandler]
        assert len(streams) == 1
        assert log.level == logging.DEBUG
    finally:
        log.handlers[:] = before
        log.setLevel(logging.NOTSET)
