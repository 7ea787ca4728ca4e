"""The package's logger: structlog over the standard library's ``agents.extensions`` logger.

As in ``agents_core``, structlog is never configured here: events go through the standard
library's ``logging`` (under ``agents``, which the core gives a ``NullHandler``), so they appear
only where the application asks for them. Item contents are never logged.
"""

from __future__ import annotations

import functools
import logging
from typing import Any

__all__ = ("LOGGER_NAME", "logger")

LOGGER_NAME = "agents.extensions"


@functools.cache
def logger() -> Any:
    """The structlog logger of ``agents-extensions``."""
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
