"""Layer 2: realtime agents, their hooks and handoffs (built on agents-core's public API)."""
