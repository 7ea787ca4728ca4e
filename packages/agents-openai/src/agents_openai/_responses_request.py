"""The body of ``POST /responses``: input, instructions, tools, settings, structured output."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from agents_core import AgentOutputSchemaBase, Handoff, ModelSettings, Tool, TResponseInputItem
from agents_core.exceptions import UserError

from ._params import param_json, param_mapping, reasoning_json

__all__ = (
    "build_responses_body",
    "prompt_json",
    "responses_tool_choice",
    "responses_tools",
)

# Tool choices that name a hosted tool rather than a function.
_HOSTED_CHOICES = frozenset(
    {
        "file_search",
        "web_search",
        "web_search_preview",
        "computer",
        "computer_use_preview",
        "code_interpreter",
        "image_generation",
        "local_shell",
        "mcp",
    }
)


def responses_tools(
    tools: list[Tool], handoffs: Sequence[Handoff[Any]] = ()
) -> tuple[list[dict[str, Any]], list[str]]:
    """Every tool's definition in the Responses format (handoffs last, as function tools), and
    the ``include`` values they need."""
    definitions: list[dict[str, Any]] = []
    includes: list[str] = []
    for tool in tools:
        definitions.append(tool.to_json_dict())
        includes.extend(getattr(tool, "includes", ()))
    definitions.extend(handoff.to_json_dict() for handoff in handoffs)
    return definitions, includes


def responses_tool_choice(choice: Any) -> Any:
    """``ModelSettings.tool_choice`` as the Responses API expects it."""
    if choice is None or isinstance(choice, dict):
        return choice
    if not isinstance(choice, str):
        return _tool_choice_object(choice)
    if choice in ("auto", "required", "none"):
        return choice
    if choice in _HOSTED_CHOICES:
        return {"type": "computer_use_preview" if choice == "computer" else choice}
    if isinstance(choice, str):
        return {"type": "function", "name": choice}
    raise UserError(f"tool_choice must be a string or a dict, got {type(choice).__name__}.")


def _tool_choice_object(choice: Any) -> dict[str, Any]:
    # An object such as the official SDK's MCPToolChoice(server_label=..., name=...), or one of
    # openai's tool choice models.
    fields = param_mapping(choice, "ModelSettings.tool_choice")
    assert fields is not None
    if "type" not in fields and "server_label" in fields:
        fields = {"type": "mcp", **fields}
    return fields


def prompt_json(prompt: Any) -> dict[str, Any] | None:
    """A prompt reference (``{"id": ..., "version": ..., "variables": ...}`` or an object with
    those attributes) as JSON, without unset fields."""
    if prompt is None:
        return None
    if isinstance(prompt, Mapping):
        fields = dict(prompt)
    else:
        fields = {name: getattr(prompt, name, None) for name in ("id", "version", "variables")}
    if not fields.get("id"):
        raise UserError("A prompt reference needs an 'id'.")
    return {name: param_json(value) for name, value in fields.items() if value is not None}


def _text_options(
    output_schema: AgentOutputSchemaBase | None, settings: ModelSettings
) -> dict[str, Any] | None:
    text: dict[str, Any] = {}
    if output_schema is not None and not output_schema.is_plain_text():
        text["format"] = {
            "type": "json_schema",
            "name": "final_output",
            "schema": output_schema.json_schema(),
            "strict": output_schema.is_strict_json_schema(),
        }
    if settings.verbosity is not None:
        text["verbosity"] = settings.verbosity
    return text or None


def _settings_fields(settings: ModelSettings, has_tools: bool) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "temperature": settings.temperature,
        "top_p": settings.top_p,
        "truncation": settings.truncation,
        "max_output_tokens": settings.max_tokens,
        "metadata": param_json(settings.metadata),
        "store": settings.store,
        "prompt_cache_retention": settings.prompt_cache_retention,
        "prompt_cache_options": settings.prompt_cache_options,
        "context_management": settings.context_management,
        "top_logprobs": settings.top_logprobs,
        "tool_choice": responses_tool_choice(settings.tool_choice),
    }
    if has_tools:
        fields["parallel_tool_calls"] = settings.parallel_tool_calls
    fields["reasoning"] = reasoning_json(settings.reasoning)
    return fields


def build_responses_body(
    *,
    model: str | None,
    system_instructions: str | None,
    input: str | list[TResponseInputItem],
    model_settings: ModelSettings,
    tools: list[Tool],
    handoffs: Sequence[Handoff[Any]],
    output_schema: AgentOutputSchemaBase | None,
    previous_response_id: str | None,
    conversation_id: str | None,
    prompt: Any,
    stream: bool,
) -> dict[str, Any]:
    """The JSON body of one ``POST /responses`` call (``None`` fields left out)."""
    definitions, includes = responses_tools(tools, handoffs)
    # No model: the stored prompt's own model answers (an agent that named none, with a prompt).
    body: dict[str, Any] = {"model": model, "input": input} if model else {"input": input}
    if system_instructions is not None:
        body["instructions"] = system_instructions
    # As the official SDK sends it: an empty list too, except where a stored prompt's own
    # tools would be overridden by it.
    if definitions or prompt is None:
        body["tools"] = definitions
    body.update(_settings_fields(model_settings, bool(definitions)))
    body["text"] = _text_options(output_schema, model_settings)
    include = list(model_settings.response_include or ())
    if model_settings.top_logprobs is not None:
        include.append("message.output_text.logprobs")
    include.extend(i for i in includes if i not in include)
    body["include"] = include
    body["previous_response_id"] = previous_response_id
    body["conversation"] = conversation_id
    body["prompt"] = prompt_json(prompt)
    if stream:
        body["stream"] = True
    body = {key: value for key, value in body.items() if value is not None}
    body.update(param_json(model_settings.extra_args or {}))
    body.update(param_json(model_settings.extra_body or {}))
    return body
