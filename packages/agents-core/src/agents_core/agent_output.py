"""What an agent's final output must look like (structured output schemas)."""

from ._base.output_schema import AgentOutputSchema as AgentOutputSchema
from ._base.output_schema import AgentOutputSchemaBase as AgentOutputSchemaBase

__all__ = (
    "AgentOutputSchema",
    "AgentOutputSchemaBase",
)
