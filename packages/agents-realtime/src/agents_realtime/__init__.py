"""agents-realtime: realtime (speech-to-speech and low-latency text) agents over websockets.

::

    from agents_realtime import RealtimeAgent, RealtimeRunner

    agent = RealtimeAgent(name="Assistant", instructions="Be brief.", tools=[get_weather])
    async with await RealtimeRunner(agent).run() as session:
        await session.send_message("What is the weather in Oslo?")
        async for event in session:
            ...

The public modules (``agent``, ``config``, ``events``, ``handoffs``, ``items``, ``model``,
``model_events``, ``model_inputs``, ``openai_realtime``, ``runner``, ``session``,
``audio_formats``, ``testing``) carry the names of OpenAI's Agents SDK (``agents.realtime``);
``transport``, ``exceptions`` and ``twilio`` are this package's own. Names load on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Public name -> the public module that exports it.
_EXPORTS: dict[str, str] = {
    "AssistantMessageItem": "items",
    "AssistantText": "items",
    "BackgroundToolResult": "session",
    "DEFAULT_MODEL_SETTINGS": "openai_realtime",
    "InputAudio": "items",
    "InputText": "items",
    "OpenAIRealtimeSIPModel": "openai_realtime",
    "OpenAIRealtimeWebSocketModel": "openai_realtime",
    "RealtimeAPIError": "exceptions",
    "RealtimeAgent": "agent",
    "RealtimeAgentEndEvent": "events",
    "RealtimeAgentHooks": "agent",
    "RealtimeAgentStartEvent": "events",
    "RealtimeAudio": "events",
    "RealtimeAudioEnd": "events",
    "RealtimeAudioFormat": "config",
    "RealtimeAudioInterrupted": "events",
    "RealtimeAuthenticationError": "exceptions",
    "RealtimeClientMessage": "config",
    "RealtimeConnectionError": "exceptions",
    "RealtimeConnectionStatus": "model_events",
    "RealtimeError": "events",
    "RealtimeEventInfo": "events",
    "RealtimeGuardrailTripped": "events",
    "RealtimeGuardrailsSettings": "config",
    "RealtimeHandoffEvent": "events",
    "RealtimeHandshakeError": "exceptions",
    "RealtimeHistoryAdded": "events",
    "RealtimeHistoryUpdated": "events",
    "RealtimeInputAudioNoiseReductionConfig": "config",
    "RealtimeInputAudioTimeoutTriggered": "events",
    "RealtimeInputAudioTranscriptionConfig": "config",
    "RealtimeInputGuardrailTripped": "events",
    "RealtimeItem": "items",
    "RealtimeMessageItem": "items",
    "RealtimeModel": "model",
    "RealtimeModelAudioDoneEvent": "model_events",
    "RealtimeModelAudioEvent": "model_events",
    "RealtimeModelAudioInterruptedEvent": "model_events",
    "RealtimeModelCachedTokensDetails": "model_events",
    "RealtimeModelConfig": "model",
    "RealtimeModelConnectionStatusEvent": "model_events",
    "RealtimeModelEndOfStreamEvent": "model_events",
    "RealtimeModelErrorEvent": "model_events",
    "RealtimeModelEvent": "model_events",
    "RealtimeModelExceptionEvent": "model_events",
    "RealtimeModelInputAudioTimeoutTriggeredEvent": "model_events",
    "RealtimeModelInputAudioTranscriptionCompletedEvent": "model_events",
    "RealtimeModelInputTextContent": "model_inputs",
    "RealtimeModelInputTokensDetails": "model_events",
    "RealtimeModelItemDeletedEvent": "model_events",
    "RealtimeModelItemUpdatedEvent": "model_events",
    "RealtimeModelListener": "model",
    "RealtimeModelMCPApprovalRequestEvent": "model_events",
    "RealtimeModelName": "config",
    "RealtimeModelOtherEvent": "model_events",
    "RealtimeModelOutputTextDeltaEvent": "model_events",
    "RealtimeModelOutputTokensDetails": "model_events",
    "RealtimeModelRawClientMessage": "model_inputs",
    "RealtimeModelRawServerEvent": "model_events",
    "RealtimeModelSendAudio": "model_inputs",
    "RealtimeModelSendEvent": "model_inputs",
    "RealtimeModelSendInterrupt": "model_inputs",
    "RealtimeModelSendRawMessage": "model_inputs",
    "RealtimeModelSendSessionUpdate": "model_inputs",
    "RealtimeModelSendToolOutput": "model_inputs",
    "RealtimeModelSendUserInput": "model_inputs",
    "RealtimeModelToolCallEvent": "model_events",
    "RealtimeModelTracingConfig": "config",
    "RealtimeModelTranscriptDeltaEvent": "model_events",
    "RealtimeModelTurnEndedEvent": "model_events",
    "RealtimeModelTurnStartedEvent": "model_events",
    "RealtimeModelUsageEvent": "model_events",
    "RealtimeModelUserInput": "model_inputs",
    "RealtimeModelUserInputMessage": "model_inputs",
    "RealtimePlaybackState": "model",
    "RealtimePlaybackTracker": "model",
    "RealtimeProtocolError": "exceptions",
    "RealtimeRawModelEvent": "events",
    "RealtimeReasoningConfig": "config",
    "RealtimeReasoningEffort": "config",
    "RealtimeReconnectPolicy": "transport",
    "RealtimeResponse": "items",
    "RealtimeRunConfig": "config",
    "RealtimeRunHooks": "agent",
    "RealtimeRunner": "runner",
    "RealtimeSession": "session",
    "RealtimeSessionEvent": "events",
    "RealtimeSessionModelSettings": "config",
    "RealtimeToolApprovalRequired": "events",
    "RealtimeToolCallItem": "items",
    "RealtimeToolEnd": "events",
    "RealtimeToolExecutionConfig": "config",
    "RealtimeToolStart": "events",
    "RealtimeTransport": "transport",
    "RealtimeTransportConnection": "transport",
    "RealtimeTurnDetectionConfig": "config",
    "RealtimeUserInput": "config",
    "RealtimeUserInputMessage": "config",
    "RealtimeUserInputText": "config",
    "SystemMessageItem": "items",
    "TransportConfig": "openai_realtime",
    "TwilioMediaStreamsTransport": "twilio",
    "UserMessageItem": "items",
    "WebSocketTransport": "transport",
    "get_api_key": "openai_realtime",
    "realtime_handoff": "handoffs",
}

__all__ = (
    "DEFAULT_MODEL_SETTINGS",
    "AssistantMessageItem",
    "AssistantText",
    "BackgroundToolResult",
    "InputAudio",
    "InputText",
    "OpenAIRealtimeSIPModel",
    "OpenAIRealtimeWebSocketModel",
    "RealtimeAPIError",
    "RealtimeAgent",
    "RealtimeAgentEndEvent",
    "RealtimeAgentHooks",
    "RealtimeAgentStartEvent",
    "RealtimeAudio",
    "RealtimeAudioEnd",
    "RealtimeAudioFormat",
    "RealtimeAudioInterrupted",
    "RealtimeAuthenticationError",
    "RealtimeClientMessage",
    "RealtimeConnectionError",
    "RealtimeConnectionStatus",
    "RealtimeError",
    "RealtimeEventInfo",
    "RealtimeGuardrailTripped",
    "RealtimeGuardrailsSettings",
    "RealtimeHandoffEvent",
    "RealtimeHandshakeError",
    "RealtimeHistoryAdded",
    "RealtimeHistoryUpdated",
    "RealtimeInputAudioNoiseReductionConfig",
    "RealtimeInputAudioTimeoutTriggered",
    "RealtimeInputAudioTranscriptionConfig",
    "RealtimeInputGuardrailTripped",
    "RealtimeItem",
    "RealtimeMessageItem",
    "RealtimeModel",
    "RealtimeModelAudioDoneEvent",
    "RealtimeModelAudioEvent",
    "RealtimeModelAudioInterruptedEvent",
    "RealtimeModelCachedTokensDetails",
    "RealtimeModelConfig",
    "RealtimeModelConnectionStatusEvent",
    "RealtimeModelEndOfStreamEvent",
    "RealtimeModelErrorEvent",
    "RealtimeModelEvent",
    "RealtimeModelExceptionEvent",
    "RealtimeModelInputAudioTimeoutTriggeredEvent",
    "RealtimeModelInputAudioTranscriptionCompletedEvent",
    "RealtimeModelInputTextContent",
    "RealtimeModelInputTokensDetails",
    "RealtimeModelItemDeletedEvent",
    "RealtimeModelItemUpdatedEvent",
    "RealtimeModelListener",
    "RealtimeModelMCPApprovalRequestEvent",
    "RealtimeModelName",
    "RealtimeModelOtherEvent",
    "RealtimeModelOutputTextDeltaEvent",
    "RealtimeModelOutputTokensDetails",
    "RealtimeModelRawClientMessage",
    "RealtimeModelRawServerEvent",
    "RealtimeModelSendAudio",
    "RealtimeModelSendEvent",
    "RealtimeModelSendInterrupt",
    "RealtimeModelSendRawMessage",
    "RealtimeModelSendSessionUpdate",
    "RealtimeModelSendToolOutput",
    "RealtimeModelSendUserInput",
    "RealtimeModelToolCallEvent",
    "RealtimeModelTracingConfig",
    "RealtimeModelTranscriptDeltaEvent",
    "RealtimeModelTurnEndedEvent",
    "RealtimeModelTurnStartedEvent",
    "RealtimeModelUsageEvent",
    "RealtimeModelUserInput",
    "RealtimeModelUserInputMessage",
    "RealtimePlaybackState",
    "RealtimePlaybackTracker",
    "RealtimeProtocolError",
    "RealtimeRawModelEvent",
    "RealtimeReasoningConfig",
    "RealtimeReasoningEffort",
    "RealtimeReconnectPolicy",
    "RealtimeResponse",
    "RealtimeRunConfig",
    "RealtimeRunHooks",
    "RealtimeRunner",
    "RealtimeSession",
    "RealtimeSessionEvent",
    "RealtimeSessionModelSettings",
    "RealtimeToolApprovalRequired",
    "RealtimeToolCallItem",
    "RealtimeToolEnd",
    "RealtimeToolExecutionConfig",
    "RealtimeToolStart",
    "RealtimeTransport",
    "RealtimeTransportConnection",
    "RealtimeTurnDetectionConfig",
    "RealtimeUserInput",
    "RealtimeUserInputMessage",
    "RealtimeUserInputText",
    "SystemMessageItem",
    "TransportConfig",
    "TwilioMediaStreamsTransport",
    "UserMessageItem",
    "WebSocketTransport",
    "get_api_key",
    "realtime_handoff",
)


def __getattr__(name: str) -> Any:
    module_name = _EXPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module 'agents_realtime' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module_name}"), name)
    globals()[name] = value  # later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:
    from .agent import RealtimeAgent as RealtimeAgent
    from .agent import RealtimeAgentHooks as RealtimeAgentHooks
    from .agent import RealtimeRunHooks as RealtimeRunHooks
    from .config import RealtimeAudioFormat as RealtimeAudioFormat
    from .config import RealtimeClientMessage as RealtimeClientMessage
    from .config import RealtimeGuardrailsSettings as RealtimeGuardrailsSettings
    from .config import (
        RealtimeInputAudioNoiseReductionConfig as RealtimeInputAudioNoiseReductionConfig,
    )
    from .config import (
        RealtimeInputAudioTranscriptionConfig as RealtimeInputAudioTranscriptionConfig,
    )
    from .config import RealtimeModelName as RealtimeModelName
    from .config import RealtimeModelTracingConfig as RealtimeModelTracingConfig
    from .config import RealtimeReasoningConfig as RealtimeReasoningConfig
    from .config import RealtimeReasoningEffort as RealtimeReasoningEffort
    from .config import RealtimeRunConfig as RealtimeRunConfig
    from .config import RealtimeSessionModelSettings as RealtimeSessionModelSettings
    from .config import RealtimeToolExecutionConfig as RealtimeToolExecutionConfig
    from .config import RealtimeTurnDetectionConfig as RealtimeTurnDetectionConfig
    from .config import RealtimeUserInput as RealtimeUserInput
    from .config import RealtimeUserInputMessage as RealtimeUserInputMessage
    from .config import RealtimeUserInputText as RealtimeUserInputText
    from .events import RealtimeAgentEndEvent as RealtimeAgentEndEvent
    from .events import RealtimeAgentStartEvent as RealtimeAgentStartEvent
    from .events import RealtimeAudio as RealtimeAudio
    from .events import RealtimeAudioEnd as RealtimeAudioEnd
    from .events import RealtimeAudioInterrupted as RealtimeAudioInterrupted
    from .events import RealtimeError as RealtimeError
    from .events import RealtimeEventInfo as RealtimeEventInfo
    from .events import RealtimeGuardrailTripped as RealtimeGuardrailTripped
    from .events import RealtimeHandoffEvent as RealtimeHandoffEvent
    from .events import RealtimeHistoryAdded as RealtimeHistoryAdded
    from .events import RealtimeHistoryUpdated as RealtimeHistoryUpdated
    from .events import RealtimeInputAudioTimeoutTriggered as RealtimeInputAudioTimeoutTriggered
    from .events import RealtimeInputGuardrailTripped as RealtimeInputGuardrailTripped
    from .events import RealtimeRawModelEvent as RealtimeRawModelEvent
    from .events import RealtimeSessionEvent as RealtimeSessionEvent
    from .events import RealtimeToolApprovalRequired as RealtimeToolApprovalRequired
    from .events import RealtimeToolEnd as RealtimeToolEnd
    from .events import RealtimeToolStart as RealtimeToolStart
    from .exceptions import RealtimeAPIError as RealtimeAPIError
    from .exceptions import RealtimeAuthenticationError as RealtimeAuthenticationError
    from .exceptions import RealtimeConnectionError as RealtimeConnectionError
    from .exceptions import RealtimeHandshakeError as RealtimeHandshakeError
    from .exceptions import RealtimeProtocolError as RealtimeProtocolError
    from .handoffs import realtime_handoff as realtime_handoff
    from .items import AssistantMessageItem as AssistantMessageItem
    from .items import AssistantText as AssistantText
    from .items import InputAudio as InputAudio
    from .items import InputText as InputText
    from .items import RealtimeItem as RealtimeItem
    from .items import RealtimeMessageItem as RealtimeMessageItem
    from .items import RealtimeResponse as RealtimeResponse
    from .items import RealtimeToolCallItem as RealtimeToolCallItem
    from .items import SystemMessageItem as SystemMessageItem
    from .items import UserMessageItem as UserMessageItem
    from .model import RealtimeModel as RealtimeModel
    from .model import RealtimeModelConfig as RealtimeModelConfig
    from .model import RealtimeModelListener as RealtimeModelListener
    from .model import RealtimePlaybackState as RealtimePlaybackState
    from .model import RealtimePlaybackTracker as RealtimePlaybackTracker
    from .model_events import RealtimeConnectionStatus as RealtimeConnectionStatus
    from .model_events import RealtimeModelAudioDoneEvent as RealtimeModelAudioDoneEvent
    from .model_events import RealtimeModelAudioEvent as RealtimeModelAudioEvent
    from .model_events import (
        RealtimeModelAudioInterruptedEvent as RealtimeModelAudioInterruptedEvent,
    )
    from .model_events import RealtimeModelCachedTokensDetails as RealtimeModelCachedTokensDetails
    from .model_events import (
        RealtimeModelConnectionStatusEvent as RealtimeModelConnectionStatusEvent,
    )
    from .model_events import RealtimeModelEndOfStreamEvent as RealtimeModelEndOfStreamEvent
    from .model_events import RealtimeModelErrorEvent as RealtimeModelErrorEvent
    from .model_events import RealtimeModelEvent as RealtimeModelEvent
    from .model_events import RealtimeModelExceptionEvent as RealtimeModelExceptionEvent
    from .model_events import (
        RealtimeModelInputAudioTimeoutTriggeredEvent as RealtimeModelInputAudioTimeoutTriggeredEvent,  # noqa: E501
    )
    from .model_events import (
        RealtimeModelInputAudioTranscriptionCompletedEvent as RealtimeModelInputAudioTranscriptionCompletedEvent,  # noqa: E501
    )
    from .model_events import RealtimeModelInputTokensDetails as RealtimeModelInputTokensDetails
    from .model_events import RealtimeModelItemDeletedEvent as RealtimeModelItemDeletedEvent
    from .model_events import RealtimeModelItemUpdatedEvent as RealtimeModelItemUpdatedEvent
    from .model_events import (
        RealtimeModelMCPApprovalRequestEvent as RealtimeModelMCPApprovalRequestEvent,
    )
    from .model_events import RealtimeModelOtherEvent as RealtimeModelOtherEvent
    from .model_events import RealtimeModelOutputTextDeltaEvent as RealtimeModelOutputTextDeltaEvent
    from .model_events import RealtimeModelOutputTokensDetails as RealtimeModelOutputTokensDetails
    from .model_events import RealtimeModelRawServerEvent as RealtimeModelRawServerEvent
    from .model_events import RealtimeModelToolCallEvent as RealtimeModelToolCallEvent
    from .model_events import RealtimeModelTranscriptDeltaEvent as RealtimeModelTranscriptDeltaEvent
    from .model_events import RealtimeModelTurnEndedEvent as RealtimeModelTurnEndedEvent
    from .model_events import RealtimeModelTurnStartedEvent as RealtimeModelTurnStartedEvent
    from .model_events import RealtimeModelUsageEvent as RealtimeModelUsageEvent
    from .model_inputs import RealtimeModelInputTextContent as RealtimeModelInputTextContent
    from .model_inputs import RealtimeModelRawClientMessage as RealtimeModelRawClientMessage
    from .model_inputs import RealtimeModelSendAudio as RealtimeModelSendAudio
    from .model_inputs import RealtimeModelSendEvent as RealtimeModelSendEvent
    from .model_inputs import RealtimeModelSendInterrupt as RealtimeModelSendInterrupt
    from .model_inputs import RealtimeModelSendRawMessage as RealtimeModelSendRawMessage
    from .model_inputs import RealtimeModelSendSessionUpdate as RealtimeModelSendSessionUpdate
    from .model_inputs import RealtimeModelSendToolOutput as RealtimeModelSendToolOutput
    from .model_inputs import RealtimeModelSendUserInput as RealtimeModelSendUserInput
    from .model_inputs import RealtimeModelUserInput as RealtimeModelUserInput
    from .model_inputs import RealtimeModelUserInputMessage as RealtimeModelUserInputMessage
    from .openai_realtime import DEFAULT_MODEL_SETTINGS as DEFAULT_MODEL_SETTINGS
    from .openai_realtime import OpenAIRealtimeSIPModel as OpenAIRealtimeSIPModel
    from .openai_realtime import OpenAIRealtimeWebSocketModel as OpenAIRealtimeWebSocketModel
    from .openai_realtime import TransportConfig as TransportConfig
    from .openai_realtime import get_api_key as get_api_key
    from .runner import RealtimeRunner as RealtimeRunner
    from .session import BackgroundToolResult as BackgroundToolResult
    from .session import RealtimeSession as RealtimeSession
    from .transport import RealtimeReconnectPolicy as RealtimeReconnectPolicy
    from .transport import RealtimeTransport as RealtimeTransport
    from .transport import RealtimeTransportConnection as RealtimeTransportConnection
    from .transport import WebSocketTransport as WebSocketTransport
    from .twilio import TwilioMediaStreamsTransport as TwilioMediaStreamsTransport
