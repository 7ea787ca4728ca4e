"""A paused run, as a value to decide on, save and resume."""

from ._run.run_state import RunState as RunState

__all__ = ("RunState",)
