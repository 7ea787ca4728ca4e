"""``agents.voice.utils``: The sentence splitter.

Re-exported from ``agents_voice.utils``.
"""

from agents_voice.utils import get_sentence_based_splitter as get_sentence_based_splitter

__all__ = ("get_sentence_based_splitter",)
