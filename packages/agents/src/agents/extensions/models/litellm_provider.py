"""``LitellmProvider``, at its official path (extra ``litellm``)."""

from .._optional import missing_distribution

try:
    from agents_extensions.models.litellm_provider import DEFAULT_MODEL as DEFAULT_MODEL
    from agents_extensions.models.litellm_provider import LitellmProvider as LitellmProvider
except ModuleNotFoundError as exc:
    missing_distribution(exc, __name__, "litellm")

__all__ = ("DEFAULT_MODEL", "LitellmProvider")
