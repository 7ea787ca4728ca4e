"""`agents-voice`: the voice pipeline: speech to text, an agent workflow, text to speech.

This distribution is installed and importable, and its version is fixed, but its public API is
still empty: the features land in their own release. Importing it never pulls in more than
`agents-core`.
"""

__all__: tuple[str, ...] = ()
