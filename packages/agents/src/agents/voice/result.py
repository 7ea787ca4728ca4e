"""``agents.voice.result``: ``StreamedAudioResult``.

Re-exported from ``agents_voice.result``.
"""

from agents_voice.result import StreamedAudioResult as StreamedAudioResult

__all__ = ("StreamedAudioResult",)
