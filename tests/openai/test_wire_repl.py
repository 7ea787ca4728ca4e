"""run_demo_loop over HTTP: each line is sent with the whole conversation before it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from agents_core import Agent, Model, run_demo_loop
from agents_openai.testing import FakeOpenAIServer


@pytest.mark.parametrize("stream", [True, False])
async def test_each_line_carries_the_conversation(
    server: FakeOpenAIServer,
    model: Model,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    stream: bool,
) -> None:
    lines: Iterator[str] = iter(["Hello", "Again"])

    def fake_input(prompt: str = "") -> str:
        line = next(lines, None)
        if line is None:
            raise EOFError
        return line

    monkeypatch.setattr("builtins.input", fake_input)
    server.add("Hi there.", "Hi once more.")

    await run_demo_loop(Agent(name="a", instructions="Be brief.", model=model), stream=stream)

    first, second = (request.view for request in server.model_requests())
    assert first.user_messages == ["Hello"]
    assert second.user_messages == ["Hello", "Again"]
    assert second.assistant_messages == ["Hi there."]
    assert second.instructions == "Be brief."
    out = capsys.readouterr().out
    assert "Hi there." in out and "Hi once more." in out
