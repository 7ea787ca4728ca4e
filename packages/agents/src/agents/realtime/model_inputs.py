"""``agents.realtime.model_inputs``: what a session asks a realtime model to send.

Re-exports ``agents_realtime.model_inputs``; needs ``pip install 'agents[realtime]'``.
"""

from ._require import missing_realtime

try:
    from agents_realtime.model_inputs import (
        RealtimeModelInputImageContent as RealtimeModelInputImageContent,
    )
    from agents_realtime.model_inputs import (
        RealtimeModelInputTextContent as RealtimeModelInputTextContent,
    )
    from agents_realtime.model_inputs import (
        RealtimeModelRawClientMessage as RealtimeModelRawClientMessage,
    )
    from agents_realtime.model_inputs import RealtimeModelSendAudio as RealtimeModelSendAudio
    from agents_realtime.model_inputs import RealtimeModelSendEvent as RealtimeModelSendEvent
    from agents_realtime.model_inputs import (
        RealtimeModelSendInterrupt as RealtimeModelSendInterrupt,
    )
    from agents_realtime.model_inputs import (
        RealtimeModelSendRawMessage as RealtimeModelSendRawMessage,
    )
    from agents_realtime.model_inputs import (
        RealtimeModelSendSessionUpdate as RealtimeModelSendSessionUpdate,
    )
    from agents_realtime.model_inputs import (
        RealtimeModelSendToolOutput as RealtimeModelSendToolOutput,
    )
    from agents_realtime.model_inputs import (
        RealtimeModelSendUserInput as RealtimeModelSendUserInput,
    )
    from agents_realtime.model_inputs import RealtimeModelUserInput as RealtimeModelUserInput
    from agents_realtime.model_inputs import (
        RealtimeModelUserInputMessage as RealtimeModelUserInputMessage,
    )
except ModuleNotFoundError as exc:  # pragma: no cover - depends on what is installed
    raise missing_realtime(exc) from exc

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
