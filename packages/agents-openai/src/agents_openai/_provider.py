"""``OpenAIProvider``: resolves model names to OpenAI models sharing one pooled client."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

import httpx2

from agents_core import Model, ModelProvider
from agents_core.exceptions import UserError

from ._chat_model import OpenAIChatCompletionsModel
from ._config import default_model_name, get_default_openai_api, get_default_openai_client
from ._http import DEFAULT_TIMEOUT, Hidden, OpenAIClient
from ._openai_client import as_openai_client
from ._responses_model import OpenAIResponsesModel
from ._retry import RetryPolicy

__all__ = ("OpenAIProvider",)

_UNBUILT_OPTIONS = {
    "websocket_base_url": "the Responses API's websocket transport",
    "use_responses_websocket": "the Responses API's websocket transport",
    "responses_websocket_options": "the Responses API's websocket transport",
    "strict_feature_validation": "strict feature validation for Chat Completions models",
    "agent_registration": "agent registration",
    "buffer_streamed_tool_calls": "buffering of streamed Chat Completions tool calls",
}


def _refuse_unbuilt(**options: Any) -> None:
    for option, value in options.items():
        if value not in (None, False):
            raise UserError(
                f"OpenAIProvider({option}=...) is not supported yet: this library has no "
                f"{_UNBUILT_OPTIONS[option]}. Leave it unset."
            )


class OpenAIProvider(ModelProvider):
    """Turns ``Agent(model="gpt-4.1")`` into a model that calls OpenAI (or a compatible server).

    Connection settings (``api_key``, ``base_url``, ``organization``, ``project``, headers,
    ``timeout``, retries) are as for ``OpenAIClient``, from the arguments or the environment;
    or pass a ready ``openai_client`` (an ``OpenAIClient``, or an ``openai.AsyncOpenAI`` whose
    settings are used). The client is created on first use, so a provider can be
    built before a key is set. ``use_responses`` picks the API: the Responses API (the default,
    or what ``set_default_openai_api`` chose) or Chat Completions. Close it with ``aclose()``.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        websocket_base_url: str | None = None,
        openai_client: OpenAIClient | Any | None = None,
        organization: str | None = None,
        project: str | None = None,
        use_responses: bool | None = None,
        use_responses_websocket: bool | None = None,
        strict_feature_validation: bool = False,
        agent_registration: Any | None = None,
        responses_websocket_options: Any | None = None,
        buffer_streamed_tool_calls: bool = False,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, str] | None = None,
        timeout: float | httpx2.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int | None = None,
        retry_policy: RetryPolicy | None = None,
        http_client: httpx2.AsyncClient | None = None,
    ) -> None:
        _refuse_unbuilt(
            websocket_base_url=websocket_base_url,
            use_responses_websocket=use_responses_websocket,
            responses_websocket_options=responses_websocket_options,
            strict_feature_validation=strict_feature_validation,
            agent_registration=agent_registration,
            buffer_streamed_tool_calls=buffer_streamed_tool_calls,
        )
        explicit = (api_key, base_url, organization, project, http_client)
        if openai_client is not None and any(value is not None for value in explicit):
            raise UserError(
                "Pass either openai_client or connection settings (api_key, base_url, "
                "organization, project, http_client) to OpenAIProvider, not both."
            )
        self._client = (
            None
            if openai_client is None
            else as_openai_client(openai_client, "OpenAIProvider(openai_client=...)")
        )
        self._has_own_settings = any(value is not None for value in explicit)
        # The options (the key among them) stay hidden from reprs and vars() dumps.
        self._make_client = Hidden(
            functools.partial(
                OpenAIClient,
                api_key=api_key,
                base_url=base_url,
                organization=organization,
                project=project,
                default_headers=default_headers,
                default_query=default_query,
                timeout=timeout,
                max_retries=max_retries,
                retry_policy=retry_policy,
                http_client=http_client,
            )
        )
        self._use_responses = use_responses
        self._models: dict[tuple[str, bool, bool], Model] = {}

    def __repr__(self) -> str:
        where = self._client.base_url if self._client is not None else "(not connected yet)"
        return f"OpenAIProvider(base_url={where!r})"

    @property
    def use_responses(self) -> bool:
        """Whether models use the Responses API (else Chat Completions)."""
        if self._use_responses is not None:
            return self._use_responses
        return get_default_openai_api() == "responses"

    @property
    def client(self) -> OpenAIClient:
        """The client every model of this provider uses (created on first use)."""
        if self._client is None:
            shared = None if self._has_own_settings else get_default_openai_client()
            self._client = shared or self._make_client.value()
        return self._client

    def get_model(self, model_name: str | None) -> Model:
        """The model called ``model_name`` (``None``: ``agents.models.get_default_model()``)."""
        name = model_name or default_model_name()
        explicit = bool(model_name)
        responses = self.use_responses
        model = self._models.get((name, responses, explicit))
        if model is None:
            model = (
                OpenAIResponsesModel(name, self.client, model_is_explicit=explicit)
                if responses
                else OpenAIChatCompletionsModel(name, self.client)
            )
            self._models[(name, responses, explicit)] = model
        return model

    async def aclose(self) -> None:
        """Close the connections the provider's own client opened."""
        if self._client is not None and self._client is not get_default_openai_client():
            await self._client.aclose()
