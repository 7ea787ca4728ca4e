"""The installed version of ``agents-core``."""

from ._base.version import __version__ as __version__

__all__ = ("__version__",)
