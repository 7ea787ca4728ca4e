"""Helpers: splitting an answer into sentences to speak as soon as each is complete."""

from ._base._splitter import get_sentence_based_splitter as get_sentence_based_splitter

__all__ = ("get_sentence_based_splitter",)
