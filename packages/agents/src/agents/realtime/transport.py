"""``agents.realtime.transport``: transports of realtime models and reconnecting.

Re-exports ``agents_realtime.transport``; needs ``pip install 'agents[realtime]'``.
"""

from ._require import missing_realtime

try:
    from agents_realtime.transport import RealtimeReconnectPolicy as RealtimeReconnectPolicy
    from agents_realtime.transport import RealtimeTransport as RealtimeTransport
    from agents_realtime.transport import RealtimeTransportConnection as RealtimeTransportConnection
    from agents_realtime.transport import TransportConfig as TransportConfig
    from agents_realtime.transport import WebSocketTransport as WebSocketTransport
except ModuleNotFoundError as exc:  # pragma: no cover - depends on what is installed
    raise missing_realtime(exc) from exc

__all__ = (
    "RealtimeReconnectPolicy",
    "RealtimeTransport",
    "RealtimeTransportConnection",
    "TransportConfig",
    "WebSocketTransport",
)
