"""Layer 0: audio formats and codecs, ids and logging; imports nothing else of this package."""
