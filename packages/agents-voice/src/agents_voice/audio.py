"""Audio files: read any format into an ``AudioInput`` (``AudioInput.from_file``), write the
audio of a result to WAV, FLAC or OGG (``write_audio``)."""

from ._base._files import AudioSource as AudioSource
from ._base._files import write_audio as write_audio
from ._base._input import AudioInput as AudioInput

__all__ = ("AudioInput", "AudioSource", "write_audio")
