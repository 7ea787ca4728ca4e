"""Layer 5: the realtime session (events, history, tools, guardrails) and the runner."""
