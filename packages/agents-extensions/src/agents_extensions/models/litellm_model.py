"""``agents_extensions.models.litellm_model``: ``LitellmModel`` (extra ``litellm``)."""

from .._models._litellm import LitellmModel as LitellmModel

__all__ = ("LitellmModel",)
