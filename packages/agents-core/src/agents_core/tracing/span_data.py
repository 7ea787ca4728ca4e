"""What each kind of span records."""

from ._span_data import AgentSpanData as AgentSpanData
from ._span_data import CustomSpanData as CustomSpanData
from ._span_data import FunctionSpanData as FunctionSpanData
from ._span_data import GenerationSpanData as GenerationSpanData
from ._span_data import GuardrailSpanData as GuardrailSpanData
from ._span_data import HandoffSpanData as HandoffSpanData
from ._span_data import MCPListToolsSpanData as MCPListToolsSpanData
from ._span_data import ResponseSpanData as ResponseSpanData
from ._span_data import SpanData as SpanData
from ._span_data import SpeechGroupSpanData as SpeechGroupSpanData
from ._span_data import SpeechSpanData as SpeechSpanData
from ._span_data import TaskSpanData as TaskSpanData
from ._span_data import TranscriptionSpanData as TranscriptionSpanData
from ._span_data import TurnSpanData as TurnSpanData

__all__ = (
    "AgentSpanData",
    "CustomSpanData",
    "FunctionSpanData",
    "GenerationSpanData",
    "GuardrailSpanData",
    "HandoffSpanData",
    "MCPListToolsSpanData",
    "ResponseSpanData",
    "SpanData",
    "SpeechGroupSpanData",
    "SpeechSpanData",
    "TaskSpanData",
    "TranscriptionSpanData",
    "TurnSpanData",
)
