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
    "AgentBase": "_agents.agent",
    "AgentToolInvocation": "_run.results",
    "AgentHookContext": "_base.run_context",
    "ToolOutputFileContentDict": "_items.tool_outputs",
    "ToolOutputFileContent": "_items.tool_outputs",
    "ToolOutputImageDict": "_items.tool_outputs",
    "ToolOutputImage": "_items.tool_outputs",
    "ToolOutputTextDict": "_items.tool_outputs",
    "ToolOutputText": "_items.tool_outputs",
    "run_demo_loop": "_run.repl",
    "RunItemBase": "_items.items",
    "MCPListToolsItem": "_items.items",
    "MCPApprovalResponseItem": "_items.items",
    "MCPApprovalRequestItem": "_items.items",
    "ModelTimeoutError": "exceptions",
    "ModelRefusalError": "exceptions",
    "MCPToolCancellationError": "exceptions",
    "Agent": "_agents.agent",
    "AgentToolStreamEvent": "_agents.agent",
    "FunctionToolResult": "_agents.agent",
    "StopAtTools": "_agents.agent",
    "ToolsToFinalOutputFunction": "_agents.agent",
    "ToolsToFinalOutputResult": "_agents.agent",
    "RunErrorData": "_agents.error_handlers",
    "RunErrorHandler": "_agents.error_handlers",
    "RunErrorHandlerInput": "_agents.error_handlers",
    "RunErrorHandlerResult": "_agents.error_handlers",
    "RunErrorHandlers": "_agents.error_handlers",
    "GuardrailFunctionOutput": "_agents.guardrails",
    "InputGuardrail": "_agents.guardrails",
    "InputGuardrailResult": "_agents.guardrails",
    "OutputGuardrail": "_agents.guardrails",
    "OutputGuardrailResult": "_agents.guardrails",
    "input_guardrail": "_agents.guardrails",
    "output_guardrail": "_agents.guardrails",
    "Handoff": "_agents.handoffs",
    "HandoffInputData": "_agents.handoffs",
    "HandoffInputFilter": "_agents.handoffs",
    "handoff": "_agents.handoffs",
    "AgentHooks": "_agents.hooks",
    "RunHooks": "_agents.hooks",
    "HandoffCallItem": "_items.items",
    "HandoffOutputItem": "_items.items",
    "ItemHelpers": "_items.items",
    "MessageOutputItem": "_items.items",
    "ModelResponse": "_items.items",
    "ReasoningItem": "_items.items",
    "ResponseFunctionToolCall": "_items.items",
    "ResponseOtherItem": "_items.items",
    "ResponseOutputMessage": "_items.items",
    "ResponseOutputRefusal": "_items.items",
    "ResponseOutputText": "_items.items",
    "ResponseReasoningItem": "_items.items",
    "RunItem": "_items.items",
    "TResponseInputItem": "_items.items",
    "TResponseOutputItem": "_items.items",
    "ToolApprovalItem": "_items.items",
    "ToolCallItem": "_items.items",
    "ToolCallOutputItem": "_items.items",
    "enable_verbose_logging": "_base.logging",
    "Model": "_models.interface",
    "ModelProvider": "_models.interface",
    "ModelTracing": "_models.interface",
    "get_default_model_provider": "_models.interface",
    "set_default_model_provider": "_models.interface",
    "ModelSettings": "_base.model_settings",
    "Reasoning": "_base.model_settings",
    "AgentOutputSchema": "_base.output_schema",
    "AgentOutputSchemaBase": "_base.output_schema",
    "DynamicPromptFunction": "_agents.prompts",
    "GenerateDynamicPromptData": "_agents.prompts",
    "Prompt": "_agents.prompts",
    "Recording": "_models.recording",
    "RunRecorder": "_models.recording",
    "ReplayModel": "_models.replay",
    "ReplayModelProvider": "_models.replay",
    "normalize_request": "_models.replay",
    "replay_tools": "_models.replay",
    "RunErrorDetails": "exceptions",
    "RunResult": "_run.results",
    "RunResultStreaming": "_run.results",
    "CallModelData": "_run.config",
    "CallModelInputFilter": "_run.config",
    "ModelInputData": "_run.config",
    "RunConfig": "_run.config",
    "SessionInputCallback": "_memory.history",
    "RunContextWrapper": "_base.run_context",
    "ToolContext": "_base.run_context",
    "RunState": "_run.run_state",
    "DEFAULT_MAX_TURNS": "_run.runner",
    "Runner": "_run.runner",
    "MemorySession": "_memory.session",
    "Session": "_memory.session",
    "SessionSettings": "_memory.session",
    "SQLiteSession": "_memory.sqlite_session",
    "AgentUpdatedStreamEvent": "_items.stream_events",
    "RawResponsesStreamEvent": "_items.stream_events",
    "RunItemStreamEvent": "_items.stream_events",
    "StreamEvent": "_items.stream_events",
    "TResponseStreamEvent": "_items.stream_types",
    "ToolGuardrailFunctionOutput": "_tools.tool_guardrails",
    "ToolInputGuardrail": "_tools.tool_guardrails",
    "ToolInputGuardrailData": "_tools.tool_guardrails",
    "ToolInputGuardrailResult": "_tools.tool_guardrails",
    "ToolOutputGuardrail": "_tools.tool_guardrails",
    "ToolOutputGuardrailData": "_tools.tool_guardrails",
    "ToolOutputGuardrailResult": "_tools.tool_guardrails",
    "tool_input_guardrail": "_tools.tool_guardrails",
    "tool_output_guardrail": "_tools.tool_guardrails",
    "FunctionTool": "_tools.tools",
    "HostedTool": "_tools.tools",
    "LocalCallTool": "_tools.tools",
    "Tool": "_tools.tools",
    "default_tool_error_function": "_tools.tools",
    "function_tool": "_tools.tools",
    "InputTokensDetails": "_base.usage",
    "OutputTokensDetails": "_base.usage",
    "Usage": "_base.usage",
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
    "AgentBase",
    "AgentHookContext",
    "AgentHooks",
    "AgentOutputSchema",
    "AgentOutputSchemaBase",
    "AgentToolInvocation",
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
    "MCPApprovalRequestItem",
    "MCPApprovalResponseItem",
    "MCPConnectionError",
    "MCPListToolsItem",
    "MCPServerError",
    "MCPToolCancellationError",
    "MCPToolError",
    "MaxTurnsExceeded",
    "MemorySession",
    "MessageOutputItem",
    "Model",
    "ModelBehaviorError",
    "ModelInputData",
    "ModelProvider",
    "ModelRefusalError",
    "ModelResponse",
    "ModelSettings",
    "ModelTimeoutError",
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
    "RunItemBase",
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
    "ToolOutputFileContent",
    "ToolOutputFileContentDict",
    "ToolOutputGuardrail",
    "ToolOutputGuardrailData",
    "ToolOutputGuardrailResult",
    "ToolOutputGuardrailTripwireTriggered",
    "ToolOutputImage",
    "ToolOutputImageDict",
    "ToolOutputText",
    "ToolOutputTextDict",
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
    "run_demo_loop",
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
    from ._agents.agent import Agent as Agent
    from ._agents.agent import AgentBase as AgentBase
    from ._agents.agent import AgentToolStreamEvent as AgentToolStreamEvent
    from ._agents.agent import FunctionToolResult as FunctionToolResult
    from ._agents.agent import StopAtTools as StopAtTools
    from ._agents.agent import ToolsToFinalOutputFunction as ToolsToFinalOutputFunction
    from ._agents.agent import ToolsToFinalOutputResult as ToolsToFinalOutputResult
    from ._agents.error_handlers import RunErrorData as RunErrorData
    from ._agents.error_handlers import RunErrorHandler as RunErrorHandler
    from ._agents.error_handlers import RunErrorHandlerInput as RunErrorHandlerInput
    from ._agents.error_handlers import RunErrorHandlerResult as RunErrorHandlerResult
    from ._agents.error_handlers import RunErrorHandlers as RunErrorHandlers
    from ._agents.guardrails import GuardrailFunctionOutput as GuardrailFunctionOutput
    from ._agents.guardrails import InputGuardrail as InputGuardrail
    from ._agents.guardrails import InputGuardrailResult as InputGuardrailResult
    from ._agents.guardrails import OutputGuardrail as OutputGuardrail
    from ._agents.guardrails import OutputGuardrailResult as OutputGuardrailResult
    from ._agents.guardrails import input_guardrail as input_guardrail
    from ._agents.guardrails import output_guardrail as output_guardrail
    from ._agents.handoffs import Handoff as Handoff
    from ._agents.handoffs import HandoffInputData as HandoffInputData
    from ._agents.handoffs import HandoffInputFilter as HandoffInputFilter
    from ._agents.handoffs import handoff as handoff
    from ._agents.hooks import AgentHooks as AgentHooks
    from ._agents.hooks import RunHooks as RunHooks
    from ._agents.prompts import DynamicPromptFunction as DynamicPromptFunction
    from ._agents.prompts import GenerateDynamicPromptData as GenerateDynamicPromptData
    from ._agents.prompts import Prompt as Prompt
    from ._base.logging import enable_verbose_logging as enable_verbose_logging
    from ._base.model_settings import ModelSettings as ModelSettings
    from ._base.model_settings import Reasoning as Reasoning
    from ._base.output_schema import AgentOutputSchema as AgentOutputSchema
    from ._base.output_schema import AgentOutputSchemaBase as AgentOutputSchemaBase
    from ._base.run_context import AgentHookContext as AgentHookContext
    from ._base.run_context import RunContextWrapper as RunContextWrapper
    from ._base.run_context import ToolContext as ToolContext
    from ._base.usage import InputTokensDetails as InputTokensDetails
    from ._base.usage import OutputTokensDetails as OutputTokensDetails
    from ._base.usage import Usage as Usage
    from ._items.items import HandoffCallItem as HandoffCallItem
    from ._items.items import HandoffOutputItem as HandoffOutputItem
    from ._items.items import ItemHelpers as ItemHelpers
    from ._items.items import MCPApprovalRequestItem as MCPApprovalRequestItem
    from ._items.items import MCPApprovalResponseItem as MCPApprovalResponseItem
    from ._items.items import MCPListToolsItem as MCPListToolsItem
    from ._items.items import MessageOutputItem as MessageOutputItem
    from ._items.items import ModelResponse as ModelResponse
    from ._items.items import ReasoningItem as ReasoningItem
    from ._items.items import ResponseFunctionToolCall as ResponseFunctionToolCall
    from ._items.items import ResponseOtherItem as ResponseOtherItem
    from ._items.items import ResponseOutputMessage as ResponseOutputMessage
    from ._items.items import ResponseOutputRefusal as ResponseOutputRefusal
    from ._items.items import ResponseOutputText as ResponseOutputText
    from ._items.items import ResponseReasoningItem as ResponseReasoningItem
    from ._items.items import RunItem as RunItem
    from ._items.items import RunItemBase as RunItemBase
    from ._items.items import ToolApprovalItem as ToolApprovalItem
    from ._items.items import ToolCallItem as ToolCallItem
    from ._items.items import ToolCallOutputItem as ToolCallOutputItem
    from ._items.items import TResponseInputItem as TResponseInputItem
    from ._items.items import TResponseOutputItem as TResponseOutputItem
    from ._items.stream_events import AgentUpdatedStreamEvent as AgentUpdatedStreamEvent
    from ._items.stream_events import RawResponsesStreamEvent as RawResponsesStreamEvent
    from ._items.stream_events import RunItemStreamEvent as RunItemStreamEvent
    from ._items.stream_events import StreamEvent as StreamEvent
    from ._items.stream_types import TResponseStreamEvent as TResponseStreamEvent
    from ._items.tool_outputs import ToolOutputFileContent as ToolOutputFileContent
    from ._items.tool_outputs import ToolOutputFileContentDict as ToolOutputFileContentDict
    from ._items.tool_outputs import ToolOutputImage as ToolOutputImage
    from ._items.tool_outputs import ToolOutputImageDict as ToolOutputImageDict
    from ._items.tool_outputs import ToolOutputText as ToolOutputText
    from ._items.tool_outputs import ToolOutputTextDict as ToolOutputTextDict
    from ._memory.history import SessionInputCallback as SessionInputCallback
    from ._memory.session import MemorySession as MemorySession
    from ._memory.session import Session as Session
    from ._memory.session import SessionSettings as SessionSettings
    from ._memory.sqlite_session import SQLiteSession as SQLiteSession
    from ._models.interface import Model as Model
    from ._models.interface import ModelProvider as ModelProvider
    from ._models.interface import ModelTracing as ModelTracing
    from ._models.interface import get_default_model_provider as get_default_model_provider
    from ._models.interface import set_default_model_provider as set_default_model_provider
    from ._models.recording import Recording as Recording
    from ._models.recording import RunRecorder as RunRecorder
    from ._models.replay import ReplayModel as ReplayModel
    from ._models.replay import ReplayModelProvider as ReplayModelProvider
    from ._models.replay import normalize_request as normalize_request
    from ._models.replay import replay_tools as replay_tools
    from ._run.config import CallModelData as CallModelData
    from ._run.config import CallModelInputFilter as CallModelInputFilter
    from ._run.config import ModelInputData as ModelInputData
    from ._run.config import RunConfig as RunConfig
    from ._run.repl import run_demo_loop as run_demo_loop
    from ._run.results import AgentToolInvocation as AgentToolInvocation
    from ._run.results import RunResult as RunResult
    from ._run.results import RunResultStreaming as RunResultStreaming
    from ._run.run_state import RunState as RunState
    from ._run.runner import DEFAULT_MAX_TURNS as DEFAULT_MAX_TURNS
    from ._run.runner import Runner as Runner
    from ._tools.tool_guardrails import ToolGuardrailFunctionOutput as ToolGuardrailFunctionOutput
    from ._tools.tool_guardrails import ToolInputGuardrail as ToolInputGuardrail
    from ._tools.tool_guardrails import ToolInputGuardrailData as ToolInputGuardrailData
    from ._tools.tool_guardrails import ToolInputGuardrailResult as ToolInputGuardrailResult
    from ._tools.tool_guardrails import ToolOutputGuardrail as ToolOutputGuardrail
    from ._tools.tool_guardrails import ToolOutputGuardrailData as ToolOutputGuardrailData
    from ._tools.tool_guardrails import ToolOutputGuardrailResult as ToolOutputGuardrailResult
    from ._tools.tool_guardrails import tool_input_guardrail as tool_input_guardrail
    from ._tools.tool_guardrails import tool_output_guardrail as tool_output_guardrail
    from ._tools.tools import FunctionTool as FunctionTool
    from ._tools.tools import HostedTool as HostedTool
    from ._tools.tools import LocalCallTool as LocalCallTool
    from ._tools.tools import Tool as Tool
    from ._tools.tools import default_tool_error_function as default_tool_error_function
    from ._tools.tools import function_tool as function_tool
    from .exceptions import AgentsException as AgentsException
    from .exceptions import InputGuardrailTripwireTriggered as InputGuardrailTripwireTriggered
    from .exceptions import MaxTurnsExceeded as MaxTurnsExceeded
    from .exceptions import MCPConnectionError as MCPConnectionError
    from .exceptions import MCPServerError as MCPServerError
    from .exceptions import MCPToolCancellationError as MCPToolCancellationError
    from .exceptions import MCPToolError as MCPToolError
    from .exceptions import ModelBehaviorError as ModelBehaviorError
    from .exceptions import ModelRefusalError as ModelRefusalError
    from .exceptions import ModelTimeoutError as ModelTimeoutError
    from .exceptions import OutputGuardrailTripwireTriggered as OutputGuardrailTripwireTriggered
    from .exceptions import ReplayDivergenceError as ReplayDivergenceError
    from .exceptions import RunErrorDetails as RunErrorDetails
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
