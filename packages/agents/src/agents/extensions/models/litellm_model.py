"""``LitellmModel``, at its official path (extra ``litellm``)."""

from .._optional import missing_distribution

try:
    from agents_extensions.models.litellm_model import LitellmModel as LitellmModel
except ModuleNotFoundError as exc:
    missing_distribution(exc, __name__, "litellm")

__all__ = ("LitellmModel",)
