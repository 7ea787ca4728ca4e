"""Tools (from ``agents_core.tool``, and OpenAI's hosted and local tools from ``agents_openai``)."""

from agents_core.tool import *  # noqa: F403
from agents_core.tool import __all__ as _core_names
from agents_openai import CodeInterpreterTool as CodeInterpreterTool
from agents_openai import ComputerTool as ComputerTool
from agents_openai import ComputerToolSafetyCheckData as ComputerToolSafetyCheckData
from agents_openai import FileSearchTool as FileSearchTool
from agents_openai import HostedMCPTool as HostedMCPTool
from agents_openai import ImageGenerationTool as ImageGenerationTool
from agents_openai import ImageGenerationToolConfig as ImageGenerationToolConfig
from agents_openai import LocalShellCommandRequest as LocalShellCommandRequest
from agents_openai import LocalShellExecutor as LocalShellExecutor
from agents_openai import LocalShellTool as LocalShellTool
from agents_openai import MCPToolApprovalFunction as MCPToolApprovalFunction
from agents_openai import MCPToolApprovalFunctionResult as MCPToolApprovalFunctionResult
from agents_openai import MCPToolApprovalRequest as MCPToolApprovalRequest
from agents_openai import WebSearchTool as WebSearchTool
from agents_openai import WebSearchToolImageSettings as WebSearchToolImageSettings

__all__ = (
    *_core_names,
    "CodeInterpreterTool",
    "ComputerTool",
    "ComputerToolSafetyCheckData",
    "FileSearchTool",
    "HostedMCPTool",
    "ImageGenerationTool",
    "ImageGenerationToolConfig",
    "LocalShellCommandRequest",
    "LocalShellExecutor",
    "LocalShellTool",
    "MCPToolApprovalFunction",
    "MCPToolApprovalFunctionResult",
    "MCPToolApprovalRequest",
    "WebSearchTool",
    "WebSearchToolImageSettings",
)
