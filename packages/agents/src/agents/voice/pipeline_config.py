"""``agents.voice.pipeline_config``: ``VoicePipelineConfig``.

Re-exported from ``agents_voice.pipeline_config``.
"""

from agents_voice.pipeline_config import VoicePipelineConfig as VoicePipelineConfig

__all__ = ("VoicePipelineConfig",)
