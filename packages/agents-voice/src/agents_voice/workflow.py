"""Workflows: what turns a transcript into the text to speak."""

from ._pipeline._workflow import SingleAgentVoiceWorkflow as SingleAgentVoiceWorkflow
from ._pipeline._workflow import SingleAgentWorkflowCallbacks as SingleAgentWorkflowCallbacks
from ._pipeline._workflow import VoiceWorkflowBase as VoiceWorkflowBase
from ._pipeline._workflow import VoiceWorkflowHelper as VoiceWorkflowHelper

__all__ = (
    "SingleAgentVoiceWorkflow",
    "SingleAgentWorkflowCallbacks",
    "VoiceWorkflowBase",
    "VoiceWorkflowHelper",
)
