"""``agents.voice.workflow``: Workflows: from a transcript to the text to speak.

Re-exported from ``agents_voice.workflow``.
"""

from agents_voice.workflow import SingleAgentVoiceWorkflow as SingleAgentVoiceWorkflow
from agents_voice.workflow import SingleAgentWorkflowCallbacks as SingleAgentWorkflowCallbacks
from agents_voice.workflow import VoiceWorkflowBase as VoiceWorkflowBase
from agents_voice.workflow import VoiceWorkflowHelper as VoiceWorkflowHelper

__all__ = (
    "SingleAgentVoiceWorkflow",
    "SingleAgentWorkflowCallbacks",
    "VoiceWorkflowBase",
    "VoiceWorkflowHelper",
)
