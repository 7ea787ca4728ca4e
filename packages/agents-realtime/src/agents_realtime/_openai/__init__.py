"""Layer 4: OpenAI's Realtime API (GA protocol) over a transport: the websocket model."""
