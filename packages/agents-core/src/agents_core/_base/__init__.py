"""Layer 1: what everything else builds on (logging, docstrings, strict schemas, usage,
model settings, output schemas, the run context)."""
