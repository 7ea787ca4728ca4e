"""The tracing logger (``openai.agents.tracing``, a child of the library's logger)."""

from __future__ import annotations

import logging

__all__ = ("logger",)

logger = logging.getLogger("openai.agents.tracing")
"""The standard-library logger of tracing (silent until the application configures logging)."""
