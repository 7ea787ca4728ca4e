"""The events a streamed run yields."""

from ._items.stream_events import AgentUpdatedStreamEvent as AgentUpdatedStreamEvent
from ._items.stream_events import RawResponsesStreamEvent as RawResponsesStreamEvent
from ._items.stream_events import RunItemStreamEvent as RunItemStreamEvent
from ._items.stream_events import StreamEvent as StreamEvent

__all__ = (
    "AgentUpdatedStreamEvent",
    "RawResponsesStreamEvent",
    "RunItemStreamEvent",
    "StreamEvent",
)
