"""Recordings of runs: every model request and response, and tool outputs, as JSON Lines.

A recording is a text file, one JSON object per line:

- a header: ``{"type": "header", "format": "agents-recording", "schema_version": 1, ...}``;
- one ``{"type": "model_call", "index", "streamed", "request", "response"}`` per model call,
  where ``request`` holds the system instructions, input items, model settings, tool
  definitions, output schema, handoffs, previous response id and conversation id, and
  ``response`` is ``ModelResponse.to_json_dict()``;
- one ``{"type": "tool_call", "tool_name", "call_id", "arguments", "output_item"}`` per tool
  call, where ``output_item`` is the input item that carried the output back to the model.

``RunRecorder`` writes one; ``Recording.load`` reads one back for ``ReplayModel``. Values of
``ModelSettings.extra_headers`` are never written (they often carry credentials).
"""

from __future__ import annotations

import dataclasses
import json
import os
import threading
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._items.items import ModelResponse, TResponseInputItem, completed_model_response
from ..exceptions import UserError
from .interface import Model, ModelTracing

if TYPE_CHECKING:
    from .._base.model_settings import ModelSettings
    from .._base.output_schema import AgentOutputSchemaBase
    from .._items.stream_types import TResponseStreamEvent
    from .._tools.tools import Tool

__all__ = (
    "RECORDING_FORMAT",
    "RECORDING_SCHEMA_VERSION",
    "RecordedModelCall",
    "RecordedToolCall",
    "Recording",
    "RecordingModel",
    "RunRecorder",
    "request_to_json",
)

RECORDING_FORMAT = "agents-recording"
RECORDING_SCHEMA_VERSION = 1
"""The version of the recording layout this module writes and reads."""

_REDACTED = "<redacted>"


# --------------------------------------------------------------------------------------------
# Requests as JSON


def _fallback(value: Any) -> Any:
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, set | frozenset):
        return sorted(value, key=repr)
    # The type's name, not its repr: a repr often holds a memory address, which would make two
    # recordings of the same run differ.
    return f"<{type(value).__name__}>"


def _plain(value: Any) -> Any:
    """``value`` as exactly what it reads back as from a JSON file (tuples become lists...)."""
    return json.loads(json.dumps(value, default=_fallback))


def _settings_json(settings: ModelSettings | None) -> dict[str, Any]:
    if settings is None:
        return {}
    data = settings.to_json_dict()
    headers = data.get("extra_headers")
    if headers:
        data["extra_headers"] = dict.fromkeys(headers, _REDACTED)
    return data


def _tool_json(tool: Any) -> Any:
    to_json = getattr(tool, "to_json_dict", None)
    if callable(to_json):
        return to_json()
    return {"type": type(tool).__name__, "name": getattr(tool, "name", None)}


def _output_schema_json(schema: AgentOutputSchemaBase | None) -> dict[str, Any] | None:
    if schema is None or schema.is_plain_text():
        return None
    return {
        "name": schema.name(),
        "json_schema": schema.json_schema(),
        "strict": schema.is_strict_json_schema(),
    }


def _handoff_json(handoff: Any) -> dict[str, Any]:
    fields = ("tool_name", "tool_description", "input_json_schema", "agent_name")
    return {name: getattr(handoff, name, None) for name in fields}


def request_to_json(request: Mapping[str, Any]) -> dict[str, Any]:
    """A model request as plain JSON, from the keyword arguments of ``Model.get_response``.

    ``input`` given as a string becomes one user message, as the model would receive it.
    """
    given = request.get("input")
    items: list[Any] = (
        [{"role": "user", "content": given}] if isinstance(given, str) else list(given or [])
    )
    plain: dict[str, Any] = _plain(
        {
            "system_instructions": request.get("system_instructions"),
            "input": items,
            "model_settings": _settings_json(request.get("model_settings")),
            "tools": [_tool_json(tool) for tool in request.get("tools") or []],
            "output_schema": _output_schema_json(request.get("output_schema")),
            "handoffs": [_handoff_json(handoff) for handoff in request.get("handoffs") or []],
            "previous_response_id": request.get("previous_response_id"),
            "conversation_id": request.get("conversation_id"),
            "prompt": request.get("prompt"),
        }
    )
    return plain


# --------------------------------------------------------------------------------------------
# Writing


class RunRecorder:
    """Writes a recording of the model calls and tool calls of runs (JSON Lines at ``path``).

    The file is created (or replaced) at the first record; one recorder can record several runs
    in a row, and a replay then plays them back in the same order. Each record is appended and
    flushed at once, so a crash loses nothing already recorded. Safe to share between threads.

    Record a whole run with ``RunConfig(recorder=recorder)``, or one agent's model with
    ``agent.clone(model=recorder.wrap_model(model))``.
    """

    def __init__(
        self, path: str | os.PathLike[str], *, metadata: Mapping[str, Any] | None = None
    ) -> None:
        self.path = Path(path)
        self.metadata = dict(metadata) if metadata else {}
        self.model_calls = 0
        """How many model calls were recorded so far."""
        self._lock = threading.Lock()
        self._started = False

    def __repr__(self) -> str:
        return f"RunRecorder({str(self.path)!r})"

    def _write(self, record: dict[str, Any]) -> None:
        line = json.dumps(record, ensure_ascii=False, default=_fallback) + "\n"
        with self._lock:
            if not self._started:
                header = {
                    "type": "header",
                    "format": RECORDING_FORMAT,
                    "schema_version": RECORDING_SCHEMA_VERSION,
                    "created_at": datetime.now(UTC).isoformat(),
                    "metadata": self.metadata,
                }
                line = json.dumps(header, ensure_ascii=False) + "\n" + line
                mode = "w"
                self._started = True
            else:
                mode = "a"
            with self.path.open(mode, encoding="utf-8") as file:
                file.write(line)

    def record_model_call(
        self, request: Mapping[str, Any], response: ModelResponse, *, streamed: bool = False
    ) -> None:
        """Record one model call: ``request`` holds the keyword arguments the model was given."""
        with self._lock:
            index = self.model_calls
            self.model_calls += 1
        self._write(
            {
                "type": "model_call",
                "index": index,
                "streamed": streamed,
                "request": request_to_json(request),
                "response": response.to_json_dict(),
            }
        )

    def record_tool_call(
        self, *, tool_name: str, call_id: str, arguments: str, output_item: TResponseInputItem
    ) -> None:
        """Record one tool call and the input item that carries its output back to the model."""
        self._write(
            {
                "type": "tool_call",
                "tool_name": tool_name,
                "call_id": call_id,
                "arguments": arguments,
                "output_item": output_item,
            }
        )

    def wrap_model(self, model: Model) -> Model:
        """``model``, recording every call it answers into this recorder."""
        return RecordingModel(model, self)


class RecordingModel(Model):
    """A ``Model`` that passes each call to another one and records the call and its response."""

    def __init__(self, model: Model, recorder: RunRecorder) -> None:
        self.model = model
        self.recorder = recorder

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
        """Call the wrapped model, then record the call."""
        request: dict[str, Any] = {
            "system_instructions": system_instructions,
            "input": list(input) if isinstance(input, list) else input,
            "model_settings": model_settings,
            "tools": tools,
            "output_schema": output_schema,
            "handoffs": handoffs,
            "previous_response_id": previous_response_id,
            "conversation_id": conversation_id,
            "prompt": prompt,
        }
        response = await self.model.get_response(**request, tracing=tracing)
        self.recorder.record_model_call(request, response)
        return response

    async def stream_response(
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
        """Stream from the wrapped model; record the call when its response completes."""
        request: dict[str, Any] = {
            "system_instructions": system_instructions,
            "input": list(input) if isinstance(input, list) else input,
            "model_settings": model_settings,
            "tools": tools,
            "output_schema": output_schema,
            "handoffs": handoffs,
            "previous_response_id": previous_response_id,
            "conversation_id": conversation_id,
            "prompt": prompt,
        }
        async for event in self.model.stream_response(**request, tracing=tracing):
            if event.type == "response.completed":
                self.recorder.record_model_call(request, _completed_response(event), streamed=True)
            yield event

    async def close(self) -> None:
        """Close the wrapped model."""
        await self.model.close()


def _completed_response(event: Any) -> ModelResponse:
    return completed_model_response(event.response)


# --------------------------------------------------------------------------------------------
# Reading


@dataclass(frozen=True)
class RecordedModelCall:
    """One recorded model call: the request as JSON and the response as JSON."""

    index: int
    request: dict[str, Any]
    response: dict[str, Any]
    streamed: bool = False
    line: int = 0
    """The line of the recording file it came from (1-based; 0 when built in memory)."""


@dataclass(frozen=True)
class RecordedToolCall:
    """One recorded tool call and the input item that carried its output to the model."""

    tool_name: str
    call_id: str
    arguments: str
    output_item: dict[str, Any]


@dataclass
class Recording:
    """A recording read back: its header, model calls and tool calls, in order."""

    model_calls: list[RecordedModelCall]
    tool_calls: list[RecordedToolCall] = dataclasses.field(default_factory=list)
    header: dict[str, Any] = dataclasses.field(default_factory=dict)
    path: Path | None = None

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Recording:
        """Read a recording file; ``UserError`` if it is not one, or is from a newer version."""
        source = Path(path)
        lines = source.read_text(encoding="utf-8").splitlines()
        records = [_parse_line(source, number, text) for number, text in enumerate(lines, 1)]
        if not records or records[0][1].get("type") != "header":
            raise UserError(f"{source} is not a recording: its first line is not a header.")
        header = records[0][1]
        _check_header(source, header)
        recording = cls(model_calls=[], header=header, path=source)
        for number, record in records[1:]:
            recording._add(source, number, record)
        return recording

    def _add(self, source: Path, number: int, record: dict[str, Any]) -> None:
        kind = record.get("type")
        try:
            if kind == "model_call":
                self.model_calls.append(
                    RecordedModelCall(
                        index=len(self.model_calls),
                        request=dict(record["request"]),
                        response=dict(record["response"]),
                        streamed=bool(record.get("streamed", False)),
                        line=number,
                    )
                )
            elif kind == "tool_call":
                self.tool_calls.append(
                    RecordedToolCall(
                        tool_name=str(record["tool_name"]),
                        call_id=str(record["call_id"]),
                        arguments=str(record.get("arguments", "")),
                        output_item=dict(record["output_item"]),
                    )
                )
        except (KeyError, TypeError, ValueError) as exc:
            raise UserError(f"{source}, line {number}: a malformed {kind} record ({exc}).") from exc
        # Other record types (from a newer minor layout) are skipped on purpose.

    def tool_outputs(self) -> dict[str, dict[str, Any]]:
        """The output item of each tool call, by call id.

        From the tool-call records, and otherwise from the inputs of later model calls (where
        each output went back to the model), so a recording of model calls alone is enough.
        """
        outputs: dict[str, dict[str, Any]] = {}
        for call in self.model_calls:
            for item in call.request.get("input", []):
                if isinstance(item, dict) and _is_output_item(item):
                    outputs.setdefault(str(item["call_id"]), item)
        for tool_call in self.tool_calls:
            outputs[tool_call.call_id] = tool_call.output_item
        return outputs


def _is_output_item(item: dict[str, Any]) -> bool:
    kind = item.get("type")
    return isinstance(kind, str) and kind.endswith("_output") and "call_id" in item


def _parse_line(source: Path, number: int, text: str) -> tuple[int, dict[str, Any]]:
    try:
        record = json.loads(text)
    except ValueError as exc:
        raise UserError(f"{source}, line {number}: not valid JSON ({exc}).") from exc
    if not isinstance(record, dict):
        raise UserError(f"{source}, line {number}: expected a JSON object.")
    return number, record


def _check_header(source: Path, header: dict[str, Any]) -> None:
    if header.get("format") != RECORDING_FORMAT:
        raise UserError(f"{source} is not a recording (format {header.get('format')!r}).")
    version = header.get("schema_version")
    if not isinstance(version, int) or version < 1:
        raise UserError(f"{source}: the recording has no valid schema_version ({version!r}).")
    if version > RECORDING_SCHEMA_VERSION:
        raise UserError(
            f"{source} was recorded with schema version {version}, but this version of "
            f"agents-core reads only up to {RECORDING_SCHEMA_VERSION}: upgrade agents-core, or "
            "record the run again."
        )
