"""Tools: function tools the runtime runs, and the bases of provider-run and local tools."""

from ._agents.agent import FunctionToolResult as FunctionToolResult
from ._base.approvals import DEFAULT_REJECTION_MESSAGE as DEFAULT_APPROVAL_REJECTION_MESSAGE
from ._items.tool_outputs import ToolOutputFileContent as ToolOutputFileContent
from ._items.tool_outputs import ToolOutputFileContentDict as ToolOutputFileContentDict
from ._items.tool_outputs import ToolOutputImage as ToolOutputImage
from ._items.tool_outputs import ToolOutputImageDict as ToolOutputImageDict
from ._items.tool_outputs import ToolOutputText as ToolOutputText
from ._items.tool_outputs import ToolOutputTextDict as ToolOutputTextDict
from ._items.tool_outputs import ValidToolOutputPydanticModels as ValidToolOutputPydanticModels
from ._tools.tools import FunctionTool as FunctionTool
from ._tools.tools import HostedTool as HostedTool
from ._tools.tools import LocalCallTool as LocalCallTool
from ._tools.tools import Tool as Tool
from ._tools.tools import ToolErrorFunction as ToolErrorFunction
from ._tools.tools import ToolFunction as ToolFunction
from ._tools.tools import ToolFunctionWithContext as ToolFunctionWithContext
from ._tools.tools import ToolFunctionWithoutContext as ToolFunctionWithoutContext
from ._tools.tools import ToolFunctionWithToolContext as ToolFunctionWithToolContext
from ._tools.tools import ToolParams as ToolParams
from ._tools.tools import ToolTimeoutBehavior as ToolTimeoutBehavior
from ._tools.tools import default_tool_error_function as default_tool_error_function
from ._tools.tools import default_tool_timeout_error_message as default_tool_timeout_error_message
from ._tools.tools import function_tool as function_tool

__all__ = (
    "DEFAULT_APPROVAL_REJECTION_MESSAGE",
    "FunctionTool",
    "FunctionToolResult",
    "HostedTool",
    "LocalCallTool",
    "Tool",
    "ToolErrorFunction",
    "ToolFunction",
    "ToolFunctionWithContext",
    "ToolFunctionWithToolContext",
    "ToolFunctionWithoutContext",
    "ToolOutputFileContent",
    "ToolOutputFileContentDict",
    "ToolOutputImage",
    "ToolOutputImageDict",
    "ToolOutputText",
    "ToolOutputTextDict",
    "ToolParams",
    "ToolTimeoutBehavior",
    "ValidToolOutputPydanticModels",
    "default_tool_error_function",
    "default_tool_timeout_error_message",
    "function_tool",
)
