"""Events a streamed run yields from ``RunResultStreaming.stream_events()``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

if TYPE_CHECKING:
    from .._agents.agent import Agent
    from .items import RunItem
    from .stream_types import TResponseStreamEvent

__all__ = (
    "AgentUpdatedStreamEvent",
    "RawResponsesStreamEvent",
    "RunItemStreamEvent",
    "StreamEvent",
)


@dataclass(slots=True)
class RawResponsesStreamEvent:
    """A raw event from the model's stream (text deltas, argument deltas, ...), as it arrived."""

    data: TResponseStreamEvent
    type: Literal["raw_response_event"] = "raw_response_event"


@dataclass(slots=True)
class RunItemStreamEvent:
    """A run item was created: a message, a tool call, a tool's output, reasoning."""

    name: Literal[
        "message_output_created",
        "handoff_requested",
        "handoff_occured",
        "tool_called",
        "tool_output",
        "reasoning_item_created",
    ]
    item: RunItem
    type: Literal["run_item_stream_event"] = "run_item_stream_event"


@dataclass(slots=True)
class AgentUpdatedStreamEvent:
    """The active agent changed (the run started, or a handoff happened)."""

    new_agent: Agent[Any]
    type: Literal["agent_updated_stream_event"] = "agent_updated_stream_event"


StreamEvent: TypeAlias = RawResponsesStreamEvent | RunItemStreamEvent | AgentUpdatedStreamEvent
"""Any event of a streamed run."""
