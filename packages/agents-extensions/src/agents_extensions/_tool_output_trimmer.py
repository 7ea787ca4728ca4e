"""``ToolOutputTrimmer``: shrinks bulky tool outputs of older turns before a model call.

Long conversations collect tool outputs (search results, file contents, logs) that cost tokens on
every later call while mattering less and less. The trimmer keeps the last ``recent_turns`` user
turns untouched and, before them, replaces each tool output longer than ``max_output_chars``
(of the tools in ``trimmable_tools``, or of every tool) with a note and a short preview. Items
are never changed in place: trimmed ones are copies.

It is a model-input filter: call it with the model's input data (anything with ``model_data``
holding ``input`` and ``instructions``, as a run's call-model filter receives), or trim a list of
items directly with ``trim_items``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from agents_core import TResponseInputItem, UserError

from ._logging import logger

__all__ = ("ToolOutputTrimmer",)

_TEXT_PART = "input_text"


@dataclass
class ToolOutputTrimmer:
    """Trims large tool outputs from all but the latest ``recent_turns`` user turns.

    ``max_output_chars``: outputs longer than this are trimmed. ``preview_chars``: how much of a
    trimmed output's text is kept. ``trimmable_tools``: a tool name or names whose outputs may be
    trimmed (None: every tool).
    """

    recent_turns: int = 2
    max_output_chars: int = 500
    preview_chars: int = 200
    trimmable_tools: str | Iterable[str] | None = field(default=None)

    def __post_init__(self) -> None:
        if self.recent_turns < 1:
            raise UserError(f"recent_turns must be at least 1, got {self.recent_turns}.")
        if self.max_output_chars < 1:
            raise UserError(f"max_output_chars must be at least 1, got {self.max_output_chars}.")
        if self.preview_chars < 0:
            raise UserError(f"preview_chars cannot be negative, got {self.preview_chars}.")
        tools = self.trimmable_tools
        if isinstance(tools, bytes):
            raise UserError("trimmable_tools must be a tool name or an iterable of names.")
        if tools is not None:
            self.trimmable_tools = frozenset({tools} if isinstance(tools, str) else tools)

    def __call__(self, data: Any) -> Any:
        """The filter: the model data of ``data`` with old tool outputs trimmed.

        Returns the same kind of object as ``data.model_data`` (a copy when anything changed).
        """
        model_data = data.model_data
        trimmed = self.trim_items(list(model_data.input))
        if trimmed == model_data.input:
            return model_data
        if dataclasses.is_dataclass(model_data) and not isinstance(model_data, type):
            return dataclasses.replace(model_data, input=trimmed)
        return type(model_data)(input=trimmed, instructions=model_data.instructions)

    def trim_items(self, items: list[TResponseInputItem]) -> list[TResponseInputItem]:
        """``items`` with the old, large tool outputs replaced by previews (copies)."""
        boundary = self._recent_boundary(items)
        if boundary == 0:
            return items
        names = {
            item.get("call_id"): item.get("name")
            for item in items[:boundary]
            if isinstance(item, dict) and item.get("type") == "function_call"
        }
        result: list[TResponseInputItem] = []
        count = saved = 0
        for index, item in enumerate(items):
            replacement = None
            if index < boundary and isinstance(item, dict):
                replacement = self._trim(item, names.get(item.get("call_id")))
            if replacement is None:
                result.append(item)
                continue
            count += 1
            saved += _size(item.get("output")) - _size(replacement.get("output"))
            result.append(replacement)
        if count:
            logger().debug("tool outputs trimmed", outputs=count, characters_saved=saved)
        return result

    def _recent_boundary(self, items: list[TResponseInputItem]) -> int:
        """The index of the ``recent_turns``-th user message from the end (0: none is old)."""
        seen = 0
        for index in range(len(items) - 1, -1, -1):
            item = items[index]
            if isinstance(item, dict) and item.get("role") == "user":
                seen += 1
                if seen >= self.recent_turns:
                    return index
        return 0

    def _trim(self, item: dict[str, Any], tool: str | None) -> dict[str, Any] | None:
        if item.get("type") != "function_call_output":
            return None
        allowed = self.trimmable_tools
        if allowed is not None and tool not in allowed:  # type: ignore[operator]
            return None
        output = item.get("output", "")
        size = _size(output)
        if size <= self.max_output_chars:
            return None
        text = _text_of(output)
        preview = text[: self.preview_chars]
        dropped = _dropped_parts(output)
        note = f"[{tool or 'tool'} output trimmed: {size} characters, first {len(preview)} kept"
        note += f"; {dropped} non-text parts dropped]" if dropped else "]"
        summary = f"{note}\n{preview}" + ("..." if len(preview) < len(text) else "")
        if len(summary) >= size:
            return None
        return {**item, "output": summary}


def _size(output: Any) -> int:
    """How many characters the model is sent for an output (text, or the parts' strings)."""
    if isinstance(output, str):
        return len(output)
    if isinstance(output, list):
        return sum(
            len(value)
            for part in output
            if isinstance(part, dict)
            for key, value in part.items()
            if key != "type" and isinstance(value, str)
        )
    return len(str(output))


def _text_of(output: Any) -> str:
    if isinstance(output, str):
        return output
    if isinstance(output, list):
        return "\n".join(
            part["text"]
            for part in output
            if isinstance(part, dict) and part.get("type") == _TEXT_PART and "text" in part
        )
    return str(output)


def _dropped_parts(output: Any) -> int:
    if not isinstance(output, list):
        return 0
    return sum(
        1 for part in output if not (isinstance(part, dict) and part.get("type") == _TEXT_PART)
    )
