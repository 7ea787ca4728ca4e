"""OpenAI's speech models: ``openai_stt``, ``openai_tts`` and ``openai_model_provider``."""

__all__: tuple[str, ...] = ()
