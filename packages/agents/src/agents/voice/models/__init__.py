"""``agents.voice.models``: OpenAI's speech models (``openai_stt``, ``openai_tts``,
``openai_model_provider``)."""

__all__: tuple[str, ...] = ()
