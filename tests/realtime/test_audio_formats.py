"""Audio formats, their durations, the µ-law codec and the playback tracker."""

from __future__ import annotations

import array

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agents_realtime import RealtimePlaybackTracker
from agents_realtime._base._audio import (
    audio_duration_ms,
    pcm16_to_ulaw,
    resample_pcm16,
    ulaw_to_pcm16,
)
from agents_realtime.audio_formats import to_realtime_audio_format


@pytest.mark.parametrize(
    ("given_format", "wire"),
    [
        ("pcm16", {"type": "audio/pcm", "rate": 24000}),
        ("audio/pcm", {"type": "audio/pcm", "rate": 24000}),
        ("g711_ulaw", {"type": "audio/pcmu"}),
        ({"type": "audio/pcmu"}, {"type": "audio/pcmu"}),
        ("g711_alaw", {"type": "audio/pcma"}),
        ("mp3", None),
        (None, None),
    ],
)
def test_formats_in_their_wire_form(given_format: object, wire: object) -> None:
    assert to_realtime_audio_format(given_format) == wire


def test_durations() -> None:
    assert audio_duration_ms("pcm16", 48_000) == 1000
    assert audio_duration_ms({"type": "audio/pcmu"}, 8_000) == 1000
    assert audio_duration_ms(None, 4_800) == 100  # unknown: the API's default, PCM16 24 kHz


def test_known_ulaw_values() -> None:
    assert pcm16_to_ulaw(array.array("h", [0, 32767, -32768]).tobytes()) == bytes(
        [0xFF, 0x80, 0x00]
    )
    assert array.array("h", ulaw_to_pcm16(bytes([0xFF, 0x80, 0x00]))).tolist() == [0, 32124, -32124]


@given(st.lists(st.integers(min_value=-32768, max_value=32767), min_size=1, max_size=200))
def test_ulaw_round_trips_within_its_quantisation(samples: list[int]) -> None:
    decoded = array.array("h", ulaw_to_pcm16(pcm16_to_ulaw(array.array("h", samples).tobytes())))
    for original, restored in zip(samples, decoded, strict=True):
        assert abs(original - restored) <= max(16, abs(original) // 16 + 1) or abs(original) > 32124


def test_resampling_keeps_the_duration() -> None:
    one_second = array.array("h", [1000] * 24_000).tobytes()
    narrow = resample_pcm16(one_second, 24_000, 8_000)
    assert len(narrow) == 2 * 8_000
    assert set(array.array("h", narrow)) == {1000}


def test_the_playback_tracker_counts_what_was_played() -> None:
    tracker = RealtimePlaybackTracker()
    assert tracker.get_state() == {
        "current_item_id": None,
        "current_item_content_index": None,
        "elapsed_ms": None,
    }
    tracker.set_audio_format("g711_ulaw")
    tracker.on_play_bytes("item_1", 0, bytes(800))
    tracker.on_play_ms("item_1", 0, 50)
    assert tracker.get_state() == {
        "current_item_id": "item_1",
        "current_item_content_index": 0,
        "elapsed_ms": 150,
    }
    tracker.on_play_ms("item_2", 0, 20)  # another item starts from zero
    assert tracker.get_state()["elapsed_ms"] == 20
    tracker.on_interrupted()
    assert tracker.get_state()["current_item_id"] is None
