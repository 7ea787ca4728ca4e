"""``agents_extensions.models.litellm_provider``: ``LitellmProvider`` (extra ``litellm``)."""

from .._models._litellm import LitellmProvider as LitellmProvider

__all__ = ("LitellmProvider",)
