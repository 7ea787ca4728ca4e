"""``agents_extensions.models.litellm_provider``: ``LitellmProvider`` (extra ``litellm``)."""

from .._models._litellm import LitellmProvider as LitellmProvider

__all__ = ("DEFAULT_MODEL", "LitellmProvider")

DEFAULT_MODEL: str = "gpt-4.1"
"""Kept for older code; the provider's default is ``agents.models.get_default_model()``."""
