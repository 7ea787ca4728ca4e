"""Settings passed to the model on each call."""

from ._base.model_settings import ModelSettings as ModelSettings
from ._base.model_settings import Reasoning as Reasoning

__all__ = (
    "ModelSettings",
    "Reasoning",
)
