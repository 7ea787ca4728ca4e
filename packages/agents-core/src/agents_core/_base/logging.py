"""The library's logger: structlog, loaded on first use and silent until the application opts in.

The library never calls ``structlog.configure``. Events go through the standard library's
``logging`` module under the ``openai.agents`` logger name (as with OpenAI's Agents SDK), which
has a ``NullHandler``; to see them::

    import logging
    logging.basicConfig(level=logging.DEBUG)   # or: enable_verbose_stdout_logging()

Model inputs, outputs and tool arguments are never logged.
"""

from __future__ import annotations

import functools
import logging
import sys
from typing import Any

__all__ = (
    "LOGGER_NAME",
    "enable_verbose_logging",
    "enable_verbose_stdout_logging",
    "log",
    "logger",
)

LOGGER_NAME = "openai.agents"

logger = logging.getLogger(LOGGER_NAME)
"""The standard-library logger every event of the library goes to (silent until configured)."""
logger.addHandler(logging.NullHandler())


@functools.cache
def log() -> Any:
    """The library's structlog logger, writing to ``logger`` (for providers and extensions)."""
    import structlog  # deferred: structlog costs tens of milliseconds to import

    return structlog.wrap_logger(
        logger,
        processors=[
            structlog.stdlib.filter_by_level,
            structlog.processors.add_log_level,
            structlog.processors.KeyValueRenderer(key_order=["event"]),
        ],
        wrapper_class=structlog.stdlib.BoundLogger,
    )


def enable_verbose_logging(level: int = logging.DEBUG) -> None:
    """Print the library's log events to stderr at ``level`` (a convenience for scripts)."""
    logger.setLevel(level)
    if not any(
        isinstance(h, logging.StreamHandler) and not isinstance(h, logging.NullHandler)
        for h in logger.handlers
    ):
        logger.addHandler(logging.StreamHandler())


def enable_verbose_stdout_logging() -> None:
    """Print the library's log events, debug level and up, to standard output."""
    logger.setLevel(logging.DEBUG)
    if not any(getattr(h, "stream", None) is sys.stdout for h in logger.handlers):
        logger.addHandler(logging.StreamHandler(sys.stdout))
