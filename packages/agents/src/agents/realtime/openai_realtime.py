"""``agents.realtime.openai_realtime``: OpenAI's Realtime API over websockets.

Re-exports ``agents_realtime.openai_realtime``; needs ``pip install 'agents[realtime]'``.
"""

from ._require import missing_realtime

try:
    from agents_realtime.openai_realtime import DEFAULT_MODEL_SETTINGS as DEFAULT_MODEL_SETTINGS
    from agents_realtime.openai_realtime import DEFAULT_REALTIME_MODEL as DEFAULT_REALTIME_MODEL
    from agents_realtime.openai_realtime import OpenAIRealtimeSIPModel as OpenAIRealtimeSIPModel
    from agents_realtime.openai_realtime import (
        OpenAIRealtimeWebSocketModel as OpenAIRealtimeWebSocketModel,
    )
    from agents_realtime.openai_realtime import TransportConfig as TransportConfig
    from agents_realtime.openai_realtime import default_realtime_url as default_realtime_url
    from agents_realtime.openai_realtime import get_api_key as get_api_key
except ModuleNotFoundError as exc:  # pragma: no cover - depends on what is installed
    raise missing_realtime(exc) from exc

__all__ = (
    "DEFAULT_MODEL_SETTINGS",
    "DEFAULT_REALTIME_MODEL",
    "OpenAIRealtimeSIPModel",
    "OpenAIRealtimeWebSocketModel",
    "TransportConfig",
    "default_realtime_url",
    "get_api_key",
)
