"""How stored history and new input are combined."""

from .._items.history import SessionInputCallback as SessionInputCallback

__all__ = ("SessionInputCallback",)
