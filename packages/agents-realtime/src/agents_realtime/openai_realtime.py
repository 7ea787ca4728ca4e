"""OpenAI's Realtime API over websockets (GA protocol), and SIP calls."""

from ._model.transport import TransportConfig as TransportConfig
from ._openai.model import OpenAIRealtimeWebSocketModel as OpenAIRealtimeWebSocketModel
from ._openai.model import default_realtime_url as default_realtime_url
from ._openai.model import get_api_key as get_api_key
from ._openai.session_config import DEFAULT_MODEL_SETTINGS as DEFAULT_MODEL_SETTINGS
from ._openai.session_config import DEFAULT_REALTIME_MODEL as DEFAULT_REALTIME_MODEL
from ._openai.sip import OpenAIRealtimeSIPModel as OpenAIRealtimeSIPModel

__all__ = (
    "DEFAULT_MODEL_SETTINGS",
    "DEFAULT_REALTIME_MODEL",
    "OpenAIRealtimeSIPModel",
    "OpenAIRealtimeWebSocketModel",
    "TransportConfig",
    "default_realtime_url",
    "get_api_key",
)
