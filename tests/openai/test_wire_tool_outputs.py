"""Tools that return images, files or text parts, as each OpenAI API receives them."""

from __future__ import annotations

import logging
from typing import Any

import pydantic
import pytest

from agents_core import (
    Agent,
    Model,
    Runner,
    ToolOutputFileContent,
    ToolOutputImage,
    ToolOutputText,
    function_tool,
)
from agents_core.testing import function_call
from agents_openai.testing import FakeOpenAIServer, ModelReply

PNG = "data:image/png;base64,iVBORw0KGgo="


async def _tool_message(server: FakeOpenAIServer, model: Model, api: str, result: Any) -> Any:
    """Run a tool returning ``result``; what the second request carried as its output."""

    @function_tool
    def snapshot() -> Any:
        """Take a snapshot."""
        return result

    server.add(ModelReply([function_call("snapshot", {}, call_id="s1")]), "Seen.")
    await Runner.run(Agent(name="a", model=model, tools=[snapshot]), "Look.")
    body = server.model_requests()[-1].json
    if api == "responses":
        [output] = [i for i in body["input"] if i.get("type") == "function_call_output"]
        return output["output"]
    [message] = [m for m in body["messages"] if m["role"] == "tool"]
    return message["content"]


async def test_an_image_reaches_responses_as_an_input_image(
    server: FakeOpenAIServer, model: Model, api: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="openai.agents")
    sent = await _tool_message(server, model, api, ToolOutputImage(image_url=PNG, detail="low"))
    if api == "responses":
        assert sent == [{"type": "input_image", "image_url": PNG, "detail": "low"}]
    else:
        # Chat Completions tool messages hold text only: said in the log, never silently.
        assert sent == "[tool output omitted]"
        assert "tool output omitted" in caplog.text


async def test_text_and_images_keep_their_order(
    server: FakeOpenAIServer, model: Model, api: str
) -> None:
    sent = await _tool_message(
        server,
        model,
        api,
        [ToolOutputText(text="The chart:"), {"type": "image", "file_id": "file_7"}],
    )
    if api == "responses":
        assert sent == [
            {"type": "input_text", "text": "The chart:"},
            {"type": "input_image", "file_id": "file_7"},
        ]
    else:
        assert sent == [{"type": "text", "text": "The chart:"}]


async def test_a_file_is_sent_with_its_name(
    server: FakeOpenAIServer, model: Model, api: str
) -> None:
    file = ToolOutputFileContent(file_data="JVBERi0=", filename="report.pdf")
    sent = await _tool_message(server, model, api, (ToolOutputText(text="Attached."), file))
    if api == "responses":
        assert sent == [
            {"type": "input_text", "text": "Attached."},
            {"type": "input_file", "file_data": "JVBERi0=", "filename": "report.pdf"},
        ]
    else:
        assert sent == [{"type": "text", "text": "Attached."}]


@pytest.mark.parametrize(
    "result",
    [
        {"type": "image"},  # no source: not an image, just data
        {"type": "weather", "temp": 21},
        [ToolOutputText(text="partly"), 42],  # a list is structured only if all of it is
        [],
    ],
)
async def test_other_values_are_sent_as_json_text(
    server: FakeOpenAIServer, model: Model, api: str, result: Any
) -> None:
    sent = await _tool_message(server, model, api, result)
    assert isinstance(sent, str)


def test_an_image_or_file_needs_a_source() -> None:
    with pytest.raises(pydantic.ValidationError, match="image_url or a file_id"):
        ToolOutputImage(detail="high")
    with pytest.raises(pydantic.ValidationError, match="file_data, a file_url or a file_id"):
        ToolOutputFileContent(filename="x.pdf")
