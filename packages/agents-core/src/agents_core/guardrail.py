"""Input and output guardrails of agents."""

from ._agents.guardrails import GuardrailFunctionOutput as GuardrailFunctionOutput
from ._agents.guardrails import InputGuardrail as InputGuardrail
from ._agents.guardrails import InputGuardrailResult as InputGuardrailResult
from ._agents.guardrails import OutputGuardrail as OutputGuardrail
from ._agents.guardrails import OutputGuardrailResult as OutputGuardrailResult
from ._agents.guardrails import input_guardrail as input_guardrail
from ._agents.guardrails import output_guardrail as output_guardrail

__all__ = (
    "GuardrailFunctionOutput",
    "InputGuardrail",
    "InputGuardrailResult",
    "OutputGuardrail",
    "OutputGuardrailResult",
    "input_guardrail",
    "output_guardrail",
)
