"""The same questions asked of a ``/responses`` or a ``/chat/completions`` request body.

Tests that run an agent through both APIs assert on what the model was offered and sent
without caring which wire format carried it: the offered function tools, the instructions, the
user messages, the tool calls in the history and their outputs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

__all__ = ("FunctionCall", "OfferedFunction", "RequestView")


@dataclass(frozen=True)
class OfferedFunction:
    """A function tool (or handoff) a request offered the model."""

    name: str
    description: str | None
    parameters: Any
    strict: bool | None


@dataclass(frozen=True)
class FunctionCall:
    """A function call in a request's history: the assistant's call and, if sent, its output."""

    call_id: str
    name: str
    arguments: str
    output: Any = None


def _text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(str(part.get("text", "")) for part in content if isinstance(part, Mapping))
    return ""


class RequestView:
    """A model request's body read the same way for both APIs (see ``RecordedRequest.view``)."""

    def __init__(self, api: Literal["responses", "chat"], body: Mapping[str, Any]) -> None:
        self.api = api
        self.body = body

    @property
    def functions(self) -> list[OfferedFunction]:
        """The function tools and handoffs offered, in the order sent."""
        offered: list[OfferedFunction] = []
        for tool in self.body.get("tools") or []:
            if self.api == "chat":
                spec = tool.get("function") or {}
                offered.append(
                    OfferedFunction(
                        spec.get("name", ""),
                        spec.get("description"),
                        spec.get("parameters"),
                        spec.get("strict"),
                    )
                )
            elif tool.get("type") == "function":
                offered.append(
                    OfferedFunction(
                        tool.get("name", ""),
                        tool.get("description"),
                        tool.get("parameters"),
                        tool.get("strict"),
                    )
                )
        return offered

    @property
    def tool_names(self) -> list[str]:
        """The names of the function tools and handoffs offered, in order."""
        return [function.name for function in self.functions]

    def function(self, name: str) -> OfferedFunction:
        """The offered function called ``name`` (``KeyError`` if it was not offered)."""
        for function in self.functions:
            if function.name == name:
                return function
        raise KeyError(f"{name!r} was not offered (offered: {self.tool_names})")

    @property
    def instructions(self) -> str | None:
        """The system instructions (Responses ``instructions``, or a leading system message)."""
        if self.api == "responses":
            return self.body.get("instructions")
        messages = self.body.get("messages") or []
        if messages and messages[0].get("role") in ("system", "developer"):
            return _text(messages[0].get("content"))
        return None

    @property
    def _entries(self) -> list[Mapping[str, Any]]:
        if self.api == "chat":
            return list(self.body.get("messages") or [])
        given = self.body.get("input")
        if isinstance(given, str):
            return [{"role": "user", "content": given}]
        return list(given or [])

    @property
    def user_messages(self) -> list[str]:
        """The text of every user message, in order."""
        return [
            _text(entry.get("content"))
            for entry in self._entries
            if entry.get("role") == "user" and entry.get("type", "message") == "message"
        ]

    @property
    def assistant_messages(self) -> list[str]:
        """The text of every assistant message in the history, in order."""
        texts = []
        for entry in self._entries:
            if entry.get("role") == "assistant" and entry.get("type", "message") == "message":
                text = _text(entry.get("content"))
                if text:
                    texts.append(text)
        return texts

    @property
    def function_calls(self) -> list[FunctionCall]:
        """The function calls in the history, with the outputs sent for them."""
        calls: list[dict[str, Any]] = []
        outputs: dict[str, Any] = {}
        for entry in self._entries:
            if self.api == "chat":
                for call in entry.get("tool_calls") or []:
                    spec = call.get("function") or {}
                    calls.append(
                        {
                            "call_id": call["id"],
                            "name": spec["name"],
                            "arguments": spec["arguments"],
                        }
                    )
                if entry.get("role") == "tool":
                    outputs[entry["tool_call_id"]] = entry.get("content")
            elif entry.get("type") == "function_call":
                calls.append({k: entry[k] for k in ("call_id", "name", "arguments")})
            elif entry.get("type") == "function_call_output":
                outputs[entry["call_id"]] = entry.get("output")
        return [FunctionCall(**call, output=outputs.get(call["call_id"])) for call in calls]

    @property
    def function_outputs(self) -> dict[str, Any]:
        """The tool outputs sent, by call id (also those whose call is not in this request, as
        with ``previous_response_id``)."""
        outputs: dict[str, Any] = {}
        for entry in self._entries:
            if self.api == "chat" and entry.get("role") == "tool":
                outputs[entry["tool_call_id"]] = entry.get("content")
            elif entry.get("type") == "function_call_output":
                outputs[entry["call_id"]] = entry.get("output")
        return outputs
