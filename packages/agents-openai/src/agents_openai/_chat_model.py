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

from ._chat_request import build_chat_body
from ._chat_response import ChatStreamAssembler, chat_model_response
from ._http import EventStream, OpenAIClient, invalid_body_error
from ._openai_client import as_openai_client
from .exceptions import APIError

__all__ = ("OpenAIChatCompletionsModel",)

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

    async def stream_response(
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
    ) -> AsyncIterator[TResponseStreamEvent]:
        """Stream ``POST /chat/completions`` and yield its content as Responses stream events,
        ending with ``response.completed``."""
        _refuse_server_state(previous_response_id, conversation_id, prompt)
        body = build_chat_body(
            model=self.model,
            system_instructions=system_instructions,
            input=input,
            model_settings=model_settings,
            tools=tools,
            handoffs=handoffs,
            output_schema=output_schema,
            stream=True,
        )
        assembler = ChatStreamAssembler()
        done = False
        async with self._client.stream(
            "/chat/completions",
            body=body,
            query=model_settings.extra_query,
            headers=model_settings.extra_headers,
        ) as stream:
            async for batch in stream.batches():
                for data in batch:
                    if done:
                        break  # read to the end, so the connection can be reused
                    if data == _DONE:
                        done = True
                        continue
                    try:
                        events = assembler.feed(_chunk(stream, data))
                    except APIError as error:
                        raise stream.invalid(error) from error
                    for event in events:
                        yield event
            if not done and assembler.finish_reason is None:
                raise stream.interrupted("no finish_reason or 'data: [DONE]' arrived")
        for event in assembler.finish():
            yield event
