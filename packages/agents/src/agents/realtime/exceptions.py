"""``agents.realtime.exceptions``: the errors of realtime sessions.

Re-exports ``agents_realtime.exceptions``; needs ``pip install 'agents[realtime]'``.
"""

from ._require import missing_realtime

try:
    from agents_realtime.exceptions import RealtimeAPIError as RealtimeAPIError
    from agents_realtime.exceptions import (
        RealtimeAuthenticationError as RealtimeAuthenticationError,
    )
    from agents_realtime.exceptions import RealtimeConnectionError as RealtimeConnectionError
    from agents_realtime.exceptions import RealtimeHandshakeError as RealtimeHandshakeError
    from agents_realtime.exceptions import RealtimeProtocolError as RealtimeProtocolError
    from agents_realtime.exceptions import RealtimeScriptError as RealtimeScriptError
    from agents_realtime.exceptions import UnconsumedRealtimeSteps as UnconsumedRealtimeSteps
    from agents_realtime.exceptions import UnexpectedRealtimeSend as UnexpectedRealtimeSend
except ModuleNotFoundError as exc:  # pragma: no cover - depends on what is installed
    raise missing_realtime(exc) from exc

__all__ = (
    "RealtimeAPIError",
    "RealtimeAuthenticationError",
    "RealtimeConnectionError",
    "RealtimeHandshakeError",
    "RealtimeProtocolError",
    "RealtimeScriptError",
    "UnconsumedRealtimeSteps",
    "UnexpectedRealtimeSend",
)
