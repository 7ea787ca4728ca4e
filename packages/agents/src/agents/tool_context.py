"""The tool context (from ``agents_core.tool_context``)."""

from agents_core.tool_context import *  # noqa: F403
from agents_core.tool_context import __all__ as __all__
