"""``LitellmModel`` and ``LitellmProvider``: any of LiteLLM's providers as a model of the runtime.

The model is ``agents_openai``'s ``OpenAIChatCompletionsModel`` whose HTTP client has a transport
that, instead of sending the request, hands its JSON body to ``litellm.acompletion`` and turns
LiteLLM's answer back into a Chat Completions response or event stream. So the runtime's one
Chat Completions mapping (messages, tools, handoffs, structured output, streaming, usage, errors
and retries) serves every LiteLLM provider, and LiteLLM's failures become the usual API errors
(``RateLimitError``, ``APIConnectionError``...).

LiteLLM is large and slow to import, so it is imported on the first model call, never before.
Unless ``LITELLM_LOCAL_MODEL_COST_MAP`` is set, it is set to ``True`` first so that the import
does not fetch LiteLLM's cost map from the network.
"""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator
from types import ModuleType
from typing import Any

from agents_core import (
    AgentOutputSchemaBase,
    Model,
    ModelProvider,
    ModelResponse,
    ModelSettings,
    ModelTracing,
    Tool,
    TResponseInputItem,
    TResponseStreamEvent,
)
from agents_core.models import get_default_model

from .._optional import require

_openai = require("agents_openai", feature="LitellmModel", extra="litellm")

import httpx2  # noqa: E402 - agents-openai's HTTP client, present once agents_openai is

__all__ = ("LitellmModel", "LitellmProvider")

_PLACEHOLDER_URL = "http://litellm.invalid/v1"


def _litellm() -> ModuleType:
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
    return require("litellm", feature="LitellmModel", extra="litellm")


def _error_response(exc: Exception) -> httpx2.Response:
    """LiteLLM's error as the HTTP error OpenAI's API would have sent."""
    status = getattr(exc, "status_code", None)
    status = status if isinstance(status, int) and 400 <= status < 600 else 500
    body = {
        "error": {
            "message": str(getattr(exc, "message", None) or exc),
            "type": type(exc).__name__,
            "param": None,
            "code": getattr(exc, "code", None),
        }
    }
    headers: dict[str, str] = {}
    response = getattr(exc, "response", None)
    retry_after = getattr(getattr(response, "headers", None), "get", lambda _: None)("retry-after")
    if retry_after is not None:
        headers["retry-after"] = str(retry_after)
    return httpx2.Response(status, json=body, headers=headers)


async def _event_stream(chunks: Any) -> AsyncIterator[bytes]:
    async for chunk in chunks:
        data = chunk.model_dump(exclude_none=True) if hasattr(chunk, "model_dump") else chunk
        yield b"data: " + json.dumps(data, default=str).encode() + b"\n\n"
    yield b"data: [DONE]\n\n"


class _LitellmTransport(httpx2.AsyncBaseTransport):
    """Answers Chat Completions requests by calling ``litellm.acompletion`` in-process."""

    def __init__(self, model: str, base_url: str | None, api_key: str | None) -> None:
        self._model = model
        self._base_url = base_url
        self._api_key = api_key

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        litellm = _litellm()
        body = json.loads(await request.aread())
        body["model"] = self._model
        if self._base_url is not None:
            body["base_url"] = self._base_url
        if self._api_key is not None:
            body["api_key"] = self._api_key
        try:
            result = await litellm.acompletion(**body)
        except (litellm.APIConnectionError, litellm.ServiceUnavailableError) as exc:
            if getattr(exc, "status_code", 500) in (500, 503):
                raise httpx2.ConnectError(str(exc), request=request) from exc
            return _error_response(exc)
        except litellm.Timeout as exc:
            raise httpx2.ReadTimeout(str(exc), request=request) from exc
        except Exception as exc:
            return _error_response(exc)
        if body.get("stream"):
            return httpx2.Response(
                200, headers={"content-type": "text/event-stream"}, content=_event_stream(result)
            )
        return httpx2.Response(200, json=result.model_dump(exclude_none=True))


class LitellmModel(Model):
    """A model served through LiteLLM (``"anthropic/claude-sonnet-4"``, ``"gemini/..."``,
    ``"ollama/llama3"``...). ``base_url`` and ``api_key`` go to LiteLLM; without them it reads
    the provider's usual environment variables. Needs the ``litellm`` extra.
    """

    def __init__(
        self,
        model: str,
        base_url: str | None = None,
        api_key: str | None = None,
        should_replay_reasoning_content: Any | None = None,
    ) -> None:
        self.model = model
        self.base_url = base_url
        self.api_key = api_key
        self.should_replay_reasoning_content = should_replay_reasoning_content
        transport = _LitellmTransport(model, base_url, api_key)
        client = _openai.OpenAIClient(
            base_url=_PLACEHOLDER_URL,
            api_key="litellm",  # never sent anywhere: the transport answers in-process
            http_client=httpx2.AsyncClient(transport=transport),
        )
        self._chat: Model = _openai.OpenAIChatCompletionsModel(model, client)
        self._client = client

    def __repr__(self) -> str:
        return f"LitellmModel(model={self.model!r}, base_url={self.base_url!r})"

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
        """Call the model through LiteLLM and return its reply."""
        return await self._chat.get_response(
            system_instructions,
            input,
            model_settings,
            tools,
            output_schema,
            handoffs,
            tracing,
            previous_response_id=previous_response_id,
            conversation_id=conversation_id,
            prompt=prompt,
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
    ) -> AsyncIterator[TResponseStreamEvent]:
        """Stream the model's reply through LiteLLM as Responses stream events."""
        return self._chat.stream_response(
            system_instructions,
            input,
            model_settings,
            tools,
            output_schema,
            handoffs,
            tracing,
            previous_response_id=previous_response_id,
            conversation_id=conversation_id,
            prompt=prompt,
        )

    async def close(self) -> None:
        """Release the model's HTTP client (LiteLLM keeps its own connections)."""
        await self._client.aclose()


class LitellmProvider(ModelProvider):
    """Resolves every model name through LiteLLM:
    ``RunConfig(model_provider=LitellmProvider())`` with ``Agent(model="anthropic/...")``.

    Keys and endpoints come from the environment variables LiteLLM reads for each provider.
    """

    def get_model(self, model_name: str | None) -> Model:
        """A ``LitellmModel`` for the name (None: ``agents.models.get_default_model()``)."""
        return LitellmModel(model_name or get_default_model())
