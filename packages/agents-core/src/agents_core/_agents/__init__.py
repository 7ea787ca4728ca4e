"""Layer 7: agents and what they are made of (handoffs, guardrails, prompts, hooks, error
handlers, agents as tools)."""
