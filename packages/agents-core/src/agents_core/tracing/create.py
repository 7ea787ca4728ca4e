"""Starting traces and spans, through the current trace provider."""

from ._create import agent_span as agent_span
from ._create import custom_span as custom_span
from ._create import function_span as function_span
from ._create import generation_span as generation_span
from ._create import get_current_span as get_current_span
from ._create import get_current_trace as get_current_trace
from ._create import guardrail_span as guardrail_span
from ._create import handoff_span as handoff_span
from ._create import mcp_tools_span as mcp_tools_span
from ._create import response_span as response_span
from ._create import speech_group_span as speech_group_span
from ._create import speech_span as speech_span
from ._create import task_span as task_span
from ._create import trace as trace
from ._create import transcription_span as transcription_span
from ._create import turn_span as turn_span

__all__ = (
    "agent_span",
    "custom_span",
    "function_span",
    "generation_span",
    "get_current_span",
    "get_current_trace",
    "guardrail_span",
    "handoff_span",
    "mcp_tools_span",
    "response_span",
    "speech_group_span",
    "speech_span",
    "task_span",
    "trace",
    "transcription_span",
    "turn_span",
)
