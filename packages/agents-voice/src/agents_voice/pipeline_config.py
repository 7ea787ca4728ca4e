"""``VoicePipelineConfig``: the models' provider and settings, tracing, barge-in."""

from ._pipeline._config import VoicePipelineConfig as VoicePipelineConfig

__all__ = ("VoicePipelineConfig",)
