"""Model providers: LiteLLM, and OpenAI-compatible servers with per-model profiles."""
