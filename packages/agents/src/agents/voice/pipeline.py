"""``agents.voice.pipeline``: ``VoicePipeline``.

Re-exported from ``agents_voice.pipeline``.
"""

from agents_voice.pipeline import VoicePipeline as VoicePipeline

__all__ = ("VoicePipeline",)
