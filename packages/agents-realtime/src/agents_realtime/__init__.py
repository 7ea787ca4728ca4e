"""`agents-realtime`: realtime speech-to-speech agents over websockets.

This distribution is installed and importable, and its version is fixed, but its public API is
still empty: the features land in their own release. Importing it never pulls in more than
`agents-core`.
"""

__all__: tuple[str, ...] = ()
