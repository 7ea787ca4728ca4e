"""Layer 6: telephony bridges (Twilio Media Streams) on top of sessions."""
