"""Run results (from ``agents_core.result``)."""

from agents_core.result import *  # noqa: F403
from agents_core.result import __all__ as __all__
