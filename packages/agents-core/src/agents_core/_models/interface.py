"""The model interface: what a provider implements so the runner can call a model."""

from __future__ import annotations

import abc
import enum
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from ..exceptions import UserError

if TYPE_CHECKING:
    from .._base.model_settings import ModelSettings
    from .._base.output_schema import AgentOutputSchemaBase
    from .._items.items import ModelResponse, TResponseInputItem
    from .._items.stream_types import TResponseStreamEvent
    from .._tools.tools import Tool

__all__ = (
    "Model",
    "ModelProvider",
    "ModelTracing",
    "get_default_model_provider",
    "set_default_model_provider",
)


class ModelTracing(enum.Enum):
    """Whether a model call is traced, and whether its inputs and outputs go into the trace."""

    DISABLED = 0
    ENABLED = 1
    ENABLED_WITHOUT_DATA = 2

    def is_disabled(self) -> bool:
        """True when the call is not traced at all."""
        return self is ModelTracing.DISABLED

    def include_data(self) -> bool:
        """True when inputs and outputs may be recorded."""
        return self is ModelTracing.ENABLED


class Model(abc.ABC):
    """A model the runner can call, streamed or not.

    ``input`` is in the Responses input format and ``tools`` are the agent's enabled tools;
    implementations translate both to their provider's wire format.
    """

    @abc.abstractmethod
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
        """Call the model and return its complete response."""

    @abc.abstractmethod
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
        """Call the model and yield Responses stream events, ending with ``response.completed``."""

    async def close(self) -> None:  # noqa: B027 - optional hook, a no-op by default
        """Release what the model holds (connections); a no-op unless the model holds any."""


class ModelProvider(abc.ABC):
    """Looks up a ``Model`` by name (``Agent(model="...")``)."""

    @abc.abstractmethod
    def get_model(self, model_name: str | None) -> Model:
        """The model for ``model_name``; ``None`` asks for the provider's default model."""

    async def aclose(self) -> None:  # noqa: B027 - optional hook, a no-op by default
        """Release what the provider holds (HTTP clients); a no-op unless it holds any."""


class _NoProvider(ModelProvider):
    def get_model(self, model_name: str | None) -> Model:
        raise UserError(
            f"No model provider is configured, so the model name {model_name!r} cannot be "
            "resolved. Pass a Model object as Agent(model=...), set RunConfig(model_provider=...), "
            "or install the 'agents' package, which uses the OpenAI provider by default."
        )


_default_provider: ModelProvider = _NoProvider()


def set_default_model_provider(provider: ModelProvider) -> None:
    """Set the provider used to resolve model names when ``RunConfig.model_provider`` is not set."""
    global _default_provider
    _default_provider = provider


def get_default_model_provider() -> ModelProvider:
    """The provider used when a run does not name one."""
    return _default_provider
