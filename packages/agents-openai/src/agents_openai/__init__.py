"""agents-openai: OpenAI models for agents-core, over httpx2 (no ``openai`` package needed).

``OpenAIProvider`` resolves model names and ``MultiProvider`` routes ``prefix/model`` names to
providers (the ``agents`` package makes it the default, so ``Agent(model="gpt-4.1")`` works with
``OPENAI_API_KEY`` set); ``OpenAIResponsesModel`` and
``OpenAIChatCompletionsModel`` call the Responses and Chat Completions APIs of OpenAI or of any
compatible server (``base_url``). Hosted tools (web search, file search, code interpreter, image
generation, remote MCP), computer use and the local shell, a session kept by the Conversations
API, retries with backoff and one typed error per failure (``agents_openai.exceptions``).
``agents_openai.stream_events`` types every event of the Responses stream, and
``agents_openai.testing`` holds a fake OpenAI server for offline tests.

Names load on first use, so ``import agents_openai`` does not import httpx2.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Public name -> the module that defines it.
_EXPORTS: dict[str, str] = {
    "OpenAIChatCompletionsModel": "_chat_model",
    "set_default_openai_api": "_config",
    "set_default_openai_base_url": "_config",
    "set_default_openai_client": "_config",
    "set_default_openai_key": "_config",
    "OpenAIConversationsSession": "_conversations",
    "start_openai_conversations_session": "_conversations",
    "CodeInterpreterTool": "_hosted_tools",
    "FileSearchTool": "_hosted_tools",
    "HostedMCPTool": "_hosted_tools",
    "ImageGenerationTool": "_hosted_tools",
    "ImageGenerationToolConfig": "_hosted_tools",
    "MCPToolApprovalFunction": "_hosted_tools",
    "MCPToolApprovalFunctionResult": "_hosted_tools",
    "MCPToolApprovalRequest": "_hosted_tools",
    "WebSearchTool": "_hosted_tools",
    "WebSearchToolImageSettings": "_hosted_tools",
    "OpenAIClient": "_http",
    "AsyncComputer": "_local_tools",
    "Button": "_local_tools",
    "Computer": "_local_tools",
    "ComputerTool": "_local_tools",
    "ComputerToolSafetyCheckData": "_local_tools",
    "Environment": "_local_tools",
    "LocalShellCommandRequest": "_local_tools",
    "LocalShellExecutor": "_local_tools",
    "LocalShellTool": "_local_tools",
    "MultiProvider": "_multi_provider",
    "MultiProviderMap": "_multi_provider",
    "MultiProviderOpenAIPrefixMode": "_multi_provider",
    "MultiProviderUnknownPrefixMode": "_multi_provider",
    "OpenAIProvider": "_provider",
    "OpenAIResponsesModel": "_responses_model",
    "RetryPolicy": "_retry",
    "enable_openai_tracing": "_tracing",
    "OpenAITracingExporter": "_tracing",
    "set_tracing_export_api_key": "_tracing",
    "APIConnectionError": "exceptions",
    "APIError": "exceptions",
    "APIResponseValidationError": "exceptions",
    "APIStatusError": "exceptions",
    "APITimeoutError": "exceptions",
    "AuthenticationError": "exceptions",
    "BadRequestError": "exceptions",
    "ConflictError": "exceptions",
    "InternalServerError": "exceptions",
    "NotFoundError": "exceptions",
    "PermissionDeniedError": "exceptions",
    "RateLimitError": "exceptions",
    "ResponseFailedError": "exceptions",
    "StreamInterruptedError": "exceptions",
    "UnprocessableEntityError": "exceptions",
}

__all__ = (
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncComputer",
    "AuthenticationError",
    "BadRequestError",
    "Button",
    "CodeInterpreterTool",
    "Computer",
    "ComputerTool",
    "ComputerToolSafetyCheckData",
    "ConflictError",
    "Environment",
    "FileSearchTool",
    "HostedMCPTool",
    "ImageGenerationTool",
    "ImageGenerationToolConfig",
    "InternalServerError",
    "LocalShellCommandRequest",
    "LocalShellExecutor",
    "LocalShellTool",
    "MCPToolApprovalFunction",
    "MCPToolApprovalFunctionResult",
    "MCPToolApprovalRequest",
    "MultiProvider",
    "MultiProviderMap",
    "MultiProviderOpenAIPrefixMode",
    "MultiProviderUnknownPrefixMode",
    "NotFoundError",
    "OpenAIChatCompletionsModel",
    "OpenAIClient",
    "OpenAIConversationsSession",
    "OpenAIProvider",
    "OpenAIResponsesModel",
    "OpenAITracingExporter",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseFailedError",
    "RetryPolicy",
    "StreamInterruptedError",
    "UnprocessableEntityError",
    "WebSearchTool",
    "WebSearchToolImageSettings",
    "enable_openai_tracing",
    "set_default_openai_api",
    "set_default_openai_base_url",
    "set_default_openai_client",
    "set_default_openai_key",
    "set_tracing_export_api_key",
    "start_openai_conversations_session",
)


def __getattr__(name: str) -> Any:
    module_name = _EXPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module 'agents_openai' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module_name}"), name)
    globals()[name] = value  # later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:
    from ._chat_model import OpenAIChatCompletionsModel as OpenAIChatCompletionsModel
    from ._config import set_default_openai_api as set_default_openai_api
    from ._config import set_default_openai_base_url as set_default_openai_base_url
    from ._config import set_default_openai_client as set_default_openai_client
    from ._config import set_default_openai_key as set_default_openai_key
    from ._conversations import OpenAIConversationsSession as OpenAIConversationsSession
    from ._conversations import (
        start_openai_conversations_session as start_openai_conversations_session,
    )
    from ._hosted_tools import CodeInterpreterTool as CodeInterpreterTool
    from ._hosted_tools import FileSearchTool as FileSearchTool
    from ._hosted_tools import HostedMCPTool as HostedMCPTool
    from ._hosted_tools import ImageGenerationTool as ImageGenerationTool
    from ._hosted_tools import ImageGenerationToolConfig as ImageGenerationToolConfig
    from ._hosted_tools import MCPToolApprovalFunction as MCPToolApprovalFunction
    from ._hosted_tools import MCPToolApprovalFunctionResult as MCPToolApprovalFunctionResult
    from ._hosted_tools import MCPToolApprovalRequest as MCPToolApprovalRequest
    from ._hosted_tools import WebSearchTool as WebSearchTool
    from ._hosted_tools import WebSearchToolImageSettings as WebSearchToolImageSettings
    from ._http import OpenAIClient as OpenAIClient
    from ._local_tools import AsyncComputer as AsyncComputer
    from ._local_tools import Button as Button
    from ._local_tools import Computer as Computer
    from ._local_tools import ComputerTool as ComputerTool
    from ._local_tools import ComputerToolSafetyCheckData as ComputerToolSafetyCheckData
    from ._local_tools import Environment as Environment
    from ._local_tools import LocalShellCommandRequest as LocalShellCommandRequest
    from ._local_tools import LocalShellExecutor as LocalShellExecutor
    from ._local_tools import LocalShellTool as LocalShellTool
    from ._multi_provider import MultiProvider as MultiProvider
    from ._multi_provider import MultiProviderMap as MultiProviderMap
    from ._multi_provider import MultiProviderOpenAIPrefixMode as MultiProviderOpenAIPrefixMode
    from ._multi_provider import MultiProviderUnknownPrefixMode as MultiProviderUnknownPrefixMode
    from ._provider import OpenAIProvider as OpenAIProvider
    from ._responses_model import OpenAIResponsesModel as OpenAIResponsesModel
    from ._retry import RetryPolicy as RetryPolicy
    from ._tracing import OpenAITracingExporter as OpenAITracingExporter
    from ._tracing import enable_openai_tracing as enable_openai_tracing
    from ._tracing import set_tracing_export_api_key as set_tracing_export_api_key
    from .exceptions import APIConnectionError as APIConnectionError
    from .exceptions import APIError as APIError
    from .exceptions import APIResponseValidationError as APIResponseValidationError
    from .exceptions import APIStatusError as APIStatusError
    from .exceptions import APITimeoutError as APITimeoutError
    from .exceptions import AuthenticationError as AuthenticationError
    from .exceptions import BadRequestError as BadRequestError
    from .exceptions import ConflictError as ConflictError
    from .exceptions import InternalServerError as InternalServerError
    from .exceptions import NotFoundError as NotFoundError
    from .exceptions import PermissionDeniedError as PermissionDeniedError
    from .exceptions import RateLimitError as RateLimitError
    from .exceptions import ResponseFailedError as ResponseFailedError
    from .exceptions import StreamInterruptedError as StreamInterruptedError
    from .exceptions import UnprocessableEntityError as UnprocessableEntityError
