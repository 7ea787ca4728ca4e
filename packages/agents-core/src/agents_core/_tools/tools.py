"""Function tools: Python callables the model can call, with schemas derived from signatures."""

from __future__ import annotations

import abc
import asyncio
import copy
import inspect
import json
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Concatenate, Literal, TypeAlias, TypeGuard, overload

import pydantic
from typing_extensions import ParamSpec

from .._base.docstrings import DocstringStyle
from .._base.logging import log
from .._base.run_context import RunContextWrapper, ToolContext
from ..exceptions import ModelBehaviorError, UserError
from .function_schema import FuncSchema, function_schema

if TYPE_CHECKING:
    from .._agents.agent import Agent
    from .tool_guardrails import ToolInputGuardrail, ToolOutputGuardrail

__all__ = (
    "FunctionTool",
    "HostedTool",
    "LocalCallTool",
    "NeedsApproval",
    "Tool",
    "ToolErrorFunction",
    "ToolFunction",
    "ToolFunctionWithContext",
    "ToolFunctionWithToolContext",
    "ToolFunctionWithoutContext",
    "ToolParams",
    "ToolTimeoutBehavior",
    "default_tool_error_function",
    "default_tool_timeout_error_message",
    "function_tool",
    "tool",
)

ToolErrorFunction: TypeAlias = Callable[[RunContextWrapper[Any], Exception], "str | Awaitable[str]"]
"""Turns a tool's exception into the text the model sees instead of the tool's output."""

ToolTimeoutBehavior: TypeAlias = Literal["error_as_result", "raise_exception"]
"""What a tool's timeout does: tell the model (``"error_as_result"``) or stop the run."""

ToolParams = ParamSpec("ToolParams")
"""The parameters of a function turned into a tool."""

ToolFunctionWithoutContext: TypeAlias = Callable[ToolParams, Any]
"""A tool function that takes only the model's arguments."""
ToolFunctionWithContext: TypeAlias = Callable[Concatenate[RunContextWrapper[Any], ToolParams], Any]
"""A tool function whose first parameter is the run context."""
ToolFunctionWithToolContext: TypeAlias = Callable[Concatenate[ToolContext[Any], ToolParams], Any]
"""A tool function whose first parameter is the tool context."""
ToolFunction: TypeAlias = (
    ToolFunctionWithoutContext[ToolParams]
    | ToolFunctionWithContext[ToolParams]
    | ToolFunctionWithToolContext[ToolParams]
)
"""Any function ``function_tool`` accepts."""


def default_tool_timeout_error_message(*, tool_name: str, timeout_seconds: float) -> str:
    """What the model is told when a tool runs past its timeout."""
    return f"Tool '{tool_name}' timed out after {timeout_seconds:g} seconds."


NeedsApproval: TypeAlias = Callable[
    [RunContextWrapper[Any], dict[str, Any], str], "bool | Awaitable[bool]"
]
"""Decides from the context, the call's arguments and its call id whether a person must approve."""


DefaultErrorRewriter: TypeAlias = Callable[[ToolContext[Any], Exception, str], Awaitable[str]]
default_error_rewriter: ContextVar[DefaultErrorRewriter | None] = ContextVar(
    "agents_default_tool_error_rewriter", default=None
)
"""Set by the runner (``RunConfig.tool_error_formatter``): rewrites the message of tools that
use the default failure function."""


def default_tool_error_function(ctx: RunContextWrapper[Any], error: Exception) -> str:
    """The default ``failure_error_function``: tell the model the tool failed, and why."""
    return f"An error occurred while running the tool. Please try again. Error: {error}"


_UNBUILT_TOOL_OPTIONS = {
    "defer_loading": "tool search",
    "custom_data_extractor": "custom data on tool output items",
    "allowed_callers": "programmatic tool calling",
    "output_type": "programmatic tool calling",
    "output_json_schema": "programmatic tool calling",
}


def _refuse_unbuilt_tool_options(tool_name: str, **options: Any) -> None:
    for option, value in options.items():
        if value not in (None, False):
            raise UserError(
                f"Tool '{tool_name}': {option} is not supported yet (this library has no "
                f"{_UNBUILT_TOOL_OPTIONS[option]}); leave it unset."
            )


@dataclass(eq=False)
class FunctionTool:
    """A tool the runtime executes itself when the model calls it.

    ``on_invoke_tool`` receives the tool context and the raw JSON arguments the model sent, and
    returns the tool's output. Build one by hand for full control, or with :func:`function_tool`.
    """

    name: str
    description: str
    params_json_schema: dict[str, Any]
    on_invoke_tool: Callable[[ToolContext[Any], str], Awaitable[Any]]
    strict_json_schema: bool = True
    is_enabled: bool | Callable[[RunContextWrapper[Any], Agent[Any]], Any] = True
    tool_input_guardrails: list[ToolInputGuardrail[Any]] | None = None
    tool_output_guardrails: list[ToolOutputGuardrail[Any]] | None = None
    needs_approval: bool | NeedsApproval = False
    """Pause the run for a person's decision before each call (or when the function says so)."""
    timeout_seconds: float | None = None
    timeout_behavior: ToolTimeoutBehavior = "error_as_result"
    timeout_error_function: ToolErrorFunction | None = None
    defer_loading: bool = False
    """Hide the tool until the model's tool search loads it (not supported yet)."""
    custom_data_extractor: Any = field(default=None, kw_only=True)
    """Attaches custom data to the tool's output item (not supported yet)."""
    allowed_callers: list[Any] | None = field(default=None, kw_only=True)
    """Which callers may call the tool, for programmatic tool calling (not supported yet)."""
    output_json_schema: dict[str, Any] | None = field(default=None, kw_only=True)
    """The tool's output schema, for programmatic tool calling (not supported yet)."""
    _is_agent_tool: bool = field(default=False, kw_only=True, repr=False)
    _agent_instance: Agent[Any] | None = field(default=None, kw_only=True, repr=False)
    _mcp_annotations: Any = field(default=None, kw_only=True, repr=False)

    @property
    def mcp_annotations(self) -> Any:
        """For a tool of an MCP server, a copy of the annotations the server gave it
        (``mcp.types.ToolAnnotations``: read-only, destructive, idempotent hints); else None."""
        return copy.deepcopy(self._mcp_annotations)

    @property
    def qualified_name(self) -> str:
        """The name that identifies the tool (its name: tools here have no namespaces)."""
        return self.name

    """The agent an ``Agent.as_tool`` tool runs (so a saved run can find it again)."""

    def __post_init__(self) -> None:
        _refuse_unbuilt_tool_options(
            self.name,
            defer_loading=self.defer_loading,
            custom_data_extractor=self.custom_data_extractor,
            allowed_callers=self.allowed_callers,
            output_json_schema=self.output_json_schema,
        )
        if self.timeout_seconds is not None and not self.timeout_seconds > 0:
            raise UserError(
                f"Tool '{self.name}': timeout must be a positive number of seconds, "
                f"got {self.timeout_seconds!r}."
            )
        if self.timeout_behavior not in ("error_as_result", "raise_exception"):
            raise UserError(
                f"Tool '{self.name}': timeout_behavior must be 'error_as_result' or "
                f"'raise_exception', got {self.timeout_behavior!r}."
            )

    def to_json_dict(self) -> dict[str, Any]:
        """The tool's definition in the Responses API ``tools`` format."""
        return {
            "type": "function",
            "name": self.name,
            "description": self.description,
            "parameters": self.params_json_schema,
            "strict": self.strict_json_schema,
        }


class HostedTool(abc.ABC):
    """Base of tools the model provider runs itself (web search, file search, code interpreter...).

    The runtime sends ``to_json_dict()`` with the request and records the calls and results the
    provider reports as run items; it never executes them.
    """

    is_enabled: bool | Callable[[RunContextWrapper[Any], Agent[Any]], Any] = True

    @property
    @abc.abstractmethod
    def name(self) -> str:
        """The tool's name (unique among an agent's tools)."""

    @abc.abstractmethod
    def to_json_dict(self) -> dict[str, Any]:
        """The tool's definition in the Responses API ``tools`` format."""


class LocalCallTool(abc.ABC):
    """Base of tools whose calls arrive as their own item type and run here (computer, shell).

    When the model emits an item whose ``type`` is ``call_item_type``, the runner awaits
    ``run_call`` and sends back the input item it returns (for example a
    ``computer_call_output``).
    """

    is_enabled: bool | Callable[[RunContextWrapper[Any], Agent[Any]], Any] = True

    @property
    @abc.abstractmethod
    def name(self) -> str:
        """The tool's name (unique among an agent's tools)."""

    @property
    @abc.abstractmethod
    def call_item_type(self) -> str:
        """The output item type this tool answers, such as ``"computer_call"``."""

    @abc.abstractmethod
    def to_json_dict(self) -> dict[str, Any]:
        """The tool's definition in the Responses API ``tools`` format."""

    @abc.abstractmethod
    async def run_call(self, context: ToolContext[Any], call: Any) -> dict[str, Any]:
        """Carry out one call item and return the input item that answers it."""

    def handles(self, call: Any) -> bool:
        """Whether this tool answers ``call`` (when several tools share a call item type)."""
        return True

    def approval_required(self, call: Any) -> bool:
        """Whether ``call`` waits for a person's decision (see ``RunState.approve``)."""
        return False

    async def answer_approval(
        self, context: ToolContext[Any], call: Any, approved: bool, message: str | None
    ) -> dict[str, Any]:
        """The input item answering ``call`` once a person decided (for approval calls)."""
        raise NotImplementedError(f"{type(self).__name__} does not take approval decisions")


Tool: TypeAlias = FunctionTool | HostedTool | LocalCallTool
"""Any tool an agent can hold."""

_DEFAULT_ERROR_FUNCTION: Any = object()


def is_local_call_tool(tool: object) -> TypeGuard[LocalCallTool]:
    """``isinstance(tool, LocalCallTool)``, answering for a plain ``FunctionTool`` (most tools)
    without the ABC check."""
    return type(tool) is not FunctionTool and isinstance(tool, LocalCallTool)


def _arguments_error(tool_name: str, exc: Exception, raw: str) -> ModelBehaviorError:
    clipped = raw if len(raw) <= 200 else raw[:200] + "..."
    if isinstance(exc, json.JSONDecodeError):
        detail = f"not valid JSON ({exc.msg} at position {exc.pos})"
    elif isinstance(exc, pydantic.ValidationError):
        detail = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '(root)'}: {err['msg']}"
            for err in exc.errors(include_url=False)[:5]
        )
    else:
        detail = str(exc)
    return ModelBehaviorError(f"Invalid arguments for tool '{tool_name}': {detail}; got: {clipped}")


def _trace_handled_error(tool_name: str, exc: Exception) -> None:
    """Record a failure the model is told about on the tool's span, as officially (the error's
    type only: its message may quote the tool's data)."""
    from ..tracing import SpanError, get_current_span

    span = get_current_span()
    if span is not None:
        data = {"tool_name": tool_name, "error": type(exc).__name__}
        span.set_error(SpanError(message="Error running tool (non-fatal)", data=data))


def _make_invoker(
    func: Callable[..., Any],
    schema: FuncSchema,
    failure_error_function: ToolErrorFunction | None,
) -> Callable[[ToolContext[Any], str], Awaitable[Any]]:
    is_async = inspect.iscoroutinefunction(func)
    model = schema.params_pydantic_model

    async def call(ctx: ToolContext[Any], raw_arguments: str) -> Any:
        try:
            parsed = model.model_validate(json.loads(raw_arguments) if raw_arguments else {})
        except (json.JSONDecodeError, pydantic.ValidationError) as exc:
            raise _arguments_error(schema.name, exc, raw_arguments) from exc
        args, kwargs = schema.to_call_args(parsed)
        if schema.takes_context:
            args.insert(0, ctx)
        if is_async:
            return await func(*args, **kwargs)
        # A sync tool runs in a worker thread, so a slow one never stalls the event loop.
        return await asyncio.to_thread(func, *args, **kwargs)

    if failure_error_function is None:
        return call

    async def call_reporting_errors(ctx: ToolContext[Any], raw_arguments: str) -> Any:
        try:
            return await call(ctx, raw_arguments)
        except Exception as exc:
            log().info("function tool failed", tool=schema.name, error=type(exc).__name__)
            _trace_handled_error(schema.name, exc)
            message = failure_error_function(ctx, exc)
            if inspect.isawaitable(message):
                message = await message
            rewrite = default_error_rewriter.get()
            if rewrite is not None and failure_error_function is default_tool_error_function:
                message = await rewrite(ctx, exc, message)
            return message

    return call_reporting_errors


def _build_function_tool(
    func: Callable[..., Any],
    *,
    name_override: str | None,
    description_override: str | None,
    docstring_style: DocstringStyle | None,
    use_docstring_info: bool,
    failure_error_function: Any,
    strict_mode: bool,
    is_enabled: Any,
    timeout: float | None,
    timeout_behavior: ToolTimeoutBehavior,
    timeout_error_function: ToolErrorFunction | None,
    needs_approval: bool | NeedsApproval,
    tool_input_guardrails: list[ToolInputGuardrail[Any]] | None,
    tool_output_guardrails: list[ToolOutputGuardrail[Any]] | None,
) -> FunctionTool:
    if not callable(func):
        raise UserError(f"function_tool expects a function, got {func!r}.")
    schema = function_schema(
        func,
        docstring_style=docstring_style,
        name_override=name_override,
        description_override=description_override,
        use_docstring_info=use_docstring_info,
        strict_json_schema=strict_mode,
    )
    error_function = (
        default_tool_error_function
        if failure_error_function is _DEFAULT_ERROR_FUNCTION
        else failure_error_function
    )
    return FunctionTool(
        name=schema.name,
        description=schema.description or "",
        params_json_schema=schema.params_json_schema,
        on_invoke_tool=_make_invoker(func, schema, error_function),
        strict_json_schema=strict_mode,
        is_enabled=is_enabled,
        timeout_seconds=timeout,
        timeout_behavior=timeout_behavior,
        timeout_error_function=timeout_error_function,
        needs_approval=needs_approval,
        tool_input_guardrails=tool_input_guardrails,
        tool_output_guardrails=tool_output_guardrails,
    )


@overload
def function_tool(
    func: Callable[..., Any],
    *,
    name_override: str | None = None,
    description_override: str | None = None,
    docstring_style: DocstringStyle | None = None,
    use_docstring_info: bool = True,
    failure_error_function: ToolErrorFunction | None = ...,
    strict_mode: bool = True,
    is_enabled: bool | Callable[[RunContextWrapper[Any], Agent[Any]], Any] = True,
    timeout: float | None = None,
    timeout_behavior: ToolTimeoutBehavior = "error_as_result",
    timeout_error_function: ToolErrorFunction | None = None,
    needs_approval: bool | NeedsApproval = False,
    tool_input_guardrails: list[ToolInputGuardrail[Any]] | None = None,
    tool_output_guardrails: list[ToolOutputGuardrail[Any]] | None = None,
    defer_loading: bool = False,
    custom_data_extractor: Any = None,
    allowed_callers: list[Any] | None = None,
    output_type: Any = None,
    output_json_schema: dict[str, Any] | None = None,
) -> FunctionTool: ...


@overload
def function_tool(
    func: None = None,
    *,
    name_override: str | None = None,
    description_override: str | None = None,
    docstring_style: DocstringStyle | None = None,
    use_docstring_info: bool = True,
    failure_error_function: ToolErrorFunction | None = ...,
    strict_mode: bool = True,
    is_enabled: bool | Callable[[RunContextWrapper[Any], Agent[Any]], Any] = True,
    timeout: float | None = None,
    timeout_behavior: ToolTimeoutBehavior = "error_as_result",
    timeout_error_function: ToolErrorFunction | None = None,
    needs_approval: bool | NeedsApproval = False,
    tool_input_guardrails: list[ToolInputGuardrail[Any]] | None = None,
    tool_output_guardrails: list[ToolOutputGuardrail[Any]] | None = None,
    defer_loading: bool = False,
    custom_data_extractor: Any = None,
    allowed_callers: list[Any] | None = None,
    output_type: Any = None,
    output_json_schema: dict[str, Any] | None = None,
) -> Callable[[Callable[..., Any]], FunctionTool]: ...


def function_tool(
    func: Callable[..., Any] | None = None,
    *,
    name_override: str | None = None,
    description_override: str | None = None,
    docstring_style: DocstringStyle | None = None,
    use_docstring_info: bool = True,
    failure_error_function: ToolErrorFunction | None = _DEFAULT_ERROR_FUNCTION,
    strict_mode: bool = True,
    is_enabled: bool | Callable[[RunContextWrapper[Any], Agent[Any]], Any] = True,
    timeout: float | None = None,
    timeout_behavior: ToolTimeoutBehavior = "error_as_result",
    timeout_error_function: ToolErrorFunction | None = None,
    needs_approval: bool | NeedsApproval = False,
    tool_input_guardrails: list[ToolInputGuardrail[Any]] | None = None,
    tool_output_guardrails: list[ToolOutputGuardrail[Any]] | None = None,
    defer_loading: bool = False,
    custom_data_extractor: Any = None,
    allowed_callers: list[Any] | None = None,
    output_type: Any = None,
    output_json_schema: dict[str, Any] | None = None,
) -> FunctionTool | Callable[[Callable[..., Any]], FunctionTool]:
    """Turn a Python function (sync or async) into a tool the model can call.

    Use as ``@function_tool`` or ``@function_tool(name_override=..., ...)``. The tool's JSON
    schema comes from the signature and its description and parameter descriptions from the
    docstring (Google, NumPy or Sphinx style, detected unless ``docstring_style`` is given). A
    first parameter typed ``RunContextWrapper`` or ``ToolContext`` receives the run context and is
    not shown to the model. Sync functions run in a worker thread.

    If the tool raises (or the model sends bad arguments), ``failure_error_function`` turns the
    error into the output the model sees; the default explains the error, and ``None`` makes the
    run raise instead. ``timeout`` bounds each call in seconds; on expiry the model is told
    (``timeout_behavior="error_as_result"``, the default) or ``ToolTimeoutError`` is raised.
    ``needs_approval`` pauses the run before each call until a person approves or rejects it
    (see ``RunState``); ``tool_input_guardrails`` / ``tool_output_guardrails`` check the call's
    arguments and its output.
    """

    _refuse_unbuilt_tool_options(
        name_override or str(getattr(func, "__name__", "function_tool")),
        defer_loading=defer_loading,
        custom_data_extractor=custom_data_extractor,
        allowed_callers=allowed_callers,
        output_type=output_type,
        output_json_schema=output_json_schema,
    )

    def build(f: Callable[..., Any]) -> FunctionTool:
        return _build_function_tool(
            f,
            name_override=name_override,
            description_override=description_override,
            docstring_style=docstring_style,
            use_docstring_info=use_docstring_info,
            failure_error_function=failure_error_function,
            strict_mode=strict_mode,
            is_enabled=is_enabled,
            timeout=timeout,
            timeout_behavior=timeout_behavior,
            timeout_error_function=timeout_error_function,
            needs_approval=needs_approval,
            tool_input_guardrails=tool_input_guardrails,
            tool_output_guardrails=tool_output_guardrails,
        )

    if func is not None:
        return build(func)
    return build


tool = function_tool
"""Another name for :func:`function_tool` (``from agents.decorators import tool``)."""
