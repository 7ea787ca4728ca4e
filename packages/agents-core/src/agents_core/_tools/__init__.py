"""Layer 4: tools (function schemas, function/hosted/local tools, tool guardrails, approvals)."""
