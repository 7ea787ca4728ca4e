"""How stored history and new input are combined."""

from .._memory.history import SessionInputCallback as SessionInputCallback

__all__ = ("SessionInputCallback",)
