"""``agents.extensions.models``: other model providers (``litellm_model``, ``litellm_provider``,
``openai_compatible``)."""

__all__: tuple[str, ...] = ()
