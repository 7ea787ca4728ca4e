"""What the fake server sends: Responses objects and events, chat completions and chunks.

Everything here is built from a scripted reply's output items (Responses output items as
JSON), so one script serves both APIs, in one piece or streamed, in the shapes OpenAI sends.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Mapping
from typing import Any

__all__ = (
    "chat_chunks",
    "chat_completion",
    "response_events",
    "response_object",
    "usage_json",
)

_WORDS = re.compile(r"\S+\s*|\s+")

_HOSTED_PROGRESS: dict[str, tuple[str, ...]] = {
    "web_search_call": ("in_progress", "searching", "completed"),
    "file_search_call": ("in_progress", "searching", "completed"),
    "code_interpreter_call": ("in_progress", "interpreting", "completed"),
    "image_generation_call": ("in_progress", "generating", "completed"),
    "mcp_call": ("in_progress", "completed"),
    "mcp_list_tools": ("in_progress", "completed"),
}


def usage_json(usage: Mapping[str, Any] | None) -> dict[str, Any]:
    """A Responses ``usage`` object; missing figures default to a small, fixed count."""
    given = dict(usage or {})
    input_tokens = int(given.get("input_tokens", 12))
    output_tokens = int(given.get("output_tokens", 6))
    input_details = given.get("input_tokens_details") or {}
    return {
        "input_tokens": input_tokens,
        "input_tokens_details": {
            "cached_tokens": int(input_details.get("cached_tokens", 0)),
            "cache_write_tokens": int(input_details.get("cache_write_tokens", 0)),
        },
        "output_tokens": output_tokens,
        "output_tokens_details": {
            "reasoning_tokens": int(
                (given.get("output_tokens_details") or {}).get("reasoning_tokens", 0)
            )
        },
        "total_tokens": int(given.get("total_tokens", input_tokens + output_tokens)),
    }


def response_object(
    *,
    response_id: str,
    request: Mapping[str, Any],
    output: list[dict[str, Any]],
    usage: dict[str, Any] | None,
    status: str,
    created_at: int,
    error: dict[str, Any] | None = None,
    incomplete_details: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A complete Responses ``response`` object, echoing the request's settings."""
    body: dict[str, Any] = {
        "id": response_id,
        "object": "response",
        "created_at": created_at,
        "status": status,
        "error": error,
        "incomplete_details": incomplete_details,
        "instructions": request.get("instructions"),
        "max_output_tokens": request.get("max_output_tokens"),
        "model": request.get("model", "gpt-4.1"),
        "output": output,
        "parallel_tool_calls": request.get("parallel_tool_calls", True),
        "previous_response_id": request.get("previous_response_id"),
        "store": request.get("store", True),
        "temperature": request.get("temperature", 1.0),
        "text": request.get("text", {"format": {"type": "text"}}),
        "tool_choice": request.get("tool_choice", "auto"),
        "tools": request.get("tools", []),
        "top_p": request.get("top_p", 1.0),
        "truncation": request.get("truncation", "disabled"),
        "metadata": request.get("metadata", {}),
    }
    if usage is not None:  # a failed response has none; the spec has no null for it
        body["usage"] = usage
    if request.get("reasoning") is not None:
        body["reasoning"] = request["reasoning"]
    if isinstance(request.get("conversation"), str):
        body["conversation"] = {"id": request["conversation"]}
    if request.get("prompt") is not None:
        body["prompt"] = request["prompt"]
    return body


class _Events:
    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []

    def add(self, kind: str, **fields: Any) -> None:
        self.events.append({"type": kind, "sequence_number": len(self.events), **fields})


def _message_events(events: _Events, index: int, item: dict[str, Any]) -> None:
    item_id = item["id"]
    events.add(
        "response.output_item.added",
        output_index=index,
        item={**item, "status": "in_progress", "content": []},
    )
    where = {"item_id": item_id, "output_index": index}
    for part_index, part in enumerate(item.get("content", [])):
        at = {**where, "content_index": part_index}
        if part.get("type") == "output_text":
            empty = {**part, "text": "", "annotations": [], "logprobs": []}
            events.add("response.content_part.added", **at, part=empty)
            for delta in _WORDS.findall(part["text"]):
                events.add("response.output_text.delta", **at, delta=delta, logprobs=[])
            for number, annotation in enumerate(part.get("annotations", [])):
                events.add(
                    "response.output_text.annotation.added",
                    **at,
                    annotation_index=number,
                    annotation=annotation,
                )
            events.add("response.output_text.done", **at, text=part["text"], logprobs=[])
        else:
            events.add("response.content_part.added", **at, part={**part, "refusal": ""})
            events.add("response.refusal.delta", **at, delta=part["refusal"])
            events.add("response.refusal.done", **at, refusal=part["refusal"])
        events.add("response.content_part.done", **at, part=part)


def _function_call_events(events: _Events, index: int, item: dict[str, Any]) -> None:
    item_id = item.get("id") or item["call_id"]
    item = {**item, "id": item_id}
    events.add(
        "response.output_item.added",
        output_index=index,
        item={**item, "arguments": "", "status": "in_progress"},
    )
    arguments = item["arguments"]
    half = len(arguments) // 2
    for piece in (arguments[:half], arguments[half:]):
        if piece:
            events.add(
                "response.function_call_arguments.delta",
                item_id=item_id,
                output_index=index,
                delta=piece,
            )
    events.add(
        "response.function_call_arguments.done",
        item_id=item_id,
        output_index=index,
        name=item["name"],
        arguments=arguments,
    )


def _reasoning_events(events: _Events, index: int, item: dict[str, Any]) -> None:
    events.add("response.output_item.added", output_index=index, item={**item, "summary": []})
    for summary_index, part in enumerate(item.get("summary", [])):
        at = {"item_id": item["id"], "output_index": index, "summary_index": summary_index}
        events.add("response.reasoning_summary_part.added", **at, part={**part, "text": ""})
        events.add("response.reasoning_summary_text.delta", **at, delta=part["text"])
        events.add("response.reasoning_summary_text.done", **at, text=part["text"])
        events.add("response.reasoning_summary_part.done", **at, part=part)


def _other_item_events(events: _Events, index: int, item: dict[str, Any]) -> None:
    kind = item["type"]
    events.add("response.output_item.added", output_index=index, item=item)
    at = {"item_id": item.get("id", ""), "output_index": index}
    if kind == "code_interpreter_call" and item.get("code"):
        events.add("response.code_interpreter_call_code.delta", **at, delta=item["code"])
        events.add("response.code_interpreter_call_code.done", **at, code=item["code"])
    if kind == "mcp_call":
        events.add("response.mcp_call_arguments.delta", **at, delta=item.get("arguments", ""))
        events.add("response.mcp_call_arguments.done", **at, arguments=item.get("arguments", ""))
    for stage in _HOSTED_PROGRESS.get(kind, ()):
        prefix = "response.mcp_call" if kind == "mcp_call" else f"response.{kind}"
        events.add(f"{prefix}.{stage}", **at)


def response_events(
    response: dict[str, Any], *, terminal: str = "response.completed"
) -> list[dict[str, Any]]:
    """The stream of events that delivers ``response`` (a complete response object)."""
    events = _Events()
    # The live API sends "usage": null here, which the spec does not allow: leave it out.
    start = {key: value for key, value in response.items() if key != "usage"}
    start.update(status="in_progress", output=[], error=None, incomplete_details=None)
    events.add("response.created", response=start)
    events.add("response.in_progress", response=start)
    for index, item in enumerate(response["output"]):
        kind = item.get("type")
        if kind == "message":
            _message_events(events, index, item)
        elif kind == "function_call":
            _function_call_events(events, index, item)
        elif kind == "reasoning":
            _reasoning_events(events, index, item)
        else:
            _other_item_events(events, index, item)
        events.add("response.output_item.done", output_index=index, item=item)
    events.add(terminal, response=response)
    return events.events


# ----------------------------------------------------------------------------- chat completions


def _chat_usage(usage: dict[str, Any]) -> dict[str, Any]:
    return {
        "prompt_tokens": usage["input_tokens"],
        "completion_tokens": usage["output_tokens"],
        "total_tokens": usage["total_tokens"],
        "prompt_tokens_details": {"cached_tokens": usage["input_tokens_details"]["cached_tokens"]},
        "completion_tokens_details": {
            "reasoning_tokens": usage["output_tokens_details"]["reasoning_tokens"]
        },
    }


def _chat_message(output: list[dict[str, Any]]) -> dict[str, Any]:
    texts: list[str] = []
    refusals: list[str] = []
    tool_calls: list[dict[str, Any]] = []
    for item in output:
        if item.get("type") == "message":
            for part in item.get("content", []):
                if part.get("type") == "output_text":
                    texts.append(part["text"])
                elif part.get("type") == "refusal":
                    refusals.append(part["refusal"])
        elif item.get("type") == "function_call":
            tool_calls.append(
                {
                    "id": item["call_id"],
                    "type": "function",
                    "function": {"name": item["name"], "arguments": item["arguments"]},
                }
            )
    message: dict[str, Any] = {
        "role": "assistant",
        "content": "".join(texts) if texts else None,
        "refusal": "".join(refusals) if refusals else None,
        "annotations": [],
    }
    if tool_calls:
        message["tool_calls"] = tool_calls
    return message


def chat_completion(
    *, completion_id: str, model: str, output: list[dict[str, Any]], usage: dict[str, Any]
) -> dict[str, Any]:
    """A ``chat.completion`` object carrying the same content as Responses ``output`` items."""
    message = _chat_message(output)
    return {
        "id": completion_id,
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "system_fingerprint": "fp_fake",
        "choices": [
            {
                "index": 0,
                "message": message,
                "logprobs": None,
                "finish_reason": "tool_calls" if message.get("tool_calls") else "stop",
            }
        ],
        "usage": _chat_usage(usage),
    }


def chat_chunks(
    *,
    completion_id: str,
    model: str,
    output: list[dict[str, Any]],
    usage: dict[str, Any],
    include_usage: bool,
) -> list[dict[str, Any]]:
    """The ``chat.completion.chunk`` objects that stream the same content."""
    created = int(time.time())
    chunks: list[dict[str, Any]] = []

    def add(delta: dict[str, Any], finish_reason: str | None = None) -> None:
        choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}
        chunks.append(_chunk(completion_id, model, created, [choice]))

    message = _chat_message(output)
    add({"role": "assistant", "content": "", "refusal": None})
    for word in _WORDS.findall(message["content"] or ""):
        add({"content": word})
    if message["refusal"]:
        add({"refusal": message["refusal"]})
    for index, call in enumerate(message.get("tool_calls", [])):
        function = call["function"]
        opening = {"name": function["name"], "arguments": ""}
        add(
            {
                "tool_calls": [
                    {"index": index, "id": call["id"], "type": "function", "function": opening}
                ]
            }
        )
        arguments = function["arguments"]
        half = len(arguments) // 2
        for piece in (arguments[:half], arguments[half:]):
            if piece:
                add({"tool_calls": [{"index": index, "function": {"arguments": piece}}]})
    add({}, "tool_calls" if message.get("tool_calls") else "stop")
    if include_usage:
        final = _chunk(completion_id, model, created, [])
        final["usage"] = _chat_usage(usage)
        chunks.append(final)
    return chunks


def _chunk(
    completion_id: str, model: str, created: int, choices: list[dict[str, Any]]
) -> dict[str, Any]:
    return {
        "id": completion_id,
        "object": "chat.completion.chunk",
        "created": created,
        "model": model,
        "system_fingerprint": "fp_fake",
        "choices": choices,
    }


def sse_event(payload: Mapping[str, Any] | str, *, named: bool = True) -> bytes:
    """One server-sent event: ``event: TYPE`` (when ``named``) and ``data: JSON``."""
    if isinstance(payload, str):
        return f"data: {payload}\n\n".encode()
    data = json.dumps(payload, separators=(",", ":"))
    if named and isinstance(payload.get("type"), str):
        return f"event: {payload['type']}\ndata: {data}\n\n".encode()
    return f"data: {data}\n\n".encode()
