"""Combining history and input (from ``agents_core.memory.util``)."""

from agents_core.memory.util import *  # noqa: F403
from agents_core.memory.util import __all__ as __all__
