"""``VoicePipelineConfig``: the models' provider and settings, tracing, barge-in."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, TypeVar

from agents_core.exceptions import UserError
from agents_core.tracing import TracingConfig, gen_group_id

from .._base._models import STTModelSettings, TTSModelSettings, VoiceModelProvider
from .._openai._provider import OpenAIVoiceModelProvider

__all__ = ("VoicePipelineConfig", "coerce_config")

T = TypeVar("T")


def coerce_config(value: Any, cls: type[T], what: str) -> T:
    """``value`` if it is a ``cls``, else a ``cls`` built from a dict of its fields."""
    if isinstance(value, cls):
        return value
    if isinstance(value, dict):
        known = {f.name for f in fields(cls)}  # type: ignore[arg-type]  # cls is a dataclass
        unknown = sorted(set(value) - known)
        if unknown:
            raise UserError(f"Unknown {what} settings: {', '.join(unknown)}.")
        return cls(**value)
    raise UserError(f"{what} must be a {cls.__name__} or a dict, got {type(value).__name__}.")


@dataclass
class VoicePipelineConfig:
    """How a ``VoicePipeline`` runs: where its models come from, their settings, tracing and
    barge-in. ``stt_settings`` and ``tts_settings`` may be given as dicts of their fields."""

    model_provider: VoiceModelProvider = field(default_factory=OpenAIVoiceModelProvider)
    """Resolves model names (default: OpenAI)."""

    tracing_disabled: bool = False
    """Whether to record no trace of the pipeline."""

    tracing: TracingConfig | None = None
    """The pipeline's tracing settings: the API key its trace is exported with
    (``agents.tracing.TracingConfig``)."""

    trace_include_sensitive_data: bool = True
    """Whether spans record what was said and answered (transcripts, text spoken, prompts).
    This is the pipeline's own spans; the workflow's agent runs have their own setting."""

    trace_include_sensitive_audio_data: bool = True
    """Whether spans record the audio heard and spoken."""

    workflow_name: str = "Voice Agent"
    """The name of the trace."""

    group_id: str = field(default_factory=gen_group_id)
    """Links the traces of one conversation."""

    trace_metadata: dict[str, Any] | None = None
    """Your own metadata for the trace."""

    stt_settings: STTModelSettings = field(default_factory=STTModelSettings)
    """Settings of the speech-to-text model."""

    tts_settings: TTSModelSettings = field(default_factory=TTSModelSettings)
    """Settings of the text-to-speech model."""

    barge_in: bool = field(default=True, kw_only=True)
    """With streamed input, whether the user starting to speak stops the answer being spoken
    and ends its turn (``turn_ended`` with ``interrupted=True``)."""

    def __post_init__(self) -> None:
        self.stt_settings = coerce_config(self.stt_settings, STTModelSettings, "voice.stt")
        self.tts_settings = coerce_config(self.tts_settings, TTSModelSettings, "voice.tts")
