"""What each kind of span records: an agent, a run (task) and its turns, a model call, a tool
call, a handoff, a guardrail, speech and transcription, an MCP tool listing, a Responses call.

Inputs and outputs of model and tool calls can be sensitive. ``GenerationSpanData`` and
``FunctionSpanData`` take ``include_data``: when it is False they never hold their ``input`` and
``output`` (assignments are dropped, reads give None), so no processor or exporter can see them,
whether it reads the fields or ``export()``. The runner passes
``RunConfig.trace_include_sensitive_data``; a model provider passes
``ModelTracing.include_data()``.
"""

from __future__ import annotations

import abc
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = (
    "AgentSpanData",
    "CustomSpanData",
    "FunctionSpanData",
    "GenerationSpanData",
    "GuardrailSpanData",
    "HandoffSpanData",
    "MCPListToolsSpanData",
    "ResponseSpanData",
    "SpanData",
    "SpeechGroupSpanData",
    "SpeechSpanData",
    "TaskSpanData",
    "TranscriptionSpanData",
    "TurnSpanData",
)


class SpanData(abc.ABC):
    """The payload of a span: its ``type`` and the fields ``export()`` turns into JSON."""

    __slots__ = ()

    @property
    @abc.abstractmethod
    def type(self) -> str:
        """The kind of span (``"agent"``, ``"generation"``, ``"function"``, ...)."""

    @abc.abstractmethod
    def export(self) -> dict[str, Any]:
        """The data as a plain JSON object, ``type`` included."""


class AgentSpanData(SpanData):
    """An agent's stretch of a run: its name, tools, handoffs and output type."""

    __slots__ = ("handoffs", "metadata", "name", "output_type", "tools")

    def __init__(
        self,
        name: str,
        handoffs: list[str] | None = None,
        tools: list[str] | None = None,
        output_type: str | None = None,
        metadata: dict[str, Any] | None = None,
    ) -> None:
        self.name = name
        self.handoffs = handoffs
        self.tools = tools
        self.output_type = output_type
        self.metadata = metadata

    @property
    def type(self) -> str:
        """``"agent"``."""
        return "agent"

    def export(self) -> dict[str, Any]:
        """The agent's name, handoffs, tools and output type."""
        return {
            "type": "agent",
            "name": self.name,
            "handoffs": self.handoffs,
            "tools": self.tools,
            "output_type": self.output_type,
        }


def _plain(items: Any) -> Any:
    """Items as plain JSON: output item models are dumped here, at export, not when recorded."""
    if isinstance(items, list):
        return [item.to_input_item() if hasattr(item, "to_input_item") else item for item in items]
    return items


class _SensitiveData(SpanData):
    """Span data whose ``input`` and ``output`` are kept only when ``include_data`` is True."""

    __slots__ = ("_input", "_output", "include_data")

    def __init__(self, input: Any, output: Any, include_data: bool) -> None:
        self.include_data = include_data
        self._input = input if include_data else None
        self._output = output if include_data else None

    @property
    def input(self) -> Any:
        """What went in (None when sensitive data is excluded)."""
        return self._input

    @input.setter
    def input(self, value: Any) -> None:
        self._input = value if self.include_data else None

    @property
    def output(self) -> Any:
        """What came out (None when sensitive data is excluded)."""
        return self._output

    @output.setter
    def output(self, value: Any) -> None:
        self._output = value if self.include_data else None


class GenerationSpanData(_SensitiveData):
    """A model call: input and output messages, the model, its settings and the token usage."""

    __slots__ = ("model", "model_config", "usage")

    def __init__(
        self,
        input: Sequence[Mapping[str, Any]] | None = None,
        output: Sequence[Mapping[str, Any]] | None = None,
        model: str | None = None,
        model_config: Mapping[str, Any] | None = None,
        usage: dict[str, Any] | None = None,
        *,
        include_data: bool = True,
    ) -> None:
        super().__init__(input, output, include_data)
        self.model = model
        self.model_config = model_config
        self.usage = usage

    @property
    def type(self) -> str:
        """``"generation"``."""
        return "generation"

    def export(self) -> dict[str, Any]:
        """Input, output, model, settings and usage."""
        config = self.model_config
        return {
            "type": "generation",
            "input": _plain(self._input),
            "output": _plain(self._output),
            "model": self.model,
            "model_config": getattr(config, "to_json_dict", lambda: config)(),
            "usage": self.usage,
        }


class FunctionSpanData(_SensitiveData):
    """A tool call: the tool's name, its arguments (``input``) and what it returned."""

    __slots__ = ("mcp_data", "name")

    def __init__(
        self,
        name: str,
        input: str | None,
        output: Any | None,
        mcp_data: dict[str, Any] | None = None,
        *,
        include_data: bool = True,
    ) -> None:
        super().__init__(input, output, include_data)
        self.name = name
        self.mcp_data = mcp_data

    @property
    def type(self) -> str:
        """``"function"``."""
        return "function"

    def export(self) -> dict[str, Any]:
        """Name, input, output (as text) and MCP details."""
        output = self._output
        return {
            "type": "function",
            "name": self.name,
            "input": self._input,
            "output": output if output is None or isinstance(output, str) else str(output),
            "mcp_data": self.mcp_data,
        }


class HandoffSpanData(SpanData):
    """Control passing from one agent to another."""

    __slots__ = ("from_agent", "to_agent")

    def __init__(self, from_agent: str | None, to_agent: str | None) -> None:
        self.from_agent = from_agent
        self.to_agent = to_agent

    @property
    def type(self) -> str:
        """``"handoff"``."""
        return "handoff"

    def export(self) -> dict[str, Any]:
        """The two agents' names."""
        return {"type": "handoff", "from_agent": self.from_agent, "to_agent": self.to_agent}


class GuardrailSpanData(SpanData):
    """A guardrail check, and whether its tripwire was triggered."""

    __slots__ = ("name", "triggered")

    def __init__(self, name: str, triggered: bool = False) -> None:
        self.name = name
        self.triggered = triggered

    @property
    def type(self) -> str:
        """``"guardrail"``."""
        return "guardrail"

    def export(self) -> dict[str, Any]:
        """The guardrail's name and whether it triggered."""
        return {"type": "guardrail", "name": self.name, "triggered": self.triggered}


class CustomSpanData(SpanData):
    """Anything else: a name and a JSON object of your own."""

    __slots__ = ("data", "name")

    def __init__(self, name: str, data: dict[str, Any]) -> None:
        self.name = name
        self.data = data

    @property
    def type(self) -> str:
        """``"custom"``."""
        return "custom"

    def export(self) -> dict[str, Any]:
        """The name and the data."""
        return {"type": "custom", "name": self.name, "data": self.data}


def _usage_data(kind: str, fields: dict[str, Any], usage: dict[str, Any] | None) -> dict[str, Any]:
    data = {"sdk_span_type": kind, **fields}
    if usage is not None:
        data["usage"] = usage
    return {"type": "custom", "name": kind, "data": data}


class TaskSpanData(SpanData):
    """One top-level run of the runner (exported as a custom span named ``"task"``)."""

    __slots__ = ("metadata", "name", "usage")

    def __init__(
        self,
        name: str,
        usage: dict[str, Any] | None = None,
        metadata: dict[str, Any] | None = None,
    ) -> None:
        self.name = name
        self.usage = usage
        self.metadata = metadata

    @property
    def type(self) -> str:
        """``"task"``."""
        return "task"

    def export(self) -> dict[str, Any]:
        """A custom span: ``sdk_span_type``, the name and the run's usage."""
        return _usage_data("task", {"name": self.name}, self.usage)


class TurnSpanData(SpanData):
    """One turn of the run loop (exported as a custom span named ``"turn"``)."""

    __slots__ = ("agent_name", "metadata", "turn", "usage")

    def __init__(
        self,
        turn: int,
        agent_name: str,
        usage: dict[str, Any] | None = None,
        metadata: dict[str, Any] | None = None,
    ) -> None:
        self.turn = turn
        self.agent_name = agent_name
        self.usage = usage
        self.metadata = metadata

    @property
    def type(self) -> str:
        """``"turn"``."""
        return "turn"

    def export(self) -> dict[str, Any]:
        """A custom span: ``sdk_span_type``, the turn number, the agent and the turn's usage."""
        return _usage_data("turn", {"turn": self.turn, "agent_name": self.agent_name}, self.usage)


class ResponseSpanData(SpanData):
    """One call to the Responses API: the response (its id is exported) and the input."""

    __slots__ = ("_response_id", "input", "response", "usage")

    def __init__(
        self,
        response: Any | None = None,
        input: str | list[Any] | None = None,
        usage: dict[str, Any] | None = None,
    ) -> None:
        self.response = response
        self.input = input  # for processors; not exported
        self.usage = usage
        self._response_id: str | None = None

    @property
    def type(self) -> str:
        """``"response"``."""
        return "response"

    def export(self) -> dict[str, Any]:
        """The response's id and the usage."""
        response_id = getattr(self.response, "id", None) if self.response is not None else None
        return {
            "type": "response",
            "response_id": response_id if self.response is not None else self._response_id,
            "usage": self.usage,
        }


class TranscriptionSpanData(SpanData):
    """A speech-to-text call: the audio in (base64), the text out, the model and settings."""

    __slots__ = ("input", "input_format", "model", "model_config", "output")

    def __init__(
        self,
        input: str | None = None,
        input_format: str | None = "pcm",
        output: str | None = None,
        model: str | None = None,
        model_config: Mapping[str, Any] | None = None,
    ) -> None:
        self.input = input
        self.input_format = input_format
        self.output = output
        self.model = model
        self.model_config = model_config

    @property
    def type(self) -> str:
        """``"transcription"``."""
        return "transcription"

    def export(self) -> dict[str, Any]:
        """The audio (data and format), the transcript, the model and its settings."""
        return {
            "type": "transcription",
            "input": {"data": self.input or "", "format": self.input_format},
            "output": self.output,
            "model": self.model,
            "model_config": self.model_config,
        }


class SpeechSpanData(SpanData):
    """A text-to-speech call: the text in, the audio out (base64), when audio first came."""

    __slots__ = ("first_content_at", "input", "model", "model_config", "output", "output_format")

    def __init__(
        self,
        input: str | None = None,
        output: str | None = None,
        output_format: str | None = "pcm",
        model: str | None = None,
        model_config: Mapping[str, Any] | None = None,
        first_content_at: str | None = None,
    ) -> None:
        self.input = input
        self.output = output
        self.output_format = output_format
        self.model = model
        self.model_config = model_config
        self.first_content_at = first_content_at

    @property
    def type(self) -> str:
        """``"speech"``."""
        return "speech"

    def export(self) -> dict[str, Any]:
        """The text, the audio (data and format), the model, its settings, the first audio time."""
        return {
            "type": "speech",
            "input": self.input,
            "output": {"data": self.output or "", "format": self.output_format},
            "model": self.model,
            "model_config": self.model_config,
            "first_content_at": self.first_content_at,
        }


class SpeechGroupSpanData(SpanData):
    """The spoken answer of one turn: the parent of its speech spans."""

    __slots__ = ("input",)

    def __init__(self, input: str | None = None) -> None:
        self.input = input

    @property
    def type(self) -> str:
        """``"speech_group"``."""
        return "speech_group"

    def export(self) -> dict[str, Any]:
        """The text that was spoken."""
        return {"type": "speech_group", "input": self.input}


class MCPListToolsSpanData(SpanData):
    """Listing an MCP server's tools: the server's name and the tool names it gave."""

    __slots__ = ("result", "server")

    def __init__(self, server: str | None = None, result: list[str] | None = None) -> None:
        self.server = server
        self.result = result

    @property
    def type(self) -> str:
        """``"mcp_tools"``."""
        return "mcp_tools"

    def export(self) -> dict[str, Any]:
        """The server and the tool names."""
        return {"type": "mcp_tools", "server": self.server, "result": self.result}
