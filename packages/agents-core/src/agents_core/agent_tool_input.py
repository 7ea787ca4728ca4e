"""What an agent used as a tool is sent for structured parameters (``Agent.as_tool``)."""

from ._agents.agent_tool_input import StructuredInputSchemaInfo as StructuredInputSchemaInfo
from ._agents.agent_tool_input import StructuredToolInputBuilder as StructuredToolInputBuilder
from ._agents.agent_tool_input import (
    StructuredToolInputBuilderOptions as StructuredToolInputBuilderOptions,
)
from ._agents.agent_tool_input import StructuredToolInputResult as StructuredToolInputResult
from ._agents.agent_tool_input import (
    build_structured_input_schema_info as build_structured_input_schema_info,
)
from ._agents.agent_tool_input import default_tool_input_builder as default_tool_input_builder
from ._agents.agent_tool_input import resolve_agent_tool_input as resolve_agent_tool_input

__all__ = (
    "StructuredInputSchemaInfo",
    "StructuredToolInputBuilder",
    "StructuredToolInputBuilderOptions",
    "StructuredToolInputResult",
    "build_structured_input_schema_info",
    "default_tool_input_builder",
    "resolve_agent_tool_input",
)
