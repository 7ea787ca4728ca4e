"""``VoicePipeline``: speech to text, a workflow, text to speech."""

from ._pipeline._pipeline import VoicePipeline as VoicePipeline

__all__ = ("VoicePipeline",)
