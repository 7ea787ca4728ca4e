"""Starting traces and spans (from ``agents_core.tracing.create``)."""

from agents_core.tracing.create import *  # noqa: F403
from agents_core.tracing.create import __all__ as __all__
