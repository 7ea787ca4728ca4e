"""Running agents (from ``agents_core.run``)."""

from agents_core.run import *  # noqa: F403
from agents_core.run import __all__ as __all__
