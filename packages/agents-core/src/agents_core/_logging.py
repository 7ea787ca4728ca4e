"""The library's logger: structlog, loaded on first use and silent until the application opts in.

The library never calls ``structlog.configure``. Events go through the standard library's
``logging`` module under the ``agents`` logger name, which has a ``NullHandler``; to see them::

    import logging
    logging.basicConfig(level=logging.DEBUG)   # or: enable_verbose_logging()

Model inputs, outputs and tool arguments are never logged.
"""

from __future__ import annotations

import functools
import logging
from typing import Any

__all__ = ("LOGGER_NAME", "enable_verbose_logging", "logger")

LOGGER_NAME = "agents"

logging.getLogger(LOGGER_NAME).addHandler(logging.NullHandler())


@functools.cache
def logger() -> Any:
    """The library's structlog logger, bound to the ``agents`` standard-library logger."""
    import structlog  # deferred: structlog costs tens of milliseconds to import

    return structlog.wrap_logger(
        logging.getLogger(LOGGER_NAME),
        processors=[
            structlog.stdlib.filter_by_level,
            structlog.processors.add_log_level,
            structlog.processors.KeyValueRenderer(key_order=["event"]),
        ],
        wrapper_class=structlog.stdlib.BoundLogger,
    )


def enable_verbose_logging(level: int = logging.DEBUG) -> None:
    """Print the library's log events to stderr at ``level`` (a convenience for scripts)."""
    log = logging.getLogger(LOGGER_NAME)
    log.setLevel(level)
    if not any(
        isinstance(h, logging.StreamHandler) and not isinstance(h, logging.NullHandler)
        for h in log.handlers
    ):
        log.addHandler(logging.StreamHandler())
