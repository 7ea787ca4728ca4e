"""``StreamedAudioResult``: the events of a pipeline run."""

from ._pipeline._result import StreamedAudioResult as StreamedAudioResult

__all__ = ("StreamedAudioResult",)
