"""Tools: function tools the runtime runs, and the bases of provider-run and local tools."""

from ._agents.agent import FunctionToolResult as FunctionToolResult
from ._tools.tools import FunctionTool as FunctionTool
from ._tools.tools import HostedTool as HostedTool
from ._tools.tools import LocalCallTool as LocalCallTool
from ._tools.tools import Tool as Tool
from ._tools.tools import default_tool_error_function as default_tool_error_function
from ._tools.tools import function_tool as function_tool

__all__ = (
    "FunctionTool",
    "FunctionToolResult",
    "HostedTool",
    "LocalCallTool",
    "Tool",
    "default_tool_error_function",
    "function_tool",
)
