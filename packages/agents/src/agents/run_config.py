"""Run settings (from ``agents_core.run_config``)."""

from agents_core.run_config import *  # noqa: F403
from agents_core.run_config import __all__ as __all__
