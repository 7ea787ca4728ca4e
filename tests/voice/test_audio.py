"""``write_audio``: the audio of a result written to WAV, FLAC or OGG."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
import soundfile  # type: ignore[import-untyped]  # no type information

from agents_voice import AudioFileError, AudioInput, write_audio

from .conftest import Say


def test_int16_pieces_are_joined_into_a_wav(tmp_path: Path) -> None:
    pieces = [np.arange(0, 100, dtype=np.int16), np.arange(100, 240, dtype=np.int16)]
    path = tmp_path / "answer.wav"
    write_audio(path, pieces)
    info = soundfile.info(path)
    assert (info.format, info.subtype, info.samplerate, info.channels) == (
        "WAV",
        "PCM_16",
        24_000,
        1,
    )
    assert soundfile.read(path, dtype="int16")[0].tolist() == list(range(240))


def test_float32_events_of_shape_n_by_1_are_mono(tmp_path: Path) -> None:
    pieces = [np.full((100, 1), 0.25, dtype=np.float32), np.full((50, 1), -0.5, np.float32)]
    path = tmp_path / "answer.flac"
    write_audio(path, pieces, frame_rate=16_000)
    samples, rate = soundfile.read(path, dtype="float32")
    assert rate == 16_000 and samples.shape == (150,)
    assert np.allclose(samples[:100], 0.25, atol=1e-4) and np.allclose(
        samples[100:], -0.5, atol=1e-4
    )


def test_speech_round_trips_through_ogg(tmp_path: Path, say: Say) -> None:
    spoken = say("Ogg Vorbis works too.")
    path = tmp_path / "answer.ogg"
    write_audio(path, spoken.buffer)
    assert soundfile.info(path).subtype == "VORBIS"
    again = AudioInput.from_file(path)
    assert again.duration == pytest.approx(spoken.duration, abs=0.05)


def test_a_file_object_needs_a_format() -> None:
    with pytest.raises(AudioFileError, match="needs format="):
        write_audio(io.BytesIO(), np.zeros(10, dtype=np.int16))
    out = io.BytesIO()
    write_audio(out, np.zeros(10, dtype=np.int16), format="WAV")
    assert out.getvalue()[:4] == b"RIFF"


def test_what_cannot_be_written_is_an_audio_file_error(tmp_path: Path) -> None:
    with pytest.raises(AudioFileError, match=r"answer\.unknown"):
        write_audio(tmp_path / "answer.unknown", np.zeros(10, dtype=np.int16))
    with pytest.raises(AudioFileError, match="channel counts"):
        write_audio(tmp_path / "a.wav", [np.zeros(4, np.int16), np.zeros((4, 2), np.int16)])
    with pytest.raises(AudioFileError, match="dtype"):
        write_audio(tmp_path / "a.wav", np.zeros(4, dtype=np.uint8))
