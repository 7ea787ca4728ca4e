"""Models: the interface providers implement, and the default model."""

from .._models.defaults import get_default_model as get_default_model
from .._models.defaults import get_default_model_settings as get_default_model_settings
from .._models.defaults import (
    gpt_5_reasoning_settings_required as gpt_5_reasoning_settings_required,
)
from .._models.defaults import is_gpt_5_default as is_gpt_5_default
from .._models.interface import Model as Model
from .._models.interface import ModelProvider as ModelProvider
from .._models.interface import ModelTracing as ModelTracing

__all__ = (
    "Model",
    "ModelProvider",
    "ModelTracing",
    "get_default_model",
    "get_default_model_settings",
    "gpt_5_reasoning_settings_required",
    "is_gpt_5_default",
)
