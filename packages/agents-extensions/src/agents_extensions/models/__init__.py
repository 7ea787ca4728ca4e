"""Other model providers: ``litellm_model`` / ``litellm_provider`` (extra ``litellm``) and
``openai_compatible`` (extra ``openai``), each imported on its own."""

__all__: tuple[str, ...] = ()
