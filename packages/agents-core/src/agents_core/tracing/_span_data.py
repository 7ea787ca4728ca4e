"""What each kind of span records: an agent, a model call, a tool call, a handoff, a guardrail.

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
    "SpanData",
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
        data: dict[str, Any] = {
            "type": "agent",
            "name": self.name,
            "handoffs": self.handoffs,
            "tools": self.tools,
            "output_type": self.output_type,
        }
        if self.metadata:
            data["metadata"] = self.metadata
        return data


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
        input: str | None = None,
        output: Any | None = None,
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

    def __init__(self, name: str, data: dict[str, Any] | None = None) -> None:
        self.name = name
        self.data = data if data is not None else {}

    @property
    def type(self) -> str:
        """``"custom"``."""
        return "custom"

    def export(self) -> dict[str, Any]:
        """The name and the data."""
        return {"type": "custom", "name": self.name, "data": self.data}
