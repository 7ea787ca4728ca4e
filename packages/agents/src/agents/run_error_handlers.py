"""Run error handlers (from ``agents_core.run_error_handlers``)."""

from agents_core.run_error_handlers import *  # noqa: F403
from agents_core.run_error_handlers import __all__ as __all__
