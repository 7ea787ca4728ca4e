"""The realtime runner: starts sessions for an agent."""

from ._session.runner import RealtimeRunner as RealtimeRunner

__all__ = ("RealtimeRunner",)
