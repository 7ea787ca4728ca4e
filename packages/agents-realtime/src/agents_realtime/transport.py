"""The network seam of realtime models: transports, and reconnecting after a drop."""

from ._model.reconnect import RealtimeReconnectPolicy as RealtimeReconnectPolicy
from ._model.transport import RealtimeTransport as RealtimeTransport
from ._model.transport import RealtimeTransportConnection as RealtimeTransportConnection
from ._model.transport import TransportConfig as TransportConfig
from ._model.transport import WebSocketTransport as WebSocketTransport

__all__ = (
    "RealtimeReconnectPolicy",
    "RealtimeTransport",
    "RealtimeTransportConnection",
    "TransportConfig",
    "WebSocketTransport",
)
