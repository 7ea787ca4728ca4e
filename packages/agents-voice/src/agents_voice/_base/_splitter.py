"""Splitting the text of an answer into pieces to speak as soon as they are complete."""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ("get_sentence_based_splitter",)

# A sentence ends at ., ! or ? followed by whitespace.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def get_sentence_based_splitter(
    min_sentence_length: int = 20,
) -> Callable[[str], tuple[str, str]]:
    """A text splitter that hands on whole sentences once they add up to at least
    ``min_sentence_length`` characters.

    The splitter takes the text received so far and returns ``(text to speak now, text to
    keep)``. A sentence counts as complete once the next one has begun, so the last sentence
    of the buffer is always kept back (the pipeline speaks it when the answer ends).
    """

    def split(text_buffer: str) -> tuple[str, str]:
        sentences = _SENTENCE_END.split(text_buffer.strip())
        ready = " ".join(sentences[:-1])
        if len(ready) < min_sentence_length:
            return "", text_buffer
        # The whitespace after the kept sentence separates it from the next delta.
        trailing = text_buffer[len(text_buffer.rstrip()) :]
        return ready, sentences[-1] + trailing

    return split
