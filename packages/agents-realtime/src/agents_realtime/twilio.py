"""Phone calls through Twilio Media Streams, bridged to a realtime session."""

from ._telephony.twilio import TwilioMediaStreamsTransport as TwilioMediaStreamsTransport
from ._telephony.twilio import TwilioWebSocket as TwilioWebSocket

__all__ = ("TwilioMediaStreamsTransport", "TwilioWebSocket")
