"""Settings passed to the model on each call."""

from ._base.model_settings import MCPToolChoice as MCPToolChoice
from ._base.model_settings import ModelSettings as ModelSettings
from ._base.model_settings import Reasoning as Reasoning
from ._base.model_settings import ToolChoice as ToolChoice

__all__ = (
    "MCPToolChoice",
    "ModelSettings",
    "Reasoning",
    "ToolChoice",
)
