"""What each kind of span records."""

from ._span_data import AgentSpanData as AgentSpanData
from ._span_data import CustomSpanData as CustomSpanData
from ._span_data import FunctionSpanData as FunctionSpanData
from ._span_data import GenerationSpanData as GenerationSpanData
from ._span_data import GuardrailSpanData as GuardrailSpanData
from ._span_data import HandoffSpanData as HandoffSpanData
from ._span_data import SpanData as SpanData

__all__ = (
    "AgentSpanData",
    "CustomSpanData",
    "FunctionSpanData",
    "GenerationSpanData",
    "GuardrailSpanData",
    "HandoffSpanData",
    "SpanData",
)
