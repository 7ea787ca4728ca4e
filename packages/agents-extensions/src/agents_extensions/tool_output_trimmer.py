"""``agents_extensions.tool_output_trimmer``: trims bulky tool outputs of older turns."""

from ._tool_output_trimmer import ToolOutputTrimmer as ToolOutputTrimmer

__all__ = ("ToolOutputTrimmer",)
