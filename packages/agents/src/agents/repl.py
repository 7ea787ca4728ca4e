"""A terminal loop for trying an agent by hand (from ``agents_core.repl``)."""

from agents_core.repl import *  # noqa: F403
from agents_core.repl import __all__ as __all__
