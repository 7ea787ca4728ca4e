"""The installed version of ``agents-core``."""

import importlib.metadata

__all__ = ("__version__",)

try:
    __version__ = importlib.metadata.version("agents-core")
except importlib.metadata.PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0"
