"""The installed version of the ``agents`` distribution."""

import importlib.metadata

try:
    __version__ = importlib.metadata.version("agents")
except importlib.metadata.PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0"

__all__ = ("__version__",)
