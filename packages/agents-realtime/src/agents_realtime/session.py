"""The realtime session, and what tools can return to it."""

from ._session.session import RealtimeSession as RealtimeSession
from ._session.tools import DEFAULT_APPROVAL_REJECTION_MESSAGE as DEFAULT_APPROVAL_REJECTION_MESSAGE
from ._session.tools import REJECTION_MESSAGE as REJECTION_MESSAGE
from ._session.tools import BackgroundToolResult as BackgroundToolResult

__all__ = (
    "DEFAULT_APPROVAL_REJECTION_MESSAGE",
    "REJECTION_MESSAGE",
    "BackgroundToolResult",
    "RealtimeSession",
)
