"""The bottom layer: errors, events, audio buffers and files, and the model interfaces.

Nothing here talks to a network; ``_openai`` and ``_pipeline`` build on it.
"""
