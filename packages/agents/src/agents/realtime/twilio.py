"""``agents.realtime.twilio``: phone calls through Twilio Media Streams.

Re-exports ``agents_realtime.twilio``; needs ``pip install 'agents[realtime]'``.
"""

from ._require import missing_realtime

try:
    from agents_realtime.twilio import TwilioMediaStreamsTransport as TwilioMediaStreamsTransport
    from agents_realtime.twilio import TwilioWebSocket as TwilioWebSocket
except ModuleNotFoundError as exc:  # pragma: no cover - depends on what is installed
    raise missing_realtime(exc) from exc

__all__ = ("TwilioMediaStreamsTransport", "TwilioWebSocket")
