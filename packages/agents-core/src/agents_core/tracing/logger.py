"""The tracing logger."""

from ._log import logger as logger

__all__ = ("logger",)
