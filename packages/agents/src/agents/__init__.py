"""agents: build LLM agents that call tools, stream, and remember.

``from agents import Agent, Runner, function_tool`` gives the stable API. This package holds no
logic of its own: every name comes from ``agents-core`` or ``agents-openai`` (the OpenAI
provider, its tools and errors), loaded on first use so that ``import agents`` stays cheap. The
optional parts are modules of their own, present when their extra is installed:
``agents.realtime`` (``agents[realtime]``), ``agents.voice`` (``agents[voice]``),
``agents.extensions`` (``agents[extensions]``). ``agents.testing`` holds the test doubles.

Importing this package makes a ``MultiProvider`` the default model provider, so
``Agent(model="gpt-4.1")`` (or ``"openai/gpt-4.1"``, or ``"litellm/..."`` with the ``litellm``
extra) works with ``OPENAI_API_KEY`` set; ``agents_openai`` (and httpx2) load on the first model
lookup.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

import agents_core as _core
from agents_core import ModelProvider as _ModelProvider
from agents_core import get_default_model_provider as _get_default_model_provider
from agents_core import set_default_model_provider as _set_default_model_provider

__version__ = "0.1.0"

# agents_openai.__all__, written out so that reading it does not import agents_openai (a test
# checks that the two agree).
_OPENAI_NAMES: tuple[str, ...] = (
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

# Official top-level names that come from agents_core's public modules rather than its top level.
_MODULE_NAMES: dict[str, tuple[str, ...]] = {
    "agents_core.handoffs": (
        "default_handoff_history_mapper",
        "get_conversation_history_wrappers",
        "nest_handoff_history",
        "reset_conversation_history_wrappers",
        "set_conversation_history_wrappers",
    ),
    "agents_core.logger": ("enable_verbose_stdout_logging",),
    "agents_core.memory": ("SessionABC",),
    "agents_core.run_config": (
        "OutputGuardrailBlockedMessageArgs",
        "OutputGuardrailBlockedMessageFormatter",
        "ReasoningItemIdPolicy",
        "ToolErrorFormatter",
        "ToolErrorFormatterArgs",
        "ToolExecutionConfig",
        "ToolNameCollisionPolicy",
        "ToolNotFoundBehavior",
    ),
    "agents_core.run_context": ("TContext",),
    "agents_core.tracing": (
        "AgentSpanData",
        "CustomSpanData",
        "FunctionSpanData",
        "GenerationSpanData",
        "GuardrailSpanData",
        "HandoffSpanData",
        "MCPListToolsSpanData",
        "ResponseSpanData",
        "Span",
        "SpanData",
        "SpanError",
        "SpeechGroupSpanData",
        "SpeechSpanData",
        "TaskSpanData",
        "Trace",
        "TracingProcessor",
        "TranscriptionSpanData",
        "TurnSpanData",
        "add_trace_processor",
        "agent_span",
        "custom_span",
        "flush_traces",
        "function_span",
        "gen_span_id",
        "gen_trace_id",
        "generation_span",
        "get_current_span",
        "get_current_trace",
        "guardrail_span",
        "handoff_span",
        "mcp_tools_span",
        "response_span",
        "set_trace_processors",
        "set_trace_provider",
        "set_tracing_disabled",
        "speech_group_span",
        "speech_span",
        "task_span",
        "trace",
        "transcription_span",
        "turn_span",
    ),
}

_SOURCES: dict[str, str] = {
    **dict.fromkeys(_core.__all__, "agents_core"),
    **dict.fromkeys(_OPENAI_NAMES, "agents_openai"),
    **{name: module for module, names in _MODULE_NAMES.items() for name in names},
}

__all__ = ("__version__", *sorted(_SOURCES))


def __getattr__(name: str) -> Any:
    source = _SOURCES.get(name)
    if source is None:
        raise AttributeError(f"module 'agents' has no attribute {name!r}")
    value = getattr(importlib.import_module(source), name)
    globals()[name] = value  # later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _DefaultMultiProvider(_ModelProvider):
    """The default provider: an ``agents_openai.MultiProvider`` (``gpt-4.1`` and ``openai/...``
    to OpenAI, ``litellm/...`` to LiteLLM), imported on first lookup."""

    def __init__(self) -> None:
        self._provider: _ModelProvider | None = None

    def _multi(self) -> _ModelProvider:
        if self._provider is None:
            self._provider = importlib.import_module("agents_openai").MultiProvider()
        return self._provider

    def get_model(self, model_name: str | None) -> Any:
        return self._multi().get_model(model_name)

    async def aclose(self) -> None:
        if self._provider is not None:
            await self._provider.aclose()


# Only where nobody chose a provider before importing the facade.
if type(_get_default_model_provider()).__name__ == "_NoProvider":
    _set_default_model_provider(_DefaultMultiProvider())


if TYPE_CHECKING:
    from agents_core import *  # noqa: F403
    from agents_core.handoffs import *  # noqa: F403
    from agents_core.logger import enable_verbose_stdout_logging as enable_verbose_stdout_logging
    from agents_core.memory import SessionABC as SessionABC
    from agents_core.run_config import *  # noqa: F403
    from agents_core.run_context import TContext as TContext
    from agents_core.tracing import *  # noqa: F403
    from agents_openai import *  # noqa: F403
