"""Every event type of the Responses stream, typed: what ``RawResponsesStreamEvent.data`` holds.

The ten events the runtime builds on are agents-core's classes; the others are defined in this
package on the same base class (``ResponseStreamEvent``, which also carries event types newer
than this package, with every field kept). ``EVENT_TYPES`` maps each ``type`` to its class.
"""

from agents_core.stream_types import ResponseCompletedEvent as ResponseCompletedEvent
from agents_core.stream_types import ResponseContentPartAddedEvent as ResponseContentPartAddedEvent
from agents_core.stream_types import ResponseContentPartDoneEvent as ResponseContentPartDoneEvent
from agents_core.stream_types import ResponseCreatedEvent as ResponseCreatedEvent
from agents_core.stream_types import (
    ResponseFunctionCallArgumentsDeltaEvent as ResponseFunctionCallArgumentsDeltaEvent,
)
from agents_core.stream_types import (
    ResponseFunctionCallArgumentsDoneEvent as ResponseFunctionCallArgumentsDoneEvent,
)
from agents_core.stream_types import ResponseOutputItemAddedEvent as ResponseOutputItemAddedEvent
from agents_core.stream_types import ResponseOutputItemDoneEvent as ResponseOutputItemDoneEvent
from agents_core.stream_types import ResponseStreamEvent as ResponseStreamEvent
from agents_core.stream_types import ResponseTextDeltaEvent as ResponseTextDeltaEvent
from agents_core.stream_types import ResponseTextDoneEvent as ResponseTextDoneEvent

from ._events import EVENT_TYPES as EVENT_TYPES
from ._events import ResponseAudioDeltaEvent as ResponseAudioDeltaEvent
from ._events import ResponseAudioDoneEvent as ResponseAudioDoneEvent
from ._events import ResponseAudioTranscriptDeltaEvent as ResponseAudioTranscriptDeltaEvent
from ._events import ResponseAudioTranscriptDoneEvent as ResponseAudioTranscriptDoneEvent
from ._events import (
    ResponseCodeInterpreterCallCodeDeltaEvent as ResponseCodeInterpreterCallCodeDeltaEvent,
)
from ._events import (
    ResponseCodeInterpreterCallCodeDoneEvent as ResponseCodeInterpreterCallCodeDoneEvent,
)
from ._events import (
    ResponseCodeInterpreterCallCompletedEvent as ResponseCodeInterpreterCallCompletedEvent,
)
from ._events import (
    ResponseCodeInterpreterCallInProgressEvent as ResponseCodeInterpreterCallInProgressEvent,
)
from ._events import (
    ResponseCodeInterpreterCallInterpretingEvent as ResponseCodeInterpreterCallInterpretingEvent,
)
from ._events import ResponseCustomToolCallInputDeltaEvent as ResponseCustomToolCallInputDeltaEvent
from ._events import ResponseCustomToolCallInputDoneEvent as ResponseCustomToolCallInputDoneEvent
from ._events import ResponseErrorEvent as ResponseErrorEvent
from ._events import ResponseFailedEvent as ResponseFailedEvent
from ._events import ResponseFileSearchCallCompletedEvent as ResponseFileSearchCallCompletedEvent
from ._events import ResponseFileSearchCallInProgressEvent as ResponseFileSearchCallInProgressEvent
from ._events import ResponseFileSearchCallSearchingEvent as ResponseFileSearchCallSearchingEvent
from ._events import ResponseImageGenCallCompletedEvent as ResponseImageGenCallCompletedEvent
from ._events import ResponseImageGenCallGeneratingEvent as ResponseImageGenCallGeneratingEvent
from ._events import ResponseImageGenCallInProgressEvent as ResponseImageGenCallInProgressEvent
from ._events import ResponseImageGenCallPartialImageEvent as ResponseImageGenCallPartialImageEvent
from ._events import ResponseIncompleteEvent as ResponseIncompleteEvent
from ._events import ResponseInProgressEvent as ResponseInProgressEvent
from ._events import ResponseMCPCallArgumentsDeltaEvent as ResponseMCPCallArgumentsDeltaEvent
from ._events import ResponseMCPCallArgumentsDoneEvent as ResponseMCPCallArgumentsDoneEvent
from ._events import ResponseMCPCallCompletedEvent as ResponseMCPCallCompletedEvent
from ._events import ResponseMCPCallFailedEvent as ResponseMCPCallFailedEvent
from ._events import ResponseMCPCallInProgressEvent as ResponseMCPCallInProgressEvent
from ._events import ResponseMCPListToolsCompletedEvent as ResponseMCPListToolsCompletedEvent
from ._events import ResponseMCPListToolsFailedEvent as ResponseMCPListToolsFailedEvent
from ._events import ResponseMCPListToolsInProgressEvent as ResponseMCPListToolsInProgressEvent
from ._events import (
    ResponseOutputTextAnnotationAddedEvent as ResponseOutputTextAnnotationAddedEvent,
)
from ._events import ResponseQueuedEvent as ResponseQueuedEvent
from ._events import (
    ResponseReasoningSummaryPartAddedEvent as ResponseReasoningSummaryPartAddedEvent,
)
from ._events import ResponseReasoningSummaryPartDoneEvent as ResponseReasoningSummaryPartDoneEvent
from ._events import (
    ResponseReasoningSummaryTextDeltaEvent as ResponseReasoningSummaryTextDeltaEvent,
)
from ._events import ResponseReasoningSummaryTextDoneEvent as ResponseReasoningSummaryTextDoneEvent
from ._events import ResponseReasoningTextDeltaEvent as ResponseReasoningTextDeltaEvent
from ._events import ResponseReasoningTextDoneEvent as ResponseReasoningTextDoneEvent
from ._events import ResponseRefusalDeltaEvent as ResponseRefusalDeltaEvent
from ._events import ResponseRefusalDoneEvent as ResponseRefusalDoneEvent
from ._events import ResponseShellCallCommandAddedEvent as ResponseShellCallCommandAddedEvent
from ._events import ResponseShellCallCommandDeltaEvent as ResponseShellCallCommandDeltaEvent
from ._events import ResponseShellCallCommandDoneEvent as ResponseShellCallCommandDoneEvent
from ._events import (
    ResponseShellCallOutputContentDeltaEvent as ResponseShellCallOutputContentDeltaEvent,
)
from ._events import (
    ResponseShellCallOutputContentDoneEvent as ResponseShellCallOutputContentDoneEvent,
)
from ._events import ResponseWebSearchCallCompletedEvent as ResponseWebSearchCallCompletedEvent
from ._events import ResponseWebSearchCallInProgressEvent as ResponseWebSearchCallInProgressEvent
from ._events import ResponseWebSearchCallSearchingEvent as ResponseWebSearchCallSearchingEvent

__all__ = (
    "EVENT_TYPES",
    "ResponseAudioDeltaEvent",
    "ResponseAudioDoneEvent",
    "ResponseAudioTranscriptDeltaEvent",
    "ResponseAudioTranscriptDoneEvent",
    "ResponseCodeInterpreterCallCodeDeltaEvent",
    "ResponseCodeInterpreterCallCodeDoneEvent",
    "ResponseCodeInterpreterCallCompletedEvent",
    "ResponseCodeInterpreterCallInProgressEvent",
    "ResponseCodeInterpreterCallInterpretingEvent",
    "ResponseCompletedEvent",
    "ResponseContentPartAddedEvent",
    "ResponseContentPartDoneEvent",
    "ResponseCreatedEvent",
    "ResponseCustomToolCallInputDeltaEvent",
    "ResponseCustomToolCallInputDoneEvent",
    "ResponseErrorEvent",
    "ResponseFailedEvent",
    "ResponseFileSearchCallCompletedEvent",
    "ResponseFileSearchCallInProgressEvent",
    "ResponseFileSearchCallSearchingEvent",
    "ResponseFunctionCallArgumentsDeltaEvent",
    "ResponseFunctionCallArgumentsDoneEvent",
    "ResponseImageGenCallCompletedEvent",
    "ResponseImageGenCallGeneratingEvent",
    "ResponseImageGenCallInProgressEvent",
    "ResponseImageGenCallPartialImageEvent",
    "ResponseInProgressEvent",
    "ResponseIncompleteEvent",
    "ResponseMCPCallArgumentsDeltaEvent",
    "ResponseMCPCallArgumentsDoneEvent",
    "ResponseMCPCallCompletedEvent",
    "ResponseMCPCallFailedEvent",
    "ResponseMCPCallInProgressEvent",
    "ResponseMCPListToolsCompletedEvent",
    "ResponseMCPListToolsFailedEvent",
    "ResponseMCPListToolsInProgressEvent",
    "ResponseOutputItemAddedEvent",
    "ResponseOutputItemDoneEvent",
    "ResponseOutputTextAnnotationAddedEvent",
    "ResponseQueuedEvent",
    "ResponseReasoningSummaryPartAddedEvent",
    "ResponseReasoningSummaryPartDoneEvent",
    "ResponseReasoningSummaryTextDeltaEvent",
    "ResponseReasoningSummaryTextDoneEvent",
    "ResponseReasoningTextDeltaEvent",
    "ResponseReasoningTextDoneEvent",
    "ResponseRefusalDeltaEvent",
    "ResponseRefusalDoneEvent",
    "ResponseShellCallCommandAddedEvent",
    "ResponseShellCallCommandDeltaEvent",
    "ResponseShellCallCommandDoneEvent",
    "ResponseShellCallOutputContentDeltaEvent",
    "ResponseShellCallOutputContentDoneEvent",
    "ResponseStreamEvent",
    "ResponseTextDeltaEvent",
    "ResponseTextDoneEvent",
    "ResponseWebSearchCallCompletedEvent",
    "ResponseWebSearchCallInProgressEvent",
    "ResponseWebSearchCallSearchingEvent",
)
