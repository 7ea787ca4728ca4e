"""Layer 6: the model interface, recording and replay."""
