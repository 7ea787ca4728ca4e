"""The pipeline: workflows, ordered speech output, the result stream and ``VoicePipeline``.
Builds on ``_base`` and ``_openai`` (the default provider)."""
