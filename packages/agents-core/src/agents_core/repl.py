"""A terminal loop for trying an agent by hand."""

from ._run.repl import run_demo_loop as run_demo_loop

__all__ = ("run_demo_loop",)
