"""The events a realtime session streams to the application."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

if TYPE_CHECKING:
    from agents_core import InputGuardrailResult, OutputGuardrailResult, RunContextWrapper, Tool

    from .._agents.agent import RealtimeAgent
    from .._data.items import RealtimeItem
    from .._data.model_events import RealtimeModelAudioEvent, RealtimeModelEvent

__all__ = (
    "RealtimeAgentEndEvent",
    "RealtimeAgentStartEvent",
    "RealtimeAudio",
    "RealtimeAudioEnd",
    "RealtimeAudioInterrupted",
    "RealtimeError",
    "RealtimeEventInfo",
    "RealtimeGuardrailTripped",
    "RealtimeHandoffEvent",
    "RealtimeHistoryAdded",
    "RealtimeHistoryUpdated",
    "RealtimeInputAudioTimeoutTriggered",
    "RealtimeInputGuardrailTripped",
    "RealtimeRawModelEvent",
    "RealtimeSessionEvent",
    "RealtimeToolApprovalRequired",
    "RealtimeToolEnd",
    "RealtimeToolStart",
)


@dataclass(slots=True)
class RealtimeEventInfo:
    """What every event carries: the session's run context (the user's context and usage)."""

    context: RunContextWrapper[Any]


@dataclass
class RealtimeAgentStartEvent:
    """The model started answering as ``agent``."""

    agent: RealtimeAgent[Any]
    info: RealtimeEventInfo
    type: Literal["agent_start"] = "agent_start"


@dataclass
class RealtimeAgentEndEvent:
    """The model finished an answer as ``agent``."""

    agent: RealtimeAgent[Any]
    info: RealtimeEventInfo
    type: Literal["agent_end"] = "agent_end"


@dataclass
class RealtimeHandoffEvent:
    """The conversation passed from one agent to another."""

    from_agent: RealtimeAgent[Any]
    to_agent: RealtimeAgent[Any]
    info: RealtimeEventInfo
    type: Literal["handoff"] = "handoff"


@dataclass
class RealtimeToolStart:
    """A tool call started (``arguments`` is its JSON)."""

    agent: RealtimeAgent[Any]
    tool: Tool
    arguments: str
    info: RealtimeEventInfo
    type: Literal["tool_start"] = "tool_start"


@dataclass
class RealtimeToolEnd:
    """A tool call finished; ``output`` is what the tool returned."""

    agent: RealtimeAgent[Any]
    tool: Tool
    arguments: str
    output: Any
    info: RealtimeEventInfo
    type: Literal["tool_end"] = "tool_end"


@dataclass
class RealtimeToolApprovalRequired:
    """A tool call waits for a person: answer with ``approve_tool_call`` / ``reject_tool_call``."""

    agent: RealtimeAgent[Any]
    tool: Tool
    call_id: str
    arguments: str
    info: RealtimeEventInfo
    type: Literal["tool_approval_required"] = "tool_approval_required"


@dataclass(slots=True)
class RealtimeRawModelEvent:
    """An event of the model layer, as it came (``data.type`` says which)."""

    data: RealtimeModelEvent
    info: RealtimeEventInfo
    type: Literal["raw_model_event"] = "raw_model_event"


@dataclass
class RealtimeAudioEnd:
    """The model finished sending the audio of an item."""

    info: RealtimeEventInfo
    item_id: str
    content_index: int
    type: Literal["audio_end"] = "audio_end"


@dataclass(slots=True)
class RealtimeAudio:
    """Audio to play: ``audio.data`` holds the bytes (in the session's output format)."""

    audio: RealtimeModelAudioEvent
    item_id: str
    content_index: int
    info: RealtimeEventInfo
    type: Literal["audio"] = "audio"


@dataclass
class RealtimeAudioInterrupted:
    """Stop playing the audio of this item now: the answer was interrupted."""

    info: RealtimeEventInfo
    item_id: str
    content_index: int
    type: Literal["audio_interrupted"] = "audio_interrupted"


@dataclass
class RealtimeError:
    """Something went wrong; ``error`` says what (a ``RealtimeAPIError``, a
    ``RealtimeProtocolError``, a ``RealtimeConnectionError``, or a tool's failure)."""

    error: Any
    info: RealtimeEventInfo
    type: Literal["error"] = "error"


@dataclass
class RealtimeHistoryUpdated:
    """The history changed; ``history`` is all of it."""

    history: list[RealtimeItem]
    info: RealtimeEventInfo
    type: Literal["history_updated"] = "history_updated"


@dataclass
class RealtimeHistoryAdded:
    """An item joined the history."""

    item: RealtimeItem
    info: RealtimeEventInfo
    type: Literal["history_added"] = "history_added"


@dataclass
class RealtimeGuardrailTripped:
    """An output guardrail stopped the answer; ``message`` is the text it judged."""

    guardrail_results: list[OutputGuardrailResult]
    message: str
    info: RealtimeEventInfo
    type: Literal["guardrail_tripped"] = "guardrail_tripped"


@dataclass
class RealtimeInputGuardrailTripped:
    """An input guardrail rejected what the user said; ``transcript`` is the text it judged."""

    guardrail_results: list[InputGuardrailResult]
    transcript: str
    info: RealtimeEventInfo
    type: Literal["input_guardrail_tripped"] = "input_guardrail_tripped"


@dataclass
class RealtimeInputAudioTimeoutTriggered:
    """The user stayed silent for the configured idle timeout."""

    info: RealtimeEventInfo
    type: Literal["input_audio_timeout_triggered"] = "input_audio_timeout_triggered"


RealtimeSessionEvent: TypeAlias = (
    RealtimeAgentStartEvent
    | RealtimeAgentEndEvent
    | RealtimeHandoffEvent
    | RealtimeToolStart
    | RealtimeToolEnd
    | RealtimeToolApprovalRequired
    | RealtimeRawModelEvent
    | RealtimeAudioEnd
    | RealtimeAudio
    | RealtimeAudioInterrupted
    | RealtimeError
    | RealtimeHistoryUpdated
    | RealtimeHistoryAdded
    | RealtimeGuardrailTripped
    | RealtimeInputGuardrailTripped
    | RealtimeInputAudioTimeoutTriggered
)
"""Any event of a realtime session."""
