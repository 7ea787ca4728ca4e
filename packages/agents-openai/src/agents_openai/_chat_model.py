"""``OpenAIChatCompletionsModel``: a model served by ``POST /chat/completions``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pydantic_core

from agents_core import (
    AgentOutputSchemaBase,
    Model,
    ModelResponse,
    ModelSettings,
    ModelTracing,
    Tool,
    TResponseInputItem,
    TResponseStreamEvent,
)
from agents_core.exceptions import UserError
from agents_core.stream_types import ResponseEventStream

from ._chat_request import build_chat_body
from ._chat_response import ChatStreamAssembler, chat_model_response
from ._http import EventStream, OpenAIClient, invalid_body_error
from ._openai_client import as_openai_client
from .exceptions import APIError

__all__ = ("ChatEventStream", "OpenAIChatCompletionsModel")

_DONE = b"[DONE]"


def _refuse_server_state(
    previous_response_id: str | None, conversation_id: str | None, prompt: Any
) -> None:
    if previous_response_id is not None or conversation_id is not None or prompt is not None:
        raise UserError(
            "Chat Completions keeps no conversation on the server and has no prompt references: "
            "previous_response_id, conversation_id and prompt need the Responses API "
            "(OpenAIResponsesModel, or OpenAIProvider(use_responses=True))."
        )


def _chunk(stream: EventStream, data: bytes) -> dict[str, Any]:
    try:
        chunk = pydantic_core.from_json(data)
    except ValueError as exc:
        error = invalid_body_error("A chat stream chunk", data, exc, None)
        raise stream.invalid(error) from exc
    if not isinstance(chunk, dict):
        raise stream.invalid(invalid_body_error("A chat stream chunk", data, TypeError(), None))
    return chunk


class OpenAIChatCompletionsModel(Model):
    """A model called through the Chat Completions API (``POST /chat/completions``).

    Responses-shaped input is turned into chat messages and the reply back into Responses
    output items and stream events, so every runtime feature (function tools, structured output
    through ``response_format``, streaming, usage) works with any server that speaks only Chat
    Completions: vLLM, Ollama, llama.cpp, LiteLLM and others.
    """

    def __init__(self, model: str, openai_client: OpenAIClient | Any) -> None:
        self.model = model
        self._client = as_openai_client(openai_client, "OpenAIChatCompletionsModel")

    def __repr__(self) -> str:
        return (
            f"OpenAIChatCompletionsModel(model={self.model!r}, base_url={self._client.base_url!r})"
        )

    async def get_response(
        self,
        system_instructions: str | None,
        input: str | list[TResponseInputItem],
        model_settings: ModelSettings,
        tools: list[Tool],
        output_schema: AgentOutputSchemaBase | None,
        handoffs: list[Any],
        tracing: ModelTracing,
        previous_response_id: str | None = None,
        conversation_id: str | None = None,
        prompt: Any | None = None,
    ) -> ModelResponse:
        """Call ``POST /chat/completions`` and return the reply as Responses output items."""
        _refuse_server_state(previous_response_id, conversation_id, prompt)
        body = build_chat_body(
            model=self.model,
            system_instructions=system_instructions,
            input=input,
            model_settings=model_settings,
            tools=tools,
            handoffs=handoffs,
            output_schema=output_schema,
            stream=False,
        )
        content, request_id = await self._client.request_json(
            "POST",
            "/chat/completions",
            body=body,
            query=model_settings.extra_query,
            headers=model_settings.extra_headers,
        )
        try:
            parsed = pydantic_core.from_json(content)
        except ValueError as exc:
            raise invalid_body_error("The chat completion", content, exc, request_id) from exc
        return chat_model_response(
            parsed, request_id, keep_raw_usage=bool(model_settings.preserve_raw_usage)
        )

    def stream_response(
        self,
        system_instructions: str | None,
        input: str | list[TResponseInputItem],
        model_settings: ModelSettings,
        tools: list[Tool],
        output_schema: AgentOutputSchemaBase | None,
        handoffs: list[Any],
        tracing: ModelTracing,
        previous_response_id: str | None = None,
        conversation_id: str | None = None,
        prompt: Any | None = None,
    ) -> ChatEventStream:
        """Stream ``POST /chat/completions``; iterate the result for its content as Responses
        stream events, ending with ``response.completed`` (the request is sent when iteration
        starts)."""
        arguments = {
            "model": self.model,
            "system_instructions": system_instructions,
            "input": input,
            "model_settings": model_settings,
            "tools": tools,
            "handoffs": handoffs,
            "output_schema": output_schema,
        }
        server_state = (previous_response_id, conversation_id, prompt)
        return ChatEventStream(self._client, arguments, server_state)


class ChatEventStream(ResponseEventStream):
    """A streamed chat completion as Responses events. In ``batches()`` a text delta is its text
    (``str``), made into its ``response.output_text.delta`` event by ``decode`` where it is read;
    every other event is built as the chunks arrive."""

    def __init__(
        self, client: OpenAIClient, arguments: dict[str, Any], server_state: tuple[Any, ...]
    ) -> None:
        self._client = client
        self._arguments = arguments
        self._server_state = server_state
        self._assembler = ChatStreamAssembler()
        self._last_number = -1

    async def batches(self) -> AsyncIterator[list[Any]]:
        """The stream's items, chunk by chunk, then the closing events."""
        _refuse_server_state(*self._server_state)
        settings: ModelSettings = self._arguments["model_settings"]
        body = build_chat_body(**self._arguments, stream=True)
        assembler = self._assembler
        done = False
        async with self._client.stream(
            "/chat/completions",
            body=body,
            query=settings.extra_query,
            headers=settings.extra_headers,
        ) as stream:
            async for batch in stream.batches():
                for data in batch:
                    if done:
                        break  # read to the end, so the connection can be reused
                    if data == _DONE:
                        done = True
                        continue
                    try:
                        items = assembler.feed(_chunk(stream, data))
                    except APIError as error:
                        raise stream.invalid(error) from error
                    if items:
                        yield items
            if not done and assembler.finish_reason is None:
                raise stream.interrupted("no finish_reason or 'data: [DONE]' arrived")
        closing = assembler.finish()
        self.completed = closing[-1]  # type: ignore[assignment]  # the completed event
        yield closing

    def decode(self, item: Any) -> TResponseStreamEvent:
        """The typed event for an item of ``batches()`` (a text delta's text becomes its event)."""
        if type(item) is str:
            self._last_number = number = self._last_number + 1
            return self._assembler.text_delta_event(item, number)
        event: TResponseStreamEvent = item
        self._last_number = event.sequence_number
        return event
