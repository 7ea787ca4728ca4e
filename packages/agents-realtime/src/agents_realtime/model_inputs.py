"""What a session asks a realtime model to send."""

from ._data.model_inputs import RealtimeModelInputImageContent as RealtimeModelInputImageContent
from ._data.model_inputs import RealtimeModelInputTextContent as RealtimeModelInputTextContent
from ._data.model_inputs import RealtimeModelRawClientMessage as RealtimeModelRawClientMessage
from ._data.model_inputs import RealtimeModelSendAudio as RealtimeModelSendAudio
from ._data.model_inputs import RealtimeModelSendEvent as RealtimeModelSendEvent
from ._data.model_inputs import RealtimeModelSendInterrupt as RealtimeModelSendInterrupt
from ._data.model_inputs import RealtimeModelSendRawMessage as RealtimeModelSendRawMessage
from ._data.model_inputs import RealtimeModelSendSessionUpdate as RealtimeModelSendSessionUpdate
from ._data.model_inputs import RealtimeModelSendToolOutput as RealtimeModelSendToolOutput
from ._data.model_inputs import RealtimeModelSendUserInput as RealtimeModelSendUserInput
from ._data.model_inputs import RealtimeModelUserInput as RealtimeModelUserInput
from ._data.model_inputs import RealtimeModelUserInputMessage as RealtimeModelUserInputMessage

__all__ = (
    "RealtimeModelInputImageContent",
    "RealtimeModelInputTextContent",
    "RealtimeModelRawClientMessage",
    "RealtimeModelSendAudio",
    "RealtimeModelSendEvent",
    "RealtimeModelSendInterrupt",
    "RealtimeModelSendRawMessage",
    "RealtimeModelSendSessionUpdate",
    "RealtimeModelSendToolOutput",
    "RealtimeModelSendUserInput",
    "RealtimeModelUserInput",
    "RealtimeModelUserInputMessage",
)
