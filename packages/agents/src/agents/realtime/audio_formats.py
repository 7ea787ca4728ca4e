"""``agents.realtime.audio_formats``: audio formats in their GA wire form.

Re-exports ``agents_realtime.audio_formats``; needs ``pip install 'agents[realtime]'``.
"""

from ._require import missing_realtime

try:
    from agents_realtime.audio_formats import to_realtime_audio_format as to_realtime_audio_format
except ModuleNotFoundError as exc:  # pragma: no cover - depends on what is installed
    raise missing_realtime(exc) from exc

__all__ = ("to_realtime_audio_format",)
