"""Models: the interface providers implement."""

from .._models.interface import Model as Model
from .._models.interface import ModelProvider as ModelProvider
from .._models.interface import ModelTracing as ModelTracing

__all__ = (
    "Model",
    "ModelProvider",
    "ModelTracing",
)
