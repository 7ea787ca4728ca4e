"""``AdvancedSQLiteSession``: SQLite with turns, branches and usage per turn."""

from .._memory._advanced_sqlite import AdvancedSQLiteSession as AdvancedSQLiteSession

__all__ = ("AdvancedSQLiteSession",)
