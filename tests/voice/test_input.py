"""``AudioInput`` (WAV files for upload, base64, reading any audio file, resampling) and
``StreamedAudioInput``."""

from __future__ import annotations

import base64
import io
import wave
from pathlib import Path

import numpy as np
import pytest
import soundfile  # type: ignore[import-untyped]  # no type information

from agents_core.exceptions import UserError
from agents_voice import AudioFileError, AudioInput, StreamedAudioInput

from .conftest import Say


def read_wav(content: io.BytesIO) -> tuple[int, int, int, bytes]:
    with wave.open(content, "rb") as reader:
        return (
            reader.getframerate(),
            reader.getnchannels(),
            reader.getsampwidth(),
            reader.readframes(reader.getnframes()),
        )


def test_an_int16_recording_becomes_a_wav_file() -> None:
    buffer = np.array([0, 1, -1, 32767, -32768, 256], dtype=np.int16)
    name, content, content_type = AudioInput(buffer, frame_rate=16_000).to_audio_file()
    assert (name, content_type) == ("audio.wav", "audio/wav")
    assert read_wav(content) == (16_000, 1, 2, buffer.astype("<i2").tobytes())


def test_float_audio_is_clipped_and_scaled() -> None:
    buffer = np.array([0.0, 0.5, -0.5, 1.5, -2.0], dtype=np.float32)
    _, content, _ = AudioInput(buffer).to_audio_file()
    samples = np.frombuffer(read_wav(content)[3], dtype="<i2")
    assert samples.tolist() == [0, 16383, -16383, 32767, -32767]
    assert base64.b64decode(AudioInput(buffer).to_base64()) == samples.tobytes()


def test_other_sample_widths() -> None:
    buffer = np.array([0, 256, -256], dtype=np.int16)

    def frames(width: int) -> bytes:
        return read_wav(AudioInput(buffer, sample_width=width).to_audio_file()[1])[3]

    assert frames(1) == bytes([128, 129, 127])  # 8-bit WAV is unsigned
    assert frames(3) == b"\x00\x00\x00" + b"\x00\x00\x01" + b"\x00\x00\xff"
    assert frames(4) == np.array([0, 256 << 16, -256 << 16], dtype="<i4").tobytes()
    floats = np.array([0.0, 1.0, -1.0], dtype=np.float32)
    float_frames = read_wav(AudioInput(floats, sample_width=4).to_audio_file()[1])[3]
    assert np.frombuffer(float_frames, "<i4").tolist() == [0, 2**31 - 1, -(2**31 - 1)]


def test_stereo_frames_are_written_interleaved() -> None:
    buffer = np.array([[1, -1], [2, -2]], dtype=np.int16)
    _, content, _ = AudioInput(buffer, channels=2).to_audio_file()
    _, channels, _, frames = read_wav(content)
    assert channels == 2 and frames == buffer.astype("<i2").tobytes()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"sample_width": 5}, "Sample width"),
        ({"frame_rate": 0}, "Frame rate"),
        ({"channels": 0}, "Channels"),
        ({"channels": 2}, "whole frames"),
    ],
)
def test_impossible_recordings_are_refused(options: dict[str, int], message: str) -> None:
    with pytest.raises(UserError, match=message):
        AudioInput(np.zeros(3, dtype=np.int16), **options).to_audio_file()


def test_only_int16_and_float32_audio_is_accepted() -> None:
    with pytest.raises(UserError, match="int16 or float32"):
        AudioInput(np.zeros(3, dtype=np.float64)).to_audio_file()
    with pytest.raises(UserError, match="int16 or float32"):
        AudioInput(np.zeros(3, dtype=np.int32)).to_base64()


def test_espeak_speech_is_read_and_resampled(tmp_path: Path, say: Say) -> None:
    spoken = say("Testing one two three.")
    assert spoken.frame_rate == 24_000 and spoken.buffer.dtype == np.int16
    # espeak-ng writes 22,050 Hz: the same speech, at the file's own rate, is as long.
    path = tmp_path / "again.wav"
    soundfile.write(path, spoken.buffer, 24_000)
    native = AudioInput.from_file(path, frame_rate=None)
    assert native.frame_rate == 24_000 and np.array_equal(native.buffer, spoken.buffer)
    at_16k = AudioInput.from_file(path, frame_rate=16_000)
    assert at_16k.duration == pytest.approx(spoken.duration, abs=1e-3)
    assert np.abs(spoken.buffer).max() > 5000  # it is speech, not silence


def test_a_tone_survives_resampling() -> None:
    rate = 22_050
    seconds = np.arange(rate) / rate
    tone = (0.5 * np.sin(2 * np.pi * 440 * seconds)).astype(np.float32)
    content = io.BytesIO()
    soundfile.write(content, tone, rate, format="WAV", subtype="FLOAT")
    recording = AudioInput.from_file(content.getvalue())
    assert recording.frame_rate == 24_000 and recording.buffer.size == 24_000
    expected = 0.5 * np.sin(2 * np.pi * 440 * np.arange(24_000) / 24_000) * 32767
    middle = slice(200, -200)
    assert np.abs(recording.buffer[middle] - expected[middle]).max() < 40


def test_downsampling_does_not_alias() -> None:
    rate = 48_000
    high = (0.5 * np.sin(2 * np.pi * 20_000 * np.arange(rate) / rate)).astype(np.float32)
    content = io.BytesIO()
    soundfile.write(content, high, rate, format="WAV", subtype="FLOAT")
    recording = AudioInput.from_file(content.getvalue())  # 20 kHz is above 12 kHz: removed
    assert np.abs(recording.buffer[200:-200]).max() < 50


@pytest.mark.parametrize(
    ("format", "subtype"), [("FLAC", "PCM_16"), ("OGG", "VORBIS"), ("MP3", "MPEG_LAYER_III")]
)
def test_any_format_libsndfile_reads(format: str, subtype: str, say: Say) -> None:
    spoken = say("Formats.")
    content = io.BytesIO()
    soundfile.write(content, spoken.buffer, 24_000, format=format, subtype=subtype)
    recording = AudioInput.from_file(io.BytesIO(content.getvalue()))
    assert recording.duration == pytest.approx(spoken.duration, abs=0.1)
    assert np.abs(recording.buffer.astype(np.int32)).max() > 3000


def test_stereo_files_are_mixed_down() -> None:
    left = np.full(2400, 0.5, dtype=np.float32)
    content = io.BytesIO()
    soundfile.write(content, np.stack([left, -left / 2], axis=1), 24_000, format="WAV")
    recording = AudioInput.from_file(content.getvalue())
    assert recording.channels == 1 and recording.buffer.shape == (2400,)
    assert np.all(np.abs(recording.buffer - 0.125 * 32767) <= 2)


def test_unreadable_audio_is_an_audio_file_error(tmp_path: Path) -> None:
    with pytest.raises(AudioFileError, match=r"Cannot read audio from <11 bytes>"):
        AudioInput.from_file(b"not a sound")
    missing = tmp_path / "missing.wav"
    with pytest.raises(AudioFileError, match=r"missing\.wav"):
        AudioInput.from_file(missing)


async def test_streamed_input_takes_mono_chunks_until_it_ends() -> None:
    audio_input = StreamedAudioInput()
    await audio_input.add_audio(np.zeros(10, dtype=np.int16))
    await audio_input.add_audio(np.zeros((10, 1), dtype=np.float32))
    with pytest.raises(UserError, match="mono"):
        await audio_input.add_audio(np.zeros((10, 2), dtype=np.int16))
    with pytest.raises(UserError, match="int16 or float32"):
        await audio_input.add_audio([0, 1, 2])  # type: ignore[arg-type]
    await audio_input.add_audio(None)
    with pytest.raises(UserError, match="has ended"):
        await audio_input.add_audio(np.zeros(10, dtype=np.int16))
    assert audio_input.queue.qsize() == 3
