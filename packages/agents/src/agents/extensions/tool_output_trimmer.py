"""``agents.extensions.tool_output_trimmer``: ``ToolOutputTrimmer``."""

from ._optional import missing_distribution

try:
    from agents_extensions.tool_output_trimmer import ToolOutputTrimmer as ToolOutputTrimmer
except ModuleNotFoundError as exc:
    missing_distribution(exc, __name__, "extensions")

__all__ = ("ToolOutputTrimmer",)
