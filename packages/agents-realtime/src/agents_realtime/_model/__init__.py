"""Layer 3: the realtime model interface, the playback tracker, transports and reconnecting."""
