"""``OpenAICompatibleProvider``: models on any server that speaks OpenAI's Chat Completions API.

vLLM, Ollama, llama.cpp, LM Studio, TGI and hosted gateways accept ``POST /chat/completions``
but not always all of it. A ``ModelProfile`` says what one model accepts, and requests are built
to match: without ``strict`` schemas when it cannot enforce them, without
``parallel_tool_calls`` when it does not know the field, and without asking for usage in streams
when it cannot send it. The provider never uses the Responses API. Everything else (the wire
format, retries, errors, streaming) is ``agents_openai``'s ``OpenAIChatCompletionsModel``.
"""

from __future__ import annotations

import dataclasses
import fnmatch
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from typing import Any

from agents_core import (
    AgentOutputSchemaBase,
    FunctionTool,
    Handoff,
    Model,
    ModelProvider,
    ModelResponse,
    ModelSettings,
    ModelTracing,
    Tool,
    TResponseInputItem,
    TResponseStreamEvent,
    UserError,
)

from .._optional import require

_openai = require("agents_openai", feature="OpenAICompatibleProvider", extra="openai")

__all__ = ("ModelProfile", "OpenAICompatibleProvider")

_NO_KEY = "not-needed"  # local servers ignore the Authorization header


@dataclass(frozen=True)
class ModelProfile:
    """What a model behind an OpenAI-compatible server accepts.

    ``strict_json_schema``: it enforces ``strict`` JSON schemas for tools and structured output.
    ``parallel_tool_calls``: it takes the ``parallel_tool_calls`` field. ``usage_in_streams``: it
    reports token usage at the end of a stream (``stream_options.include_usage``). The defaults
    are the cautious ones: none of the three.
    """

    strict_json_schema: bool = False
    parallel_tool_calls: bool = False
    usage_in_streams: bool = False


class _NonStrictSchema(AgentOutputSchemaBase):
    """An output schema sent without ``strict`` (validated here all the same)."""

    def __init__(self, inner: AgentOutputSchemaBase) -> None:
        self._inner = inner

    def is_plain_text(self) -> bool:
        """Whether the output is plain text."""
        return self._inner.is_plain_text()

    def name(self) -> str:
        """The output type's name."""
        return self._inner.name()

    def json_schema(self) -> dict[str, Any]:
        """The output's JSON schema."""
        return self._inner.json_schema()

    def is_strict_json_schema(self) -> bool:
        """False: the server is not asked to enforce the schema."""
        return False

    def validate_json(self, json_str: str) -> Any:
        """Validate the model's JSON output against the wrapped schema."""
        return self._inner.validate_json(json_str)


class _ProfiledModel(Model):
    """A Chat Completions model whose requests leave out what its profile says is unsupported."""

    def __init__(self, inner: Model, profile: ModelProfile) -> None:
        self.inner = inner
        self.profile = profile

    def __repr__(self) -> str:
        return f"{self.inner!r} with {self.profile}"

    def _arguments(
        self,
        model_settings: ModelSettings,
        tools: list[Tool],
        output_schema: AgentOutputSchemaBase | None,
        handoffs: list[Any],
    ) -> tuple[ModelSettings, list[Tool], AgentOutputSchemaBase | None, list[Any]]:
        profile = self.profile
        changes: dict[str, Any] = {}
        if not profile.parallel_tool_calls and model_settings.parallel_tool_calls is not None:
            changes["parallel_tool_calls"] = None
        if not profile.usage_in_streams and model_settings.include_usage is not False:
            changes["include_usage"] = False
        if changes:
            model_settings = dataclasses.replace(model_settings, **changes)
        if not profile.strict_json_schema:
            tools = [
                dataclasses.replace(t, strict_json_schema=False)
                if isinstance(t, FunctionTool) and t.strict_json_schema
                else t
                for t in tools
            ]
            handoffs = [
                dataclasses.replace(h, strict_json_schema=False)
                if isinstance(h, Handoff) and h.strict_json_schema
                else h
                for h in handoffs
            ]
            if output_schema is not None and output_schema.is_strict_json_schema():
                output_schema = _NonStrictSchema(output_schema)
        return model_settings, tools, output_schema, handoffs

    async def get_response(
        self,
        system_instructions: str | None,
        input: str | list[TResponseInputItem],
        model_settings: ModelSettings,
        tools: list[Tool],
        output_schema: AgentOutputSchemaBase | None,
        handoffs: list[Any],
        tracing: ModelTracing,
        *,
        previous_response_id: str | None,
        conversation_id: str | None,
        prompt: Any | None,
    ) -> ModelResponse:
        """The model's reply, from a request shaped by the profile."""
        settings, tools, schema, handoffs = self._arguments(
            model_settings, tools, output_schema, handoffs
        )
        return await self.inner.get_response(
            system_instructions,
            input,
            settings,
            tools,
            schema,
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
        *,
        previous_response_id: str | None,
        conversation_id: str | None,
        prompt: Any | None,
    ) -> AsyncIterator[TResponseStreamEvent]:
        """The model's reply as stream events, from a request shaped by the profile."""
        settings, tools, schema, handoffs = self._arguments(
            model_settings, tools, output_schema, handoffs
        )
        return self.inner.stream_response(
            system_instructions,
            input,
            settings,
            tools,
            schema,
            handoffs,
            tracing,
            previous_response_id=previous_response_id,
            conversation_id=conversation_id,
            prompt=prompt,
        )


class OpenAICompatibleProvider(ModelProvider):
    """Models on an OpenAI-compatible Chat Completions server at ``base_url``.

    ``profiles`` maps model names, or shell-style patterns such as ``"llama3*"``, to what each
    model accepts (``ModelProfile``); others get ``default_profile`` (cautious by default).
    ``api_key`` is sent as a bearer token (local servers usually need none). ``default_model``
    answers ``get_model(None)``. Connection options (``timeout``, ``max_retries``,
    ``retry_policy``, ``http_client``, ``default_headers``) are ``OpenAIClient``'s; or pass a
    ready ``openai_client``. Close it with ``aclose()``.
    """

    def __init__(
        self,
        *,
        base_url: str | None = None,
        api_key: str | None = None,
        default_model: str | None = None,
        profiles: Mapping[str, ModelProfile] | None = None,
        default_profile: ModelProfile | None = None,
        openai_client: Any | None = None,
        **client_options: Any,
    ) -> None:
        if (openai_client is None) == (base_url is None):
            raise UserError(
                "OpenAICompatibleProvider needs the server's base_url (such as "
                "'http://localhost:11434/v1'), or a ready openai_client, not both."
            )
        if openai_client is None:
            openai_client = _openai.OpenAIClient(
                base_url=base_url, api_key=api_key or _NO_KEY, **client_options
            )
            self._owns_client = True
        else:
            self._owns_client = False
        self.client = openai_client
        self.default_model = default_model
        self.profiles = dict(profiles or {})
        self.default_profile = default_profile or ModelProfile()
        self._models: dict[str, Model] = {}

    def __repr__(self) -> str:
        return f"OpenAICompatibleProvider(base_url={self.client.base_url!r})"

    def profile_for(self, model_name: str) -> ModelProfile:
        """The profile of a model: by exact name, else the first matching pattern, else the
        default."""
        if model_name in self.profiles:
            return self.profiles[model_name]
        for pattern, profile in self.profiles.items():
            if fnmatch.fnmatchcase(model_name, pattern):
                return profile
        return self.default_profile

    def get_model(self, model_name: str | None) -> Model:
        """The Chat Completions model ``model_name`` (None: ``default_model``)."""
        name = model_name or self.default_model
        if not name:
            raise UserError(
                "This OpenAICompatibleProvider has no default_model: name the model on the "
                "agent (Agent(model='...')) or give the provider a default_model."
            )
        model = self._models.get(name)
        if model is None:
            chat = _openai.OpenAIChatCompletionsModel(name, self.client)
            model = self._models[name] = _ProfiledModel(chat, self.profile_for(name))
        return model

    async def aclose(self) -> None:
        """Close the connections of the client the provider made."""
        if self._owns_client:
            await self.client.aclose()
