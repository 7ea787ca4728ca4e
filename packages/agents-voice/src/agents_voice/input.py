"""Audio into the pipeline: ``AudioInput`` (a whole recording) and ``StreamedAudioInput``."""

from ._base._input import DEFAULT_SAMPLE_RATE as DEFAULT_SAMPLE_RATE
from ._base._input import AudioInput as AudioInput
from ._base._input import StreamedAudioInput as StreamedAudioInput

__all__ = ("DEFAULT_SAMPLE_RATE", "AudioInput", "StreamedAudioInput")
