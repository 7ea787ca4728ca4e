"""Per-call model parameters, set on an agent and overridable for a whole run."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, fields
from typing import Any, Literal, TypeAlias

from ..exceptions import UserError

__all__ = ("MCPToolChoice", "ModelSettings", "Reasoning", "ToolChoice")


@dataclass(frozen=True)
class MCPToolChoice:
    """A ``tool_choice`` forcing one tool of a hosted MCP server (Responses API only)."""

    server_label: str
    name: str


ToolChoice: TypeAlias = (
    Literal["auto", "required", "none"] | str | MCPToolChoice | dict[str, Any] | None
)
"""``"auto"``, ``"required"``, ``"none"``, a tool's name, a hosted MCP server's tool, or a
provider-specific object."""


@dataclass(frozen=True)
class Reasoning:
    """Reasoning options for reasoning models."""

    effort: Literal["none", "minimal", "low", "medium", "high", "xhigh"] | None = None
    summary: Literal["auto", "concise", "detailed"] | None = None


@dataclass
class ModelSettings:
    """Optional parameters for a model call; a ``None`` field means "use the model's default".

    Settings layer: an agent's settings, then the run's (``RunConfig.model_settings``) on top,
    combined with :meth:`resolve`.
    """

    temperature: float | None = None
    top_p: float | None = None
    frequency_penalty: float | None = None
    presence_penalty: float | None = None
    tool_choice: ToolChoice = None
    parallel_tool_calls: bool | None = None
    truncation: Literal["auto", "disabled"] | None = None
    max_tokens: int | None = None
    reasoning: Reasoning | None = None
    verbosity: Literal["low", "medium", "high"] | None = None
    metadata: dict[str, str] | None = None
    store: bool | None = None
    prompt_cache_retention: Literal["in_memory", "24h"] | None = None
    """How long the provider keeps the prompt cache (Responses and Chat Completions)."""
    include_usage: bool | None = None
    response_include: list[str] | None = None
    top_logprobs: int | None = None
    extra_query: dict[str, Any] | None = None
    extra_body: dict[str, Any] | None = None
    extra_headers: dict[str, str] | None = None
    extra_args: dict[str, Any] | None = None
    retry: Any = None
    """Model-level retry policies (not supported yet: the OpenAI provider's ``RetryPolicy``
    retries requests)."""
    context_management: list[dict[str, Any]] | None = None
    """The Responses API's ``context_management`` (server-side compaction of long inputs)."""
    prompt_cache_options: dict[str, Any] | None = None
    """The provider's prompt cache options (``{"ttl": ...}``)."""
    preserve_raw_usage: bool | None = None
    """Keep the provider's own usage payload on each ``ModelResponse`` (``raw_usage``)."""
    timeout: float | None = None
    """Seconds a model call may take, streamed answer included; past it, ``ModelTimeoutError``."""

    def __post_init__(self) -> None:
        if self.retry is not None:
            raise UserError(
                "ModelSettings(retry=...) is not supported yet: this library has no model-level "
                "retry policies. The OpenAI provider retries failed requests itself "
                "(OpenAIProvider(retry_policy=RetryPolicy(...)))."
            )
        if self.timeout is not None and not (
            isinstance(self.timeout, int | float) and 0 < self.timeout < float("inf")
        ):
            raise UserError(
                f"ModelSettings.timeout must be a positive number, got {self.timeout!r}."
            )

    def resolve(self, override: ModelSettings | dict[str, Any] | None) -> ModelSettings:
        """A new settings object: this one with every non-``None`` field of ``override`` on top.

        ``extra_args`` dictionaries are merged (the override's keys win) rather than replaced.
        """
        if override is None:
            return self
        if isinstance(override, dict):
            override = ModelSettings(**override)
        changes = {
            f.name: value for f in fields(self) if (value := getattr(override, f.name)) is not None
        }
        if self.extra_args is not None and override.extra_args is not None:
            changes["extra_args"] = {**self.extra_args, **override.extra_args}
        return dataclasses.replace(self, **changes)

    def to_json_dict(self) -> dict[str, Any]:
        """The settings that are set, as plain JSON (``None`` fields left out)."""
        out: dict[str, Any] = {}
        for name in _FIELD_NAMES:
            value = getattr(self, name)
            if value is None:
                continue
            out[name] = _plain(value)
        return out

    def to_traceable_dict(self) -> dict[str, Any]:
        """The settings worth recording in a trace, every one named (``None`` when unset);
        provider-specific extras (``extra_body``, headers, ...) left out."""
        return {
            name: None if (value := getattr(self, name)) is None else _plain(value)
            for name in _TRACEABLE_FIELDS
        }


def _plain(value: Any) -> Any:
    """A setting as JSON: a dataclass (``Reasoning``) or a pydantic model (the ``openai``
    package's ``Reasoning``, say) as its fields."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    model_dump = getattr(value, "model_dump", None)
    return model_dump(mode="json", exclude_none=True) if callable(model_dump) else value


_FIELD_NAMES = tuple(f.name for f in fields(ModelSettings))
_TRACEABLE_FIELDS = tuple(
    name
    for name in _FIELD_NAMES
    if not name.startswith("extra_") and name not in ("preserve_raw_usage",)
)
