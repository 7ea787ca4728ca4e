"""OpenAI's speech models: transcription over HTTP and over the realtime websocket, speech over
HTTP, and the provider that names them. Builds on ``_base``."""
