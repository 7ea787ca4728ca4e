"""Every error the runtime raises, in one tree.

::

    AgentsException             base of everything raised here; ``run_data`` when a run fails
    ├── UserError               the library was used wrongly (bad arguments, a bad signature)
    ├── MaxTurnsExceeded        the run hit ``max_turns`` before a final output
    ├── ModelBehaviorError      the model produced something unusable (bad JSON, unknown tool)
    ├── ModelRefusalError       the model refused to answer
    ├── ModelTimeoutError       a model call took longer than ``ModelSettings.timeout``
    ├── ToolTimeoutError        a function tool ran longer than its ``timeout``
    ├── ToolExecutionError      a tool raised and its failure handling asked for the error
    ├── InputGuardrailTripwireTriggered     an input guardrail stopped the run
    ├── OutputGuardrailTripwireTriggered    an output guardrail stopped the run
    ├── ToolInputGuardrailTripwireTriggered     a tool input guardrail stopped the run
    ├── ToolOutputGuardrailTripwireTriggered    a tool output guardrail stopped the run
    ├── SessionError            a session could not be read or written
    │   └── SessionSchemaError      its tables were written by a newer version
    ├── ReplayDivergenceError   a replayed run asked for what the recording does not hold
    ├── MCPServerError          an MCP server failed (names the server)
    │   ├── MCPConnectionError      it could not be started or connected
    │   └── MCPToolError            a call failed: it died, hung, or sent malformed data
    ├── MCPToolCancellationError    an MCP tool call was cancelled
    └── ModelScriptError        a scripted test model was used outside its script (testing)
        ├── UnexpectedModelCall     called when no step was left
        ├── UnofferedToolCall       a step calls a function the model was not offered
        └── UnconsumedModelSteps    steps were left over at ``assert_complete()``

Control-flow signals (a tool asking to stop, a run being cancelled) are not errors and never appear
here. Messages never include secrets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

if TYPE_CHECKING:
    from ._agents.agent import Agent
    from ._agents.guardrails import InputGuardrailResult, OutputGuardrailResult
    from ._base.run_context import RunContextWrapper
    from ._items.items import ModelResponse, RunItem, TResponseInputItem
    from ._tools.tool_guardrails import (
        ToolGuardrailFunctionOutput,
        ToolInputGuardrail,
        ToolInputGuardrailResult,
        ToolOutputGuardrail,
        ToolOutputGuardrailResult,
    )

__all__ = (
    "AgentsException",
    "InputGuardrailTripwireTriggered",
    "InvalidModelStep",
    "MCPConnectionError",
    "MCPServerError",
    "MCPToolCancellationError",
    "MCPToolError",
    "MaxTurnsExceeded",
    "ModelBehaviorError",
    "ModelRefusalError",
    "ModelScriptError",
    "ModelStepReason",
    "ModelTimeoutError",
    "OutputGuardrailTripwireTriggered",
    "ReplayDivergenceError",
    "RunErrorDetails",
    "SessionError",
    "SessionSchemaError",
    "ToolExecutionError",
    "ToolInputGuardrailTripwireTriggered",
    "ToolOutputGuardrailTripwireTriggered",
    "ToolTimeoutError",
    "UnconsumedModelSteps",
    "UnexpectedModelCall",
    "UnofferedToolCall",
    "UserError",
)


@dataclass(eq=False)
class RunErrorDetails:
    """What a failed run had produced before it failed (``AgentsException.run_data``)."""

    input: str | list[TResponseInputItem]
    new_items: list[RunItem]
    raw_responses: list[ModelResponse]
    last_agent: Agent[Any]
    context_wrapper: RunContextWrapper[Any]
    input_guardrail_results: list[InputGuardrailResult]
    output_guardrail_results: list[OutputGuardrailResult]
    tool_input_guardrail_results: list[ToolInputGuardrailResult] = field(default_factory=list)
    """The tool input guardrails that ran before the run failed."""
    tool_output_guardrail_results: list[ToolOutputGuardrailResult] = field(default_factory=list)
    """The tool output guardrails that ran before the run failed."""

    def __str__(self) -> str:
        return (
            f"RunErrorDetails(last_agent={self.last_agent.name!r}, "
            f"{len(self.new_items)} new items, {len(self.raw_responses)} model responses)"
        )


class AgentsException(Exception):
    """Base class of every exception raised by the agents runtime.

    When a run fails, ``run_data`` holds what the run had produced up to the failure (input, new
    items, raw model responses, last agent, context), so nothing is lost.
    """

    message: str
    run_data: RunErrorDetails | None

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        self.message = str(args[0]) if args else ""
        self.run_data = None


class UserError(AgentsException):
    """The library was used in a way it does not support; the message says what to change."""

    def __init__(self, message: str) -> None:
        super().__init__(message)


class MaxTurnsExceeded(AgentsException):
    """The run reached its ``max_turns`` limit without producing a final output."""

    def __init__(self, message: str, *, max_turns: int | None = None) -> None:
        super().__init__(message)
        self.max_turns = max_turns


class ModelBehaviorError(AgentsException):
    """The model produced output the runtime cannot act on (bad JSON, an unknown tool, ...)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)


class ModelRefusalError(AgentsException):
    """The model refused to give the answer (its message was a refusal); ``refusal`` is its text.

    An ``error_handlers={"model_refusal": ...}`` handler can turn it into a final output.
    """

    def __init__(self, refusal: str) -> None:
        super().__init__(f"The model refused to produce output: {refusal}")
        self.refusal = refusal


class ModelTimeoutError(AgentsException):
    """A model call took longer than its ``ModelSettings.timeout``."""

    def __init__(self, timeout_seconds: float) -> None:
        super().__init__(f"The model call timed out after {timeout_seconds:g} seconds.")
        self.timeout_seconds = timeout_seconds


class MCPToolCancellationError(AgentsException):
    """An MCP tool call was cancelled before it finished."""

    def __init__(self, message: str) -> None:
        super().__init__(message)


class ToolTimeoutError(AgentsException):
    """A function tool did not finish within its per-call ``timeout``."""

    def __init__(self, tool_name: str, timeout_seconds: float) -> None:
        super().__init__(f"Tool '{tool_name}' timed out after {timeout_seconds:g} seconds.")
        self.tool_name = tool_name
        self.timeout_seconds = timeout_seconds


class ToolExecutionError(AgentsException):
    """A tool raised an exception that was not turned into a message for the model.

    This happens when the tool has no ``failure_error_function`` (``function_tool(...,
    failure_error_function=None)``, or a hand-built ``FunctionTool``). The original exception is
    ``__cause__`` and ``original_error``.
    """

    def __init__(self, tool_name: str, agent_name: str, error: Exception) -> None:
        super().__init__(
            f"Tool '{tool_name}' of agent '{agent_name}' raised {type(error).__name__}: {error}"
        )
        self.tool_name = tool_name
        self.agent_name = agent_name
        self.original_error = error


class InputGuardrailTripwireTriggered(AgentsException):
    """An input guardrail's tripwire fired; ``guardrail_result`` holds its verdict."""

    def __init__(self, guardrail_result: InputGuardrailResult) -> None:
        super().__init__(
            f"Input guardrail '{guardrail_result.guardrail.get_name()}' triggered its tripwire."
        )
        self.guardrail_result = guardrail_result


class OutputGuardrailTripwireTriggered(AgentsException):
    """An output guardrail's tripwire fired; ``guardrail_result`` holds its verdict."""

    def __init__(self, guardrail_result: OutputGuardrailResult) -> None:
        super().__init__(
            f"Output guardrail '{guardrail_result.guardrail.get_name()}' triggered its tripwire "
            f"on the output of agent '{guardrail_result.agent.name}'."
        )
        self.guardrail_result = guardrail_result


class ToolInputGuardrailTripwireTriggered(AgentsException):
    """A tool input guardrail asked to stop the run."""

    def __init__(self, guardrail: ToolInputGuardrail[Any], output: ToolGuardrailFunctionOutput):
        super().__init__(f"Tool input guardrail '{guardrail.get_name()}' stopped the run.")
        self.guardrail = guardrail
        self.output = output


class ToolOutputGuardrailTripwireTriggered(AgentsException):
    """A tool output guardrail asked to stop the run."""

    def __init__(self, guardrail: ToolOutputGuardrail[Any], output: ToolGuardrailFunctionOutput):
        super().__init__(f"Tool output guardrail '{guardrail.get_name()}' stopped the run.")
        self.guardrail = guardrail
        self.output = output


class MCPServerError(AgentsException):
    """An MCP server failed; ``server_name`` says which."""

    def __init__(self, server_name: str, message: str) -> None:
        super().__init__(f"MCP server '{server_name}': {message}")
        self.server_name = server_name


class MCPConnectionError(MCPServerError):
    """An MCP server could not be started or connected (after any retries)."""


class MCPToolError(MCPServerError):
    """A call to an MCP server failed: the server died, did not answer in time, or answered
    with something unusable. ``tool_name`` says which call."""

    def __init__(self, server_name: str, tool_name: str, message: str) -> None:
        super().__init__(server_name, f"tool '{tool_name}': {message}")
        self.tool_name = tool_name


class SessionError(AgentsException):
    """A session could not be read or written (the storage failed, or was busy for too long).

    The storage's own exception is ``__cause__``.
    """


class SessionSchemaError(SessionError):
    """The database holds tables in a layout this version does not know (written by a newer one)."""

    def __init__(self, message: str, *, table: str, found_version: int) -> None:
        super().__init__(message)
        self.table = table
        self.found_version = found_version


class ReplayDivergenceError(AgentsException):
    """A replayed run asked for something the recording does not hold.

    ``call_index`` is the 0-based model call; ``expected`` and ``actual`` are the recorded and
    the new request as compared (``expected`` is None past the end of the recording); ``diff``
    is a unified diff of the two, as pretty JSON.
    """

    def __init__(
        self,
        message: str,
        *,
        call_index: int,
        expected: dict[str, Any] | None,
        actual: dict[str, Any] | None,
        diff: str = "",
    ) -> None:
        super().__init__(message)
        self.call_index = call_index
        self.expected = expected
        self.actual = actual
        self.diff = diff


class ModelScriptError(AgentsException):
    """A scripted test model (``agents_core.testing.ScriptedModel``) was used outside its script."""


ModelStepReason: TypeAlias = Literal[
    "invalid_input",
    "unsupported_field",
    "invalid_error",
    "invalid_responder",
    "invalid_stream_events",
    "conflicting_outcomes",
]
"""Why a scripted step was refused (``InvalidModelStep.reason``)."""


class InvalidModelStep(ModelScriptError):
    """A scripted step is malformed; raised when it is added to the script, before any call.

    ``reason`` says what is wrong, ``input_index`` which step (counting from 0) it is.
    """

    def __init__(self, message: str, *, reason: ModelStepReason, input_index: int) -> None:
        super().__init__(message)
        self.reason = reason
        self.input_index = input_index


class UnexpectedModelCall(ModelScriptError):
    """The scripted model was called after its last scripted step."""

    def __init__(self, message: str, *, call: Any, call_index: int) -> None:
        super().__init__(message)
        self.call = call
        self.call_index = call_index


class UnofferedToolCall(ModelScriptError):
    """A scripted step calls a function (tool or handoff) that the model call did not offer.

    A real model can only call what it is offered, so a script that does otherwise would test
    something that cannot happen. ``name`` is the function called, ``offered`` what was offered.
    """

    def __init__(self, message: str, *, name: str, offered: list[str]) -> None:
        super().__init__(message)
        self.name = name
        self.offered = offered


class UnconsumedModelSteps(ModelScriptError):
    """``assert_complete()`` found scripted steps that no model call consumed."""

    def __init__(self, message: str, *, remaining_steps: int) -> None:
        super().__init__(message)
        self.remaining_steps = remaining_steps
