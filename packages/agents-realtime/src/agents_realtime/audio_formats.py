"""Audio formats of the Realtime API, in their GA wire form."""

from ._base._audio import to_realtime_audio_format as to_realtime_audio_format

__all__ = ("to_realtime_audio_format",)
