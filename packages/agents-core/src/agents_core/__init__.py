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
    "FunctionToolResult": "_agent",
    "StopAtTools": "_agent",
    "ToolsToFinalOutputFunction": "_agent",
    "ToolsToFinalOutputResult": "_agent",
    "AgentHooks": "_hooks",
    "RunHooks": "_hooks",
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
    "RunErrorDetails": "_results",
    "RunResult": "_results",
    "RunResultStreaming": "_results",
    "RunConfig": "_run_config",
    "RunContextWrapper": "_run_context",
    "ToolContext": "_run_context",
    "DEFAULT_MAX_TURNS": "_runner",
    "Runner": "_runner",
    "MemorySession": "_sessions",
    "Session": "_sessions",
    "SessionSettings": "_sessions",
    "AgentUpdatedStreamEvent": "_stream_events",
    "RawResponsesStreamEvent": "_stream_events",
    "RunItemStreamEvent": "_stream_events",
    "StreamEvent": "_stream_events",
    "TResponseStreamEvent": "_stream_types",
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
    "MaxTurnsExceeded": "exceptions",
    "ModelBehaviorError": "exceptions",
    "ToolExecutionError": "exceptions",
    "ToolTimeoutError": "exceptions",
    "UserError": "exceptions",
}

__all__ = (
    "DEFAULT_MAX_TURNS",
    "Agent",
    "AgentHooks",
    "AgentOutputSchema",
    "AgentOutputSchemaBase",
    "AgentUpdatedStreamEvent",
    "AgentsException",
    "FunctionTool",
    "FunctionToolResult",
    "HostedTool",
    "InputTokensDetails",
    "ItemHelpers",
    "LocalCallTool",
    "MaxTurnsExceeded",
    "MemorySession",
    "MessageOutputItem",
    "Model",
    "ModelBehaviorError",
    "ModelProvider",
    "ModelResponse",
    "ModelSettings",
    "ModelTracing",
    "OutputTokensDetails",
    "RawResponsesStreamEvent",
    "Reasoning",
    "ReasoningItem",
    "ResponseFunctionToolCall",
    "ResponseOtherItem",
    "ResponseOutputMessage",
    "ResponseOutputRefusal",
    "ResponseOutputText",
    "ResponseReasoningItem",
    "RunConfig",
    "RunContextWrapper",
    "RunErrorDetails",
    "RunHooks",
    "RunItem",
    "RunItemStreamEvent",
    "RunResult",
    "RunResultStreaming",
    "Runner",
    "Session",
    "SessionSettings",
    "StopAtTools",
    "StreamEvent",
    "TResponseInputItem",
    "TResponseOutputItem",
    "TResponseStreamEvent",
    "Tool",
    "ToolCallItem",
    "ToolCallOutputItem",
    "ToolContext",
    "ToolExecutionError",
    "ToolTimeoutError",
    "ToolsToFinalOutputFunction",
    "ToolsToFinalOutputResult",
    "Usage",
    "UserError",
    "default_tool_error_function",
    "enable_verbose_logging",
    "function_tool",
    "get_default_model_provider",
    "set_default_model_provider",
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
    from ._agent import FunctionToolResult as FunctionToolResult
    from ._agent import StopAtTools as StopAtTools
    from ._agent import ToolsToFinalOutputFunction as ToolsToFinalOutputFunction
    from ._agent import ToolsToFinalOutputResult as ToolsToFinalOutputResult
    from ._hooks import AgentHooks as AgentHooks
    from ._hooks import RunHooks as RunHooks
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
    from ._results import RunErrorDetails as RunErrorDetails
    from ._results import RunResult as RunResult
    from ._results import RunResultStreaming as RunResultStreaming
    from ._run_config import RunConfig as RunConfig
    from ._run_context import RunContextWrapper as RunContextWrapper
    from ._run_context import ToolContext as ToolContext
    from ._runner import DEFAULT_MAX_TURNS as DEFAULT_MAX_TURNS
    from ._runner import Runner as Runner
    from ._sessions import MemorySession as MemorySession
    from ._sessions import Session as Session
    from ._sessions import SessionSettings as SessionSettings
    from ._stream_events import AgentUpdatedStreamEvent as AgentUpdatedStreamEvent
    from ._stream_events import RawResponsesStreamEvent as RawResponsesStreamEvent
    from ._stream_events import RunItemStreamEvent as RunItemStreamEvent
    from ._stream_events import StreamEvent as StreamEvent
    from ._stream_types import TResponseStreamEvent as TResponseStreamEvent
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
    from .exceptions import MaxTurnsExceeded as MaxTurnsExceeded
    from .exceptions import ModelBehaviorError as ModelBehaviorError
    from .exceptions import ToolExecutionError as ToolExecutionError
    from .exceptions import ToolTimeoutError as ToolTimeoutError
    from .exceptions import UserError as UserError
