"""``get_sentence_based_splitter``: whole sentences go out once the next one has begun."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agents_voice import get_sentence_based_splitter


@pytest.mark.parametrize(
    ("buffer", "expected"),
    [
        ("Hello there, how are", ("", "Hello there, how are")),
        ("Hello there, friend. ", ("", "Hello there, friend. ")),
        ("Hello there, friend. How", ("Hello there, friend.", "How")),
        ("Hi. Ok. ", ("", "Hi. Ok. ")),  # 3 characters: held back until there is more
        ("Short one. Another short. And", ("Short one. Another short.", "And")),
        ("What?   Really!  Yes ", ("", "What?   Really!  Yes ")),
        ("Is it raining today? It is. He ", ("Is it raining today? It is.", "He ")),
        ("  Leading space is fine. Next", ("Leading space is fine.", "Next")),
    ],
)
def test_splitting(buffer: str, expected: tuple[str, str]) -> None:
    assert get_sentence_based_splitter()(buffer) == expected


def test_the_minimum_length_is_configurable() -> None:
    assert get_sentence_based_splitter(0)("Hi. Yo") == ("Hi.", "Yo")
    assert get_sentence_based_splitter(50)("A long enough sentence here. More") == (
        "",
        "A long enough sentence here. More",
    )


@given(
    st.lists(st.sampled_from(["Hi", "there", ".", "!", "?", " ", "  ", "word", "\n"]), max_size=40)
)
def test_nothing_is_lost_but_whitespace(pieces: list[str]) -> None:
    split = get_sentence_based_splitter(5)
    spoken: list[str] = []
    buffer = ""
    for piece in pieces:
        ready, buffer = split(buffer + piece)
        if ready:
            spoken.append(ready)
    text = "".join(pieces)
    assert "".join("".join([*spoken, buffer]).split()) == "".join(text.split())
