"""The realtime session, and what tools can return to it."""

from ._session.session import RealtimeSession as RealtimeSession
from ._session.tools import REJECTION_MESSAGE as REJECTION_MESSAGE
from ._session.tools import BackgroundToolResult as BackgroundToolResult

__all__ = ("REJECTION_MESSAGE", "BackgroundToolResult", "RealtimeSession")
