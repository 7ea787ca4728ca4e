"""agents-core: the agent runtime.

Agents, the runner, tools, items, results, sessions and the model interface. Names load on first
use, so ``import agents_core`` is cheap and pulls in pydantic only when an agent is built.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Public name -> the private module that defines it.
_EXPORTS: dict[str, str] = {
    "Agent": "_agent",
    "AgentToolStreamEvent": "_agent",
    "FunctionToolResult": "_agent",
    "StopAtTools": "_agent",
    "ToolsToFinalOutputFunction": "_agent",
    "ToolsToFinalOutputResult": "_agent",
    "RunErrorData": "_error_handlers",
    "RunErrorHandler": "_error_handlers",
    "RunErrorHandlerInput": "_error_handlers",
    "RunErrorHandlerResult": "_error_handlers",
    "RunErrorHandlers": "_error_handlers",
    "GuardrailFunctionOutput": "_guardrails",
    "InputGuardrail": "_guardrails",
    "InputGuardrailResult": "_guardrails",
    "OutputGuardrail": "_guardrails",
    "OutputGuardrailResult": "_guardrails",
    "input_guardrail": "_guardrails",
    "output_guardrail": "_guardrails",
    "Handoff": "_handoffs",
    "HandoffInputData": "_handoffs",
    "HandoffInputFilter": "_handoffs",
    "handoff": "_handoffs",
    "AgentHooks": "_hooks",
    "RunHooks": "_hooks",
    "HandoffCallItem": "_items",
    "HandoffOutputItem": "_items",
    "ItemHelpers": "_items",
    "MessageOutputItem": "_items",
    "ModelResponse": "_items",
    "ReasoningItem": "_items",
    "ResponseFunctionToolCall": "_items",
    "ResponseOtherItem": "_items",
    "ResponseOutputMessage": "_items",
    "ResponseOutputRefusal": "_items",
    "ResponseOutputText": "_items",
    "ResponseReasoningItem": "_items",
    "RunItem": "_items",
    "TResponseInputItem": "_items",
    "TResponseOutputItem": "_items",
    "ToolApprovalItem": "_items",
    "ToolCallItem": "_items",
    "ToolCallOutputItem": "_items",
    "enable_verbose_logging": "_logging",
    "Model": "_model",
    "ModelProvider": "_model",
    "ModelTracing": "_model",
    "get_default_model_provider": "_model",
    "set_default_model_provider": "_model",
    "ModelSettings": "_model_settings",
    "Reasoning": "_model_settings",
    "AgentOutputSchema": "_output_schema",
    "AgentOutputSchemaBase": "_output_schema",
    "DynamicPromptFunction": "_prompts",
    "GenerateDynamicPromptData": "_prompts",
    "Prompt": "_prompts",
    "Recording": "_recording",
    "RunRecorder": "_recording",
    "ReplayModel": "_replay",
    "ReplayModelProvider": "_replay",
    "normalize_request": "_replay",
    "replay_tools": "_replay",
    "RunErrorDetails": "_results",
    "RunResult": "_results",
    "RunResultStreaming": "_results",
    "CallModelData": "_run_config",
    "CallModelInputFilter": "_run_config",
    "ModelInputData": "_run_config",
    "RunConfig": "_run_config",
    "SessionInputCallback": "_history",
    "RunContextWrapper": "_run_context",
    "ToolContext": "_run_context",
    "RunState": "_run_state",
    "DEFAULT_MAX_TURNS": "_runner",
    "Runner": "_runner",
    "MemorySession": "_sessions",
    "Session": "_sessions",
    "SessionSettings": "_sessions",
    "SQLiteSession": "_sqlite_session",
    "AgentUpdatedStreamEvent": "_stream_events",
    "RawResponsesStreamEvent": "_stream_events",
    "RunItemStreamEvent": "_stream_events",
    "StreamEvent": "_stream_events",
    "TResponseStreamEvent": "_stream_types",
    "ToolGuardrailFunctionOutput": "_tool_guardrails",
    "ToolInputGuardrail": "_tool_guardrails",
    "ToolInputGuardrailData": "_tool_guardrails",
    "ToolInputGuardrailResult": "_tool_guardrails",
    "ToolOutputGuardrail": "_tool_guardrails",
    "ToolOutputGuardrailData": "_tool_guardrails",
    "ToolOutputGuardrailResult": "_tool_guardrails",
    "tool_input_guardrail": "_tool_guardrails",
    "tool_output_guardrail": "_tool_guardrails",
    "FunctionTool": "_tools",
    "HostedTool": "_tools",
    "LocalCallTool": "_tools",
    "Tool": "_tools",
    "default_tool_error_function": "_tools",
    "function_tool": "_tools",
    "InputTokensDetails": "_usage",
    "OutputTokensDetails": "_usage",
    "Usage": "_usage",
    "AgentsException": "exceptions",
    "InputGuardrailTripwireTriggered": "exceptions",
    "MCPConnectionError": "exceptions",
    "MCPServerError": "exceptions",
    "MCPToolError": "exceptions",
    "MaxTurnsExceeded": "exceptions",
    "ModelBehaviorError": "exceptions",
    "OutputGuardrailTripwireTriggered": "exceptions",
    "ReplayDivergenceError": "exceptions",
    "SessionError": "exceptions",
    "SessionSchemaError": "exceptions",
    "ToolExecutionError": "exceptions",
    "ToolInputGuardrailTripwireTriggered": "exceptions",
    "ToolOutputGuardrailTripwireTriggered": "exceptions",
    "ToolTimeoutError": "exceptions",
    "UserError": "exceptions",
}

__all__ = (
    "DEFAULT_MAX_TURNS",
    "Agent",
    "AgentHooks",
    "AgentOutputSchema",
    "AgentOutputSchemaBase",
    "AgentToolStreamEvent",
    "AgentUpdatedStreamEvent",
    "AgentsException",
    "CallModelData",
    "CallModelInputFilter",
    "DynamicPromptFunction",
    "FunctionTool",
    "FunctionToolResult",
    "GenerateDynamicPromptData",
    "GuardrailFunctionOutput",
    "Handoff",
    "HandoffCallItem",
    "HandoffInputData",
    "HandoffInputFilter",
    "HandoffOutputItem",
    "HostedTool",
    "InputGuardrail",
    "InputGuardrailResult",
    "InputGuardrailTripwireTriggered",
    "InputTokensDetails",
    "ItemHelpers",
    "LocalCallTool",
    "MCPConnectionError",
    "MCPServerError",
    "MCPToolError",
    "MaxTurnsExceeded",
    "MemorySession",
    "MessageOutputItem",
    "Model",
    "ModelBehaviorError",
    "ModelInputData",
    "ModelProvider",
    "ModelResponse",
    "ModelSettings",
    "ModelTracing",
    "OutputGuardrail",
    "OutputGuardrailResult",
    "OutputGuardrailTripwireTriggered",
    "OutputTokensDetails",
    "Prompt",
    "RawResponsesStreamEvent",
    "Reasoning",
    "ReasoningItem",
    "Recording",
    "ReplayDivergenceError",
    "ReplayModel",
    "ReplayModelProvider",
    "ResponseFunctionToolCall",
    "ResponseOtherItem",
    "ResponseOutputMessage",
    "ResponseOutputRefusal",
    "ResponseOutputText",
    "ResponseReasoningItem",
    "RunConfig",
    "RunContextWrapper",
    "RunErrorData",
    "RunErrorDetails",
    "RunErrorHandler",
    "RunErrorHandlerInput",
    "RunErrorHandlerResult",
    "RunErrorHandlers",
    "RunHooks",
    "RunItem",
    "RunItemStreamEvent",
    "RunRecorder",
    "RunResult",
    "RunResultStreaming",
    "RunState",
    "Runner",
    "SQLiteSession",
    "Session",
    "SessionError",
    "SessionInputCallback",
    "SessionSchemaError",
    "SessionSettings",
    "StopAtTools",
    "StreamEvent",
    "TResponseInputItem",
    "TResponseOutputItem",
    "TResponseStreamEvent",
    "Tool",
    "ToolApprovalItem",
    "ToolCallItem",
    "ToolCallOutputItem",
    "ToolContext",
    "ToolExecutionError",
    "ToolGuardrailFunctionOutput",
    "ToolInputGuardrail",
    "ToolInputGuardrailData",
    "ToolInputGuardrailResult",
    "ToolInputGuardrailTripwireTriggered",
    "ToolOutputGuardrail",
    "ToolOutputGuardrailData",
    "ToolOutputGuardrailResult",
    "ToolOutputGuardrailTripwireTriggered",
    "ToolTimeoutError",
    "ToolsToFinalOutputFunction",
    "ToolsToFinalOutputResult",
    "Usage",
    "UserError",
    "default_tool_error_function",
    "enable_verbose_logging",
    "function_tool",
    "get_default_model_provider",
    "handoff",
    "input_guardrail",
    "normalize_request",
    "output_guardrail",
    "replay_tools",
    "set_default_model_provider",
    "tool_input_guardrail",
    "tool_output_guardrail",
)


def __getattr__(name: str) -> Any:
    module_name = _EXPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module 'agents_core' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module_name}"), name)
    globals()[name] = value  # later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:
    from ._agent import Agent as Agent
    from ._agent import AgentToolStreamEvent as AgentToolStreamEvent
    from ._agent import FunctionToolResult as FunctionToolResult
    from ._agent import StopAtTools as StopAtTools
    from ._agent import ToolsToFinalOutputFunction as ToolsToFinalOutputFunction
    from ._agent import ToolsToFinalOutputResult as ToolsToFinalOutputResult
    from ._error_handlers import RunErrorData as RunErrorData
    from ._error_handlers import RunErrorHandler as RunErrorHandler
    from ._error_handlers import RunErrorHandlerInput as RunErrorHandlerInput
    from ._error_handlers import RunErrorHandlerResult as RunErrorHandlerResult
    from ._error_handlers import RunErrorHandlers as RunErrorHandlers
    from ._guardrails import GuardrailFunctionOutput as GuardrailFunctionOutput
    from ._guardrails import InputGuardrail as InputGuardrail
    from ._guardrails import InputGuardrailResult as InputGuardrailResult
    from ._guardrails import OutputGuardrail as OutputGuardrail
    from ._guardrails import OutputGuardrailResult as OutputGuardrailResult
    from ._guardrails import input_guardrail as input_guardrail
    from ._guardrails import output_guardrail as output_guardrail
    from ._handoffs import Handoff as Handoff
    from ._handoffs import HandoffInputData as HandoffInputData
    from ._handoffs import HandoffInputFilter as HandoffInputFilter
    from ._handoffs import handoff as handoff
    from ._history import SessionInputCallback as SessionInputCallback
    from ._hooks import AgentHooks as AgentHooks
    from ._hooks import RunHooks as RunHooks
    from ._items import HandoffCallItem as HandoffCallItem
    from ._items import HandoffOutputItem as HandoffOutputItem
    from ._items import ItemHelpers as ItemHelpers
    from ._items import MessageOutputItem as MessageOutputItem
    from ._items import ModelResponse as ModelResponse
    from ._items import ReasoningItem as ReasoningItem
    from ._items import ResponseFunctionToolCall as ResponseFunctionToolCall
    from ._items import ResponseOtherItem as ResponseOtherItem
    from ._items import ResponseOutputMessage as ResponseOutputMessage
    from ._items import ResponseOutputRefusal as ResponseOutputRefusal
    from ._items import ResponseOutputText as ResponseOutputText
    from ._items import ResponseReasoningItem as ResponseReasoningItem
    from ._items import RunItem as RunItem
    from ._items import ToolApprovalItem as ToolApprovalItem
    from ._items import ToolCallItem as ToolCallItem
    from ._items import ToolCallOutputItem as ToolCallOutputItem
    from ._items import TResponseInputItem as TResponseInputItem
    from ._items import TResponseOutputItem as TResponseOutputItem
    from ._logging import enable_verbose_logging as enable_verbose_logging
    from ._model import Model as Model
    from ._model import ModelProvider as ModelProvider
    from ._model import ModelTracing as ModelTracing
    from ._model import get_default_model_provider as get_default_model_provider
    from ._model import set_default_model_provider as set_default_model_provider
    from ._model_settings import ModelSettings as ModelSettings
    from ._model_settings import Reasoning as Reasoning
    from ._output_schema import AgentOutputSchema as AgentOutputSchema
    from ._output_schema import AgentOutputSchemaBase as AgentOutputSchemaBase
    from ._prompts import DynamicPromptFunction as DynamicPromptFunction
    from ._prompts import GenerateDynamicPromptData as GenerateDynamicPromptData
    from ._prompts import Prompt as Prompt
    from ._recording import Recording as Recording
    from ._recording import RunRecorder as RunRecorder
    from ._replay import ReplayModel as ReplayModel
    from ._replay import ReplayModelProvider as ReplayModelProvider
    from ._replay import normalize_request as normalize_request
    from ._replay import replay_tools as replay_tools
    from ._results import RunErrorDetails as RunErrorDetails
    from ._results import RunResult as RunResult
    from ._results import RunResultStreaming as RunResultStreaming
    from ._run_config import CallModelData as CallModelData
    from ._run_config import CallModelInputFilter as CallModelInputFilter
    from ._run_config import ModelInputData as ModelInputData
    from ._run_config import RunConfig as RunConfig
    from ._run_context import RunContextWrapper as RunContextWrapper
    from ._run_context import ToolContext as ToolContext
    from ._run_state import RunState as RunState
    from ._runner import DEFAULT_MAX_TURNS as DEFAULT_MAX_TURNS
    from ._runner import Runner as Runner
    from ._sessions import MemorySession as MemorySession
    from ._sessions import Session as Session
    from ._sessions import SessionSettings as SessionSettings
    from ._sqlite_session import SQLiteSession as SQLiteSession
    from ._stream_events import AgentUpdatedStreamEvent as AgentUpdatedStreamEvent
    from ._stream_events import RawResponsesStreamEvent as RawResponsesStreamEvent
    from ._stream_events import RunItemStreamEvent as RunItemStreamEvent
    from ._stream_events import StreamEvent as StreamEvent
    from ._stream_types import TResponseStreamEvent as TResponseStreamEvent
    from ._tool_guardrails import ToolGuardrailFunctionOutput as ToolGuardrailFunctionOutput
    from ._tool_guardrails import ToolInputGuardrail as ToolInputGuardrail
    from ._tool_guardrails import ToolInputGuardrailData as ToolInputGuardrailData
    from ._tool_guardrails import ToolInputGuardrailResult as ToolInputGuardrailResult
    from ._tool_guardrails import ToolOutputGuardrail as ToolOutputGuardrail
    from ._tool_guardrails import ToolOutputGuardrailData as ToolOutputGuardrailData
    from ._tool_guardrails import ToolOutputGuardrailResult as ToolOutputGuardrailResult
    from ._tool_guardrails import tool_input_guardrail as tool_input_guardrail
    from ._tool_guardrails import tool_output_guardrail as tool_output_guardrail
    from ._tools import FunctionTool as FunctionTool
    from ._tools import HostedTool as HostedTool
    from ._tools import LocalCallTool as LocalCallTool
    from ._tools import Tool as Tool
    from ._tools import default_tool_error_function as default_tool_error_function
    from ._tools import function_tool as function_tool
    from ._usage import InputTokensDetails as InputTokensDetails
    from ._usage import OutputTokensDetails as OutputTokensDetails
    from ._usage import Usage as Usage
    from .exceptions import AgentsException as AgentsException
    from .exceptions import InputGuardrailTripwireTriggered as InputGuardrailTripwireTriggered
    from .exceptions import MaxTurnsExceeded as MaxTurnsExceeded
    from .exceptions import MCPConnectionError as MCPConnectionError
    from .exceptions import MCPServerError as MCPServerError
    from .exceptions import MCPToolError as MCPToolError
    from .exceptions import ModelBehaviorError as ModelBehaviorError
    from .exceptions import OutputGuardrailTripwireTriggered as OutputGuardrailTripwireTriggered
    from .exceptions import ReplayDivergenceError as ReplayDivergenceError
    from .exceptions import SessionError as SessionError
    from .exceptions import SessionSchemaError as SessionSchemaError
    from .exceptions import ToolExecutionError as ToolExecutionError
    from .exceptions import (
        ToolInputGuardrailTripwireTriggered as ToolInputGuardrailTripwireTriggered,
    )
    from .exceptions import (
        ToolOutputGuardrailTripwireTriggered as ToolOutputGuardrailTripwireTriggered,
    )
    from .exceptions import ToolTimeoutError as ToolTimeoutError
    from .exceptions import UserError as UserError
