"""The model interface: what a provider implements so the runner can call a model."""

from .._models.interface import Model as Model
from .._models.interface import ModelProvider as ModelProvider
from .._models.interface import ModelTracing as ModelTracing
from .._models.interface import get_default_model_provider as get_default_model_provider
from .._models.interface import set_default_model_provider as set_default_model_provider

__all__ = (
    "Model",
    "ModelProvider",
    "ModelTracing",
    "get_default_model_provider",
    "set_default_model_provider",
)
