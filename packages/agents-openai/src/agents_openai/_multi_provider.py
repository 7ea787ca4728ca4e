"""``MultiProvider``: routes ``prefix/model`` names to the provider registered for the prefix.

Without a prefix (``"gpt-4.1"``) or with ``openai/`` the name goes to an ``OpenAIProvider``;
``litellm/`` goes to agents-extensions' ``LitellmProvider`` (``agents[litellm]``); any other
prefix to the provider a ``MultiProviderMap`` names for it. This is the default model provider
of the ``agents`` package, as in OpenAI's Agents SDK.
"""

from __future__ import annotations

import asyncio
import importlib
from typing import Any, Literal, TypeAlias

from agents_core import Model, ModelProvider
from agents_core.exceptions import UserError

from ._provider import OpenAIProvider

__all__ = (
    "MultiProvider",
    "MultiProviderMap",
    "MultiProviderOpenAIPrefixMode",
    "MultiProviderUnknownPrefixMode",
)

MultiProviderOpenAIPrefixMode: TypeAlias = Literal["alias", "model_id"]
"""``openai/gpt-4.1``: the OpenAI model ``gpt-4.1`` (``"alias"``), or that literal model id sent
to the OpenAI provider's server (``"model_id"``, for compatible servers with namespaced ids)."""

MultiProviderUnknownPrefixMode: TypeAlias = Literal["error", "model_id"]
"""A prefix nobody registered: a ``UserError`` (``"error"``), or the whole name sent to the
OpenAI provider's server as the model id (``"model_id"``)."""

# Providers other packages offer, loaded when their prefix is first used.
_PACKAGED_PROVIDERS: dict[str, tuple[str, str, str]] = {
    "litellm": ("agents_extensions.models.litellm_provider", "LitellmProvider", "litellm"),
}
_UNBUILT_PREFIXES = {"any-llm": "the any-llm provider"}


class MultiProviderMap:
    """Model name prefixes (``"my_prefix"`` in ``"my_prefix/model"``) and their providers."""

    def __init__(self) -> None:
        self._mapping: dict[str, ModelProvider] = {}

    def has_prefix(self, prefix: str) -> bool:
        """Whether ``prefix`` has a provider."""
        return prefix in self._mapping

    def get_mapping(self) -> dict[str, ModelProvider]:
        """A copy of the prefix-to-provider mapping."""
        return dict(self._mapping)

    def set_mapping(self, mapping: dict[str, ModelProvider]) -> None:
        """Replace the whole mapping."""
        self._mapping = dict(mapping)

    def get_provider(self, prefix: str) -> ModelProvider | None:
        """The provider for ``prefix``, if any."""
        return self._mapping.get(prefix)

    def add_provider(self, prefix: str, provider: ModelProvider) -> None:
        """Route names starting with ``prefix/`` to ``provider``."""
        self._mapping[prefix] = provider

    def remove_provider(self, prefix: str) -> None:
        """Stop routing ``prefix`` (``KeyError`` if it has no provider)."""
        del self._mapping[prefix]


class MultiProvider(ModelProvider):
    """Picks the provider by the model name's prefix: ``gpt-4.1`` and ``openai/gpt-4.1`` go to
    OpenAI, ``litellm/anthropic/claude-...`` to LiteLLM, ``my_prefix/...`` to the provider
    ``provider_map`` gives for ``my_prefix``.

    The ``openai_*`` arguments configure the OpenAI provider (as ``OpenAIProvider``'s without the
    prefix). Entries of ``provider_map`` win over the built-in prefixes. Close it with
    ``aclose()``, which closes every provider it used.
    """

    def __init__(
        self,
        *,
        provider_map: MultiProviderMap | None = None,
        openai_api_key: str | None = None,
        openai_base_url: str | None = None,
        openai_client: Any | None = None,
        openai_organization: str | None = None,
        openai_project: str | None = None,
        openai_use_responses: bool | None = None,
        openai_use_responses_websocket: bool | None = None,
        openai_strict_feature_validation: bool = False,
        openai_websocket_base_url: str | None = None,
        openai_prefix_mode: MultiProviderOpenAIPrefixMode = "alias",
        unknown_prefix_mode: MultiProviderUnknownPrefixMode = "error",
        openai_agent_registration: Any | None = None,
        openai_responses_websocket_options: Any | None = None,
        openai_buffer_streamed_tool_calls: bool = False,
    ) -> None:
        if openai_prefix_mode not in ("alias", "model_id"):
            raise UserError("MultiProvider openai_prefix_mode must be 'alias' or 'model_id'.")
        if unknown_prefix_mode not in ("error", "model_id"):
            raise UserError("MultiProvider unknown_prefix_mode must be 'error' or 'model_id'.")
        self.provider_map = provider_map
        self.openai_provider = OpenAIProvider(
            api_key=openai_api_key,
            base_url=openai_base_url,
            websocket_base_url=openai_websocket_base_url,
            openai_client=openai_client,
            organization=openai_organization,
            project=openai_project,
            use_responses=openai_use_responses,
            use_responses_websocket=openai_use_responses_websocket,
            strict_feature_validation=openai_strict_feature_validation,
            agent_registration=openai_agent_registration,
            responses_websocket_options=openai_responses_websocket_options,
            buffer_streamed_tool_calls=openai_buffer_streamed_tool_calls,
        )
        self._openai_prefix_mode = openai_prefix_mode
        self._unknown_prefix_mode = unknown_prefix_mode
        self._packaged: dict[str, ModelProvider] = {}

    def __repr__(self) -> str:
        prefixes = sorted(self.provider_map.get_mapping()) if self.provider_map else []
        return f"MultiProvider(openai={self.openai_provider!r}, prefixes={prefixes})"

    def get_model(self, model_name: str | None) -> Model:
        """The model for ``model_name``, from the provider its prefix names."""
        if model_name is None or "/" not in model_name:
            return self.openai_provider.get_model(model_name)
        prefix, rest = model_name.split("/", 1)
        if self.provider_map is not None:
            mapped = self.provider_map.get_provider(prefix)
            if mapped is not None:
                return mapped.get_model(rest)
        if prefix in _PACKAGED_PROVIDERS:
            return self._packaged_provider(prefix).get_model(rest)
        if prefix == "openai":
            name = rest if self._openai_prefix_mode == "alias" else model_name
            return self.openai_provider.get_model(name)
        if self._unknown_prefix_mode == "model_id":
            return self.openai_provider.get_model(model_name)
        if prefix in _UNBUILT_PREFIXES:
            raise UserError(
                f"Model {model_name!r}: the '{prefix}/' prefix needs {_UNBUILT_PREFIXES[prefix]}, "
                "which this library does not have yet."
            )
        raise UserError(
            f"Model {model_name!r}: unknown prefix '{prefix}/'. Register a provider for it "
            "(MultiProvider(provider_map=...)), or use MultiProvider(unknown_prefix_mode="
            "'model_id') to send the whole name to the OpenAI provider's server."
        )

    def _packaged_provider(self, prefix: str) -> ModelProvider:
        provider = self._packaged.get(prefix)
        if provider is None:
            module_name, class_name, extra = _PACKAGED_PROVIDERS[prefix]
            try:
                module = importlib.import_module(module_name)
            except ModuleNotFoundError as exc:
                raise UserError(
                    f"Models named '{prefix}/...' need agents-extensions with its {extra!r} "
                    f"extra: pip install 'agents[{extra}]' ({exc.name} is not installed)."
                ) from None
            provider = getattr(module, class_name)()
            assert isinstance(provider, ModelProvider)
            self._packaged[prefix] = provider
        return provider

    async def aclose(self) -> None:
        """Close every provider this one used (each once); the first failure is raised after."""
        providers: list[ModelProvider] = [self.openai_provider]
        if self.provider_map is not None:
            providers.extend(self.provider_map.get_mapping().values())
        providers.extend(self._packaged.values())
        closed: set[int] = set()
        first_error: Exception | None = None
        for provider in providers:
            if provider is self or id(provider) in closed:
                continue
            closed.add(id(provider))
            try:
                await provider.aclose()
            except asyncio.CancelledError:
                raise
            except Exception as error:
                first_error = first_error or error
        if first_error is not None:
            raise first_error
