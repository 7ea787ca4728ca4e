"""The SQLite session (from ``agents_core.memory.sqlite_session``)."""

from agents_core.memory.sqlite_session import *  # noqa: F403
from agents_core.memory.sqlite_session import __all__ as __all__
