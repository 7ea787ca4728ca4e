"""The body of ``POST /chat/completions``: Responses-shaped input turned into chat messages."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from agents_core import (
    AgentOutputSchemaBase,
    FunctionTool,
    Handoff,
    ModelSettings,
    Tool,
    TResponseInputItem,
)
from agents_core.exceptions import UserError
from agents_core.logger import log

from ._params import param_json, reasoning_json

__all__ = ("build_chat_body", "chat_messages", "chat_tool_choice", "chat_tools")

_PASSED_ROLES = frozenset({"user", "system", "developer"})
_TEXT_PARTS = frozenset({"input_text", "output_text", "text"})


def _content_part(part: dict[str, Any]) -> dict[str, Any]:
    kind = part.get("type")
    if kind in ("input_text", "output_text", "text"):
        return {"type": "text", "text": part["text"]}
    if kind == "input_image":
        if not part.get("image_url"):
            raise UserError("Chat Completions needs images as 'image_url' (a URL or data URL).")
        image: dict[str, Any] = {"url": part["image_url"]}
        if part.get("detail"):
            image["detail"] = part["detail"]
        return {"type": "image_url", "image_url": image}
    if kind == "input_file":
        file = {k: part[k] for k in ("file_data", "file_id", "filename") if part.get(k)}
        return {"type": "file", "file": file}
    if kind == "input_audio":
        return {"type": "input_audio", "input_audio": part["input_audio"]}
    raise UserError(f"A '{kind}' content part cannot be sent to a Chat Completions model.")


def _content(content: Any) -> Any:
    if isinstance(content, str):
        return content
    return [_content_part(part) for part in content]


def _assistant_text(content: Any) -> tuple[str | None, str | None]:
    if isinstance(content, str):
        return content, None
    texts = [p["text"] for p in content if p.get("type") in ("output_text", "input_text", "text")]
    refusals = [p["refusal"] for p in content if p.get("type") == "refusal"]
    return ("".join(texts) if texts else None), ("".join(refusals) if refusals else None)


OMITTED_TOOL_OUTPUT = "[tool output omitted]"
"""Sent in place of a tool result that holds no text (Chat Completions tool messages are text)."""


def _tool_output(output: Any) -> Any:
    if isinstance(output, str):
        return output
    if not isinstance(output, list):
        return json.dumps(output)
    # A tool message takes text parts only; images and files a tool returned reach the model
    # through the Responses API.
    texts = [_content_part(part) for part in output if part.get("type") in _TEXT_PARTS]
    if texts:
        return texts
    log().warning(
        "tool output omitted: Chat Completions tool messages hold only text, and this tool "
        "returned none (the Responses API takes tool images and files)",
        kinds=sorted({str(part.get("type")) for part in output}),
    )
    return OMITTED_TOOL_OUTPUT


class _MessageBuilder:
    """Folds Responses items into chat messages; tool calls join the assistant turn before them."""

    def __init__(self) -> None:
        self.messages: list[dict[str, Any]] = []
        self._assistant: dict[str, Any] | None = None

    def add(self, item: TResponseInputItem) -> None:
        kind = item.get("type")
        role = item.get("role")
        if kind in (None, "message") and role in _PASSED_ROLES:
            self._assistant = None
            self.messages.append({"role": role, "content": _content(item["content"])})
        elif kind in (None, "message") and role == "assistant":
            text, refusal = _assistant_text(item["content"])
            self._assistant = {"role": "assistant", "content": text}
            if refusal is not None:
                self._assistant["refusal"] = refusal
            self.messages.append(self._assistant)
        elif kind == "function_call":
            if self._assistant is None:
                self._assistant = {"role": "assistant", "content": None}
                self.messages.append(self._assistant)
            self._assistant.setdefault("tool_calls", []).append(
                {
                    "id": item["call_id"],
                    "type": "function",
                    "function": {"name": item["name"], "arguments": item["arguments"]},
                }
            )
        elif kind == "function_call_output":
            self._assistant = None
            self.messages.append(
                {
                    "role": "tool",
                    "tool_call_id": item["call_id"],
                    "content": _tool_output(item["output"]),
                }
            )
        elif kind == "reasoning":
            pass  # Chat Completions takes no reasoning input; the model reasons afresh.
        else:
            raise UserError(
                f"A '{kind or role}' item cannot be sent to a Chat Completions model; use the "
                "Responses API (OpenAIResponsesModel) for hosted tools and their items."
            )


def chat_messages(
    system_instructions: str | None, input: str | list[TResponseInputItem]
) -> list[dict[str, Any]]:
    """The chat ``messages`` for instructions plus Responses-shaped input."""
    builder = _MessageBuilder()
    if system_instructions is not None:
        builder.messages.append({"role": "system", "content": system_instructions})
    if isinstance(input, str):
        builder.messages.append({"role": "user", "content": input})
    else:
        for item in input:
            builder.add(item)
    return builder.messages


def _chat_function(name: str, description: str, parameters: Any, strict: bool) -> dict[str, Any]:
    return {
        "type": "function",
        "function": {
            "name": name,
            "description": description,
            "parameters": parameters,
            "strict": strict,
        },
    }


def chat_tools(tools: list[Tool], handoffs: Sequence[Handoff[Any]] = ()) -> list[dict[str, Any]]:
    """Function tools, then handoffs, as chat ``tools``; other tools have no Chat Completions
    form."""
    definitions = []
    for tool in tools:
        if not isinstance(tool, FunctionTool):
            raise UserError(
                f"Tool '{tool.name}' runs on OpenAI's side and needs the Responses API; Chat "
                "Completions models only take function tools."
            )
        definitions.append(
            _chat_function(
                tool.name, tool.description, tool.params_json_schema, tool.strict_json_schema
            )
        )
    definitions.extend(
        _chat_function(
            handoff.tool_name,
            handoff.tool_description,
            handoff.input_json_schema,
            handoff.strict_json_schema,
        )
        for handoff in handoffs
    )
    return definitions


def chat_tool_choice(choice: Any) -> Any:
    """``ModelSettings.tool_choice`` in the chat format."""
    if choice is None or isinstance(choice, dict) or choice in ("auto", "required", "none"):
        return choice
    if isinstance(choice, str):
        return {"type": "function", "function": {"name": choice}}
    converted = param_json(choice)
    if isinstance(converted, dict) and "server_label" not in converted:
        return converted  # one of openai's tool choice params, given as a model
    raise UserError(
        f"tool_choice {type(choice).__name__} cannot be sent to a Chat Completions model; "
        "use a tool's name, 'auto', 'required', 'none' or a dict."
    )


def _response_format(output_schema: AgentOutputSchemaBase | None) -> dict[str, Any] | None:
    if output_schema is None or output_schema.is_plain_text():
        return None
    return {
        "type": "json_schema",
        "json_schema": {
            "name": "final_output",
            "strict": output_schema.is_strict_json_schema(),
            "schema": output_schema.json_schema(),
        },
    }


def build_chat_body(
    *,
    model: str,
    system_instructions: str | None,
    input: str | list[TResponseInputItem],
    model_settings: ModelSettings,
    tools: list[Tool],
    handoffs: Sequence[Handoff[Any]],
    output_schema: AgentOutputSchemaBase | None,
    stream: bool,
) -> dict[str, Any]:
    """The JSON body of one ``POST /chat/completions`` call (``None`` fields left out)."""
    settings = model_settings
    definitions = chat_tools(tools, handoffs)
    body: dict[str, Any] = {
        "model": model,
        "messages": chat_messages(system_instructions, input),
        "tools": definitions or None,
        "tool_choice": chat_tool_choice(settings.tool_choice),
        "parallel_tool_calls": settings.parallel_tool_calls if definitions else None,
        "response_format": _response_format(output_schema),
        "temperature": settings.temperature,
        "top_p": settings.top_p,
        "frequency_penalty": settings.frequency_penalty,
        "presence_penalty": settings.presence_penalty,
        "max_tokens": settings.max_tokens,
        "reasoning_effort": (reasoning_json(settings.reasoning) or {}).get("effort"),
        "verbosity": settings.verbosity,
        "metadata": param_json(settings.metadata),
        "store": settings.store,
        "prompt_cache_retention": settings.prompt_cache_retention,
        "prompt_cache_options": settings.prompt_cache_options,
        "top_logprobs": settings.top_logprobs,
        "logprobs": True if settings.top_logprobs is not None else None,
    }
    if stream:
        body["stream"] = True
        if settings.include_usage is not False:
            body["stream_options"] = {"include_usage": True}
    body = {key: value for key, value in body.items() if value is not None}
    body.update(param_json(settings.extra_args or {}))
    body.update(param_json(settings.extra_body or {}))
    return body
