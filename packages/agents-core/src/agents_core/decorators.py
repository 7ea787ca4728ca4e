"""The decorators that declare tools and guardrails (``tool`` is ``function_tool``)."""

from ._agents.guardrails import input_guardrail as input_guardrail
from ._agents.guardrails import output_guardrail as output_guardrail
from ._tools.tool_guardrails import tool_input_guardrail as tool_input_guardrail
from ._tools.tool_guardrails import tool_output_guardrail as tool_output_guardrail
from ._tools.tools import function_tool as function_tool
from ._tools.tools import tool as tool

__all__ = (
    "function_tool",
    "input_guardrail",
    "output_guardrail",
    "tool",
    "tool_input_guardrail",
    "tool_output_guardrail",
)
