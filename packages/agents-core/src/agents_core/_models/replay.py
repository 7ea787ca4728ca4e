"""Replaying a recorded run offline: ``ReplayModel`` answers from a recording, checking each call.

Record a run once (``RunRecorder``), then replay it in a test with no network: each model call
is compared with the recorded request (after ``normalize_request`` drops fields that change from
run to run), and answered with the recorded response, streamed or not. A call that differs
raises ``ReplayDivergenceError`` with a diff. Tools run for real, unless ``replay_tools`` swaps
them for their recorded outputs.
"""

from __future__ import annotations

import copy
import dataclasses
import difflib
import json
import os
from collections.abc import AsyncIterator, Callable, Sequence
from typing import TYPE_CHECKING, Any, Literal

from .._items.items import ModelResponse, TResponseInputItem
from .._tools.tools import FunctionTool, LocalCallTool, Tool
from ..exceptions import ReplayDivergenceError
from .interface import Model, ModelProvider, ModelTracing
from .recording import RecordedModelCall, Recording, request_to_json
from .response_stream import stream_events_for

if TYPE_CHECKING:
    from .._agents.agent import Agent
    from .._base.model_settings import ModelSettings
    from .._base.output_schema import AgentOutputSchemaBase
    from .._base.run_context import ToolContext
    from .._items.stream_types import TResponseStreamEvent

__all__ = (
    "ReplayDivergenceError",
    "ReplayModel",
    "ReplayModelProvider",
    "normalize_request",
    "replay_tools",
)

RequestNormalizer = Callable[[dict[str, Any]], dict[str, Any]]
"""Turns a request (as JSON) into the form that is compared; given a copy, may change it."""

_DIFF_LINE_LIMIT = 150


def normalize_request(request: dict[str, Any]) -> dict[str, Any]:
    """The default normalisation: drop what legitimately differs between two runs.

    Item ``id``s (assigned by the provider), the values of a previous response id or a
    conversation id (only whether one is set is kept), and extra headers.
    """
    request["input"] = [
        {key: value for key, value in item.items() if key != "id"}
        if isinstance(item, dict)
        else item
        for item in request.get("input", [])
    ]
    for key in ("previous_response_id", "conversation_id"):
        if request.get(key) is not None:
            request[key] = "<set>"
    settings = request.get("model_settings")
    if isinstance(settings, dict):
        settings.pop("extra_headers", None)
    return request


def _pretty(value: Any) -> list[str]:
    return json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False).splitlines()


def _diff(expected: dict[str, Any], actual: dict[str, Any]) -> str:
    lines = list(
        difflib.unified_diff(
            _pretty(expected), _pretty(actual), "recorded", "this run", lineterm="", n=3
        )
    )
    if len(lines) > _DIFF_LINE_LIMIT:
        hidden = len(lines) - _DIFF_LINE_LIMIT
        lines = [*lines[:_DIFF_LINE_LIMIT], f"... ({hidden} more lines of diff)"]
    return "\n".join(lines)


class ReplayModel(Model):
    """A ``Model`` that plays back a recording: each call is checked, then answered from it.

    Use one for the whole run, whatever the agents' own models are:
    ``Runner.run(agent, input, run_config=RunConfig(model=ReplayModel.from_file(path)))``.
    Calls are matched in order, so a replay expects the run's calls in the order they were
    recorded. ``normalize`` replaces ``normalize_request`` (pass a function that also drops
    fields of your own, or ``None`` to compare everything).
    """

    def __init__(
        self,
        recording: Recording | Sequence[RecordedModelCall],
        *,
        normalize: RequestNormalizer | None = normalize_request,
    ) -> None:
        if not isinstance(recording, Recording):
            recording = Recording(model_calls=list(recording))
        self.recording = recording
        self._normalize = normalize
        self._position = 0

    @classmethod
    def from_file(
        cls,
        path: str | os.PathLike[str],
        *,
        normalize: RequestNormalizer | None = normalize_request,
    ) -> ReplayModel:
        """A replay of the recording at ``path`` (see ``Recording.load``)."""
        return cls(Recording.load(path), normalize=normalize)

    @property
    def calls_replayed(self) -> int:
        """How many recorded calls have been played back."""
        return self._position

    @property
    def remaining_calls(self) -> int:
        """How many recorded calls are left."""
        return len(self.recording.model_calls) - self._position

    def assert_complete(self) -> None:
        """Raise ``ReplayDivergenceError`` if the run made fewer calls than were recorded."""
        if self.remaining_calls:
            raise ReplayDivergenceError(
                f"The run made {self._position} model call(s), but {self._where()} holds "
                f"{len(self.recording.model_calls)}: it stopped earlier than the recorded run.",
                call_index=self._position,
                expected=self._compared(self.recording.model_calls[self._position].request),
                actual=None,
            )

    def _where(self) -> str:
        path = self.recording.path
        return "the recording" if path is None else f"the recording {path}"

    def _compared(self, request: dict[str, Any]) -> dict[str, Any]:
        return request if self._normalize is None else self._normalize(copy.deepcopy(request))

    def _answer(self, request: dict[str, Any]) -> ModelResponse:
        index = self._position
        actual = self._compared(request_to_json(request))
        calls = self.recording.model_calls
        if index >= len(calls):
            raise ReplayDivergenceError(
                f"Model call #{index + 1} was not recorded: {self._where()} holds only "
                f"{len(calls)} call(s). The run went on longer than the recorded run did.",
                call_index=index,
                expected=None,
                actual=actual,
            )
        recorded = calls[index]
        expected = self._compared(recorded.request)
        if expected != actual:
            diff = _diff(expected, actual)
            line = f", line {recorded.line}" if recorded.line else ""
            raise ReplayDivergenceError(
                f"Model call #{index + 1} differs from {self._where()}{line}. Diff of the "
                f"requests (- recorded, + this run):\n{diff}",
                call_index=index,
                expected=expected,
                actual=actual,
                diff=diff,
            )
        self._position += 1
        return ModelResponse.from_json_dict(recorded.response)

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
        """Check the request against the next recorded call and return its recorded response."""
        return self._answer(
            {
                "system_instructions": system_instructions,
                "input": input,
                "model_settings": model_settings,
                "tools": tools,
                "output_schema": output_schema,
                "handoffs": handoffs,
                "previous_response_id": previous_response_id,
                "conversation_id": conversation_id,
                "prompt": prompt,
            }
        )

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
        """As ``get_response``, with the recorded response as Responses stream events."""
        response = self._answer(
            {
                "system_instructions": system_instructions,
                "input": input,
                "model_settings": model_settings,
                "tools": tools,
                "output_schema": output_schema,
                "handoffs": handoffs,
                "previous_response_id": previous_response_id,
                "conversation_id": conversation_id,
                "prompt": prompt,
            }
        )
        if response.response_id is None:
            response.response_id = f"resp_replay_{self._position}"
        for event in stream_events_for(response):
            yield event


class ReplayModelProvider(ModelProvider):
    """A provider that answers every model name with one ``ReplayModel``.

    For agents that name their models: ``RunConfig(model_provider=ReplayModelProvider(...))``.
    """

    def __init__(self, model: ReplayModel) -> None:
        self.model = model

    @classmethod
    def from_file(
        cls,
        path: str | os.PathLike[str],
        *,
        normalize: RequestNormalizer | None = normalize_request,
    ) -> ReplayModelProvider:
        """A provider replaying the recording at ``path``."""
        return cls(ReplayModel.from_file(path, normalize=normalize))

    def get_model(self, model_name: str | None) -> Model:
        """The replay model, whatever the name."""
        return self.model


# --------------------------------------------------------------------------------------------
# Recorded tool outputs


def _missing_output(tool_name: str, call_id: str) -> ReplayDivergenceError:
    return ReplayDivergenceError(
        f"Tool '{tool_name}' was called with call id {call_id!r}, which has no recorded output.",
        call_index=-1,
        expected=None,
        actual=None,
    )


def _replayed_function(
    tool: FunctionTool, outputs: dict[str, dict[str, Any]], missing: Literal["raise", "run"]
) -> FunctionTool:
    original = tool.on_invoke_tool

    async def invoke(context: ToolContext[Any], arguments: str) -> Any:
        item = outputs.get(context.tool_call_id)
        if item is not None:
            return item.get("output")
        if missing == "run":
            return await original(context, arguments)
        raise _missing_output(tool.name, context.tool_call_id)

    return dataclasses.replace(tool, on_invoke_tool=invoke)


class _ReplayedLocalTool(LocalCallTool):
    """A local tool (computer, shell) whose calls are answered with their recorded outputs."""

    def __init__(
        self,
        tool: LocalCallTool,
        outputs: dict[str, dict[str, Any]],
        missing: Literal["raise", "run"],
    ) -> None:
        self._tool = tool
        self._outputs = outputs
        self._missing = missing
        self.is_enabled = tool.is_enabled

    @property
    def name(self) -> str:
        return self._tool.name

    @property
    def call_item_type(self) -> str:
        return self._tool.call_item_type

    def to_json_dict(self) -> dict[str, Any]:
        return self._tool.to_json_dict()

    async def run_call(self, context: ToolContext[Any], call: Any) -> dict[str, Any]:
        call_id = str(getattr(call, "call_id", None) or context.tool_call_id)
        item = self._outputs.get(call_id)
        if item is not None:
            return dict(item)
        if self._missing == "run":
            return await self._tool.run_call(context, call)
        raise _missing_output(self.name, call_id)


def replay_tools(
    agent: Agent[Any], recording: Recording, *, missing: Literal["raise", "run"] = "raise"
) -> Agent[Any]:
    """A copy of ``agent`` whose tools return their recorded outputs instead of running.

    Outputs are matched by call id (the replayed model makes the same calls as the recorded
    one). A call with no recorded output raises ``ReplayDivergenceError``, or, with
    ``missing="run"``, runs the real tool. A function tool's replayed output is the text the
    model saw, so ``ToolCallOutputItem.output`` is that text. Hosted tools are left as they are.
    """
    outputs = recording.tool_outputs()
    tools: list[Tool] = []
    for tool in agent.tools:
        if isinstance(tool, FunctionTool):
            tools.append(_replayed_function(tool, outputs, missing))
        elif isinstance(tool, LocalCallTool):
            tools.append(_ReplayedLocalTool(tool, outputs, missing))
        else:
            tools.append(tool)
    return agent.clone(tools=tools)
